// Calm placeholder pictures (SVG) for screenshots: warm tones, soft shapes, no text.
const PALETTES = [
  ['#e9dccb', '#c9a987', '#8c6a4f'],
  ['#e4e0d6', '#b7b19c', '#6f6a55'],
  ['#efe3da', '#d3a990', '#9c5b3b'],
  ['#dfe3dc', '#a9b5a2', '#5f6f5a'],
  ['#ece6df', '#cbbfb2', '#7d7065']
]

export function placeholderSvg(name: string): string {
  let hash = 0
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  const [bg, mid, deep] = PALETTES[hash % PALETTES.length]
  const cx = 300 + (hash % 300)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="900" viewBox="0 0 900 900" preserveAspectRatio="xMidYMid slice">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${bg}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
<rect width="900" height="900" fill="url(#g)"/>
<circle cx="${cx}" cy="330" r="150" fill="${bg}" opacity="0.75"/>
<path d="M0 690 Q 225 ${560 + (hash % 80)} 450 660 T 900 640 V 900 H 0 Z" fill="${deep}" opacity="0.55"/>
<path d="M0 760 Q 300 700 600 770 T 900 750 V 900 H 0 Z" fill="${deep}" opacity="0.8"/>
</svg>`
}

// UTF-8 byte length without TextEncoder: core has neither DOM nor Node types,
// and the mini-program's JS engine lacks TextEncoder on some base libraries.
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** Bytes of a value as JSON, or null when it cannot be JSON (a cycle, a BigInt). */
export function jsonByteLength(value: unknown): number | null {
  try {
    const json = JSON.stringify(value)
    return json === undefined ? null : utf8Length(json)
  } catch {
    return null
  }
}

/** 山茶's colours: warm paper, camellia red, leaf green and the glazes and linens of the catalog. */
import { hex } from './canvas'

export const PALETTE = {
  paper: hex('#FBF8F3'),
  cream: hex('#F3ECE2'),
  ink: hex('#2E2A27'),
  camellia: hex('#C2453A'),
  camelliaDeep: hex('#962E27'),
  pollen: hex('#E8C15A'),
  leaf: hex('#4F6B4A'),
  sage: hex('#A3B09A'),
  mist: hex('#8EA3B5'),
  oat: hex('#D8C7AA'),
  clay: hex('#B98A66'),
  celadon: hex('#A9C2B0'),
  milk: hex('#F1EDE6'),
  charcoal: hex('#3A3836'),
  blush: hex('#E8C7BE'),
  pine: hex('#5E7F6E'),
  moon: hex('#E6E3DC'),
  natural: hex('#E4D8C3'),
  indigo: hex('#4B5D78')
} as const

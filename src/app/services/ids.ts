// Client-made ids (event ids, share ids, idempotency keys, anonymous ids). They match
// core's ID_PATTERN: letters and digits only. NOTE: the weapp JS engine has no
// crypto.getRandomValues, so this is time + Math.random: unique enough for ids,
// never used as a secret.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'

function randomChars(n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return out
}

export function newId(prefix = ''): string {
  return `${prefix}${Date.now().toString(36)}${randomChars(12)}`
}

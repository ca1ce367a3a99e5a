/**
 * How the backend sits in production: behind which proxies (TRUST_PROXY) and
 * where the built front ends are (STATIC_DIR). Read by loadConfig's schema.
 *
 * TRUST_PROXY: unset or 0 = nobody (request.ip is the connecting address);
 * a positive integer = that many proxy hops in front (1: one load balancer);
 * otherwise a comma-separated list of proxy addresses or CIDR ranges (or
 * proxy-addr's names loopback, linklocal, uniquelocal). Fastify then takes
 * request.ip from X-Forwarded-For, trusting only those hops. `true` (trust
 * any address) is refused: anyone could then choose their own address.
 *
 * NOTE: Fastify 5.12 turns a numeric trustProxy into "trust nobody" (a hop
 * count cannot tell the balancer from a client that connects directly), so a
 * hop count is given to it as a function. It is only safe when the backend
 * is reachable through the balancer alone; a CIDR list is safe either way.
 */
import { isIP } from 'node:net'
import { resolve } from 'node:path'

export type TrustProxy = false | number | string[]

/** Fastify's trustProxy option for a TrustProxy setting. */
export function fastifyTrustProxy(t: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof t !== 'number') return t
  return (_address, hop) => hop < t
}

export interface HostingConfig {
  trustProxy: TrustProxy
  /** Holds dist-admin/ (served at /admin/) and dist-h5/ (served at /). */
  staticDir: string
}

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal'])
/** The repository root: where `npm run build` writes dist-admin/ and dist-h5/. */
export const REPO_ROOT = resolve(__dirname, '../..')

function isAddressOrRange(entry: string): boolean {
  if (NAMED.has(entry)) return true
  const [address, bits, extra] = entry.split('/')
  const family = isIP(address ?? '')
  if (family === 0 || extra !== undefined) return false
  if (bits === undefined) return true
  const n = Number(bits)
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128)
}

export function parseTrustProxy(raw: string | undefined): TrustProxy | { error: string } {
  const v = raw?.trim()
  if (!v || v === '0') return false
  if (/^\d+$/.test(v)) {
    const hops = Number(v)
    return hops <= 10 ? hops : { error: `TRUST_PROXY must be a hop count from 1 to 10 or a list of proxy addresses/CIDRs, got "${v}"` }
  }
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean)
  const bad = entries.filter((e) => !isAddressOrRange(e))
  if (entries.length === 0 || bad.length > 0) {
    return { error: `TRUST_PROXY must be a hop count (e.g. 1) or a comma-separated list of proxy addresses/CIDRs (e.g. 10.0.0.0/8), got "${v}"` }
  }
  return entries
}

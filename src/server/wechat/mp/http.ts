/**
 * One POST to a mini-program server API: JSON in, JSON out. WeChat answers
 * errors with HTTP 200 and an errcode in the body, so the errcode decides;
 * a network failure, a timeout or a non-JSON answer is errcode null (the
 * outbox retries those). The URL carries the access_token: never logged.
 */
export type MpAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; errcode: number | null; errmsg: string }

export async function postJson(url: string, body: unknown, timeoutMs = 10_000): Promise<MpAnswer> {
  let text: string
  let status: number
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs)
    })
    status = res.status
    text = await res.text()
  } catch (e) {
    return { ok: false, errcode: null, errmsg: `WeChat could not be reached (${(e as Error).name}: ${(e as Error).message})` }
  }
  let parsed: unknown
  try {
    // NOTE: WeChat sometimes labels JSON as text/plain; parse the text whatever the type.
    parsed = JSON.parse(text)
  } catch {
    return { ok: false, errcode: null, errmsg: `WeChat answered HTTP ${status} with something that is not JSON` }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, errcode: null, errmsg: `WeChat answered HTTP ${status} with JSON that is not an object` }
  }
  const answer = parsed as Record<string, unknown>
  const errcode = typeof answer.errcode === 'number' ? answer.errcode : 0
  if (errcode !== 0) return { ok: false, errcode, errmsg: typeof answer.errmsg === 'string' ? answer.errmsg : '' }
  return { ok: true, body: answer }
}

/** An API that answers a file on success (getwxacodeunlimit's image) and JSON `{errcode, errmsg}` on failure. */
export type MpBinaryAnswer = { ok: true; body: Buffer; contentType: string } | { ok: false; errcode: number | null; errmsg: string }

export async function postForBinary(url: string, body: unknown, timeoutMs = 10_000): Promise<MpBinaryAnswer> {
  let bytes: Buffer
  let status: number
  let type: string
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs)
    })
    status = res.status
    type = res.headers.get('content-type') ?? ''
    bytes = Buffer.from(await res.arrayBuffer())
  } catch (e) {
    return { ok: false, errcode: null, errmsg: `WeChat could not be reached (${(e as Error).name}: ${(e as Error).message})` }
  }
  // NOTE: the image comes with HTTP 200 and an image/* type; an error is JSON with HTTP 200 too, and
  // its type is not always application/json, so anything that is not an image is read as JSON.
  if (status === 200 && type.toLowerCase().startsWith('image/') && bytes.length > 0) return { ok: true, body: bytes, contentType: type }
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch {
    return { ok: false, errcode: null, errmsg: `WeChat answered HTTP ${status} (${type || 'no type'}) with neither an image nor JSON` }
  }
  const answer = (parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {}) as Record<string, unknown>
  const errcode = typeof answer.errcode === 'number' && answer.errcode !== 0 ? answer.errcode : null
  const errmsg = typeof answer.errmsg === 'string' ? answer.errmsg : `WeChat answered HTTP ${status} with JSON instead of an image`
  return { ok: false, errcode, errmsg }
}

/**
 * A tiny jscode2session stand-in on node:http, for answers the sandbox
 * will not give (HTTP 500, non-JSON, hanging). Set `answers[code]`; an
 * unknown code answers errcode 40029 like WeChat. `calls` records each
 * query so tests can check what the server sent.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeAnswer {
  status?: number
  /** Sent as text/plain, as WeChat does; objects are JSON-encoded. */
  body: string | Record<string, unknown>
  delayMs?: number
}

export interface WechatFake {
  url: string
  answers: Map<string, FakeAnswer>
  calls: URLSearchParams[]
  close(): Promise<void>
}

export async function startWechatFake(): Promise<WechatFake> {
  const answers = new Map<string, FakeAnswer>()
  const calls: URLSearchParams[] = []
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end()
      return
    }
    calls.push(url.searchParams)
    const answer: FakeAnswer = answers.get(url.searchParams.get('js_code') ?? '') ?? {
      body: { errcode: 40029, errmsg: 'invalid code' }
    }
    const send = () => {
      res.writeHead(answer.status ?? 200, { 'content-type': 'text/plain' })
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body))
    }
    if (answer.delayMs) setTimeout(send, answer.delayMs)
    else send()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    answers,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

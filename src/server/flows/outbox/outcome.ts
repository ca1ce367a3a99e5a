/**
 * What sending one outbox task came to, and the sender contract: a sender
 * gets the task and its parsed payload, calls WeChat, and answers one of
 * these (it never throws for WeChat's answers; a throw counts as a retry).
 */
import type { StaffProblem, WechatApiName } from '@core/wechat-errors'
import { classifyErrcode, problemFor } from '@core/wechat-errors'
import type { WechatTaskRow } from '../../db/repos/wechat-task-repo'
import type { Deps } from '../../deps'
import type { MpAnswer } from '../../wechat/mp/client'

export type SendOutcome =
  | { kind: 'done'; note?: string }
  | { kind: 'retry'; errcode: number | null; error: string }
  | { kind: 'failed'; errcode: number | null; error: string; problem: StaffProblem }

export type TaskSender = (deps: Deps, task: WechatTaskRow, payload: unknown) => Promise<SendOutcome>

/** The plain mapping of an answer, for senders with no 'verify' step. */
export function outcomeOf(api: WechatApiName, answer: MpAnswer): SendOutcome {
  if (answer.ok) return { kind: 'done' }
  const error = `${answer.errcode ?? 'no answer'}: ${answer.errmsg}`
  if (answer.errcode === null) return { kind: 'retry', errcode: null, error }
  const verdict = classifyErrcode(api, answer.errcode)
  if (verdict === 'done') return { kind: 'done', note: error }
  if (verdict === 'retry') return { kind: 'retry', errcode: answer.errcode, error }
  return { kind: 'failed', errcode: answer.errcode, error, problem: problemFor(api, answer.errcode) }
}

/**
 * Which sender handles which outbox task kind. A kind with no sender here
 * stays pending (retried with backoff), so a task written by a newer
 * version of the server is kept until a server that knows it runs.
 */
import type { TaskSender } from './outcome'
import { outcomeOf } from './outcome'
import { sendShippingUpload } from '../shipping/send-upload'
import { notifyConfirmReceive, setMsgJumpPath } from '../../wechat/mp/trade-api'
import { sendSubscribeMessageTask } from '../subscriptions/send-message-task'

const sendJumpPath: TaskSender = async (deps, _task, payload) =>
  outcomeOf('set_msg_jump_path', await setMsgJumpPath(deps.mp, (payload as { path: string }).path))

const sendConfirmReminder: TaskSender = async (deps, _task, payload) => {
  const p = payload as { transactionId: string; receivedTimeS: number }
  return outcomeOf('notify_confirm_receive', await notifyConfirmReceive(deps.mp, p.transactionId, p.receivedTimeS))
}

export const TASK_SENDERS: Record<string, TaskSender> = {
  upload_shipping_info: sendShippingUpload,
  set_msg_jump_path: sendJumpPath,
  notify_confirm_receive: sendConfirmReminder,
  subscribe_message: sendSubscribeMessageTask
}

/**
 * The outbox sender of `subscribe_message` tasks: subscribeMessage.send
 * with the payload queued by queueSubscriptionMessage. 43101 (no consent
 * left at WeChat) counts as done, as wechat-errors classifies it.
 */
import { sendSubscribeMessage } from '../../wechat/mp/trade-api'
import { outcomeOf, type TaskSender } from '../outbox/outcome'
import type { SubscribeMessagePayload } from './queue-message'

export const sendSubscribeMessageTask: TaskSender = async (deps, _task, payload) =>
  outcomeOf('subscribe_message', await sendSubscribeMessage(deps.mp, payload as SubscribeMessagePayload))

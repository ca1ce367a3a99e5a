/** Staff send a failed WeChat call again (after fixing what its problem said). */
import { err, ok, type Result } from '@core/result'
import { findTask, retryFailedTask } from '../../db/repos/wechat-task-repo'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'

export async function retryWechatTask(deps: Deps, staffId: string, id: string): Promise<Result<string | null>> {
  const task = await findTask(deps.db, id)
  if (!task) return err('TASK_NOT_FOUND', `No WeChat task ${id}`)
  const now = deps.clock.now()
  if (!(await retryFailedTask(deps.db, id, now.toISOString()))) {
    return err('TASK_NOT_FAILED', `This task is ${task.status}; only a failed task can be retried`)
  }
  await recordAudit(deps.db, now, staffId, 'wechat_task.retry', { type: task.orderId ? 'order' : 'wechat_task', id: task.orderId ?? id }, { taskId: id, kind: task.kind })
  return ok(task.orderId)
}

/** The order statuses reports count as paid, from core (isPaidStatus: paid, shipped, completed). */
import { isPaidStatus, ORDER_STATUSES } from '@core/order'

export const PAID_STATUSES: readonly string[] = ORDER_STATUSES.filter(isPaidStatus)

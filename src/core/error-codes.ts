// Every code the server can answer in `{error:{code,message,details}}` (and
// in per-row results such as a batch shipment's). The server's status table
// and the admin's Chinese messages are Records over ErrorCode, so adding a
// code here without a status and a message fails the compiler; a code that is
// not here cannot be thrown (AppError and err() take these types).

export const ERROR_CODES = [
  // request shape (framework and route checks)
  'BAD_REQUEST',
  'BAD_URL',
  'INVALID_JSON',
  'INVALID_CONTENT_LENGTH',
  'VALIDATION_FAILED',
  'INVALID_ID',
  'INVALID_CURSOR',
  'INVALID_SLUG',
  'INVALID_WINDOW',
  'INVALID_IDEMPOTENCY_KEY',
  'INVALID_OUT_TRADE_NO',
  'PAYLOAD_TOO_LARGE',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNSUPPORTED_FILE_TYPE',
  'ROUTE_NOT_FOUND',
  // identity and access
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'INVALID_CODE',
  'CODE_USED',
  'FORBIDDEN',
  'LOGIN_BLOCKED',
  'CROSS_SITE',
  'PREVIEW_EXPIRED',
  'BAD_SIGNATURE',
  'MESSAGE_PUSH_OFF',
  'RATE_LIMITED',
  'TOO_MANY_REQUESTS',
  // staff and content
  'EMAIL_TAKEN',
  'LAST_ADMIN',
  'STAFF_NOT_FOUND',
  'SLUG_TAKEN',
  'SHARE_ID_TAKEN',
  'SHARE_NOT_FOUND',
  'SHARE_NOT_OWNED',
  'CAMPAIGN_NOT_FOUND',
  'SCENE_NOT_FOUND',
  'CONTENT_RISKY',
  'INVALID_PAGE',
  'INVALID_BLOCKS',
  'UNKNOWN_BLOCK_TYPE',
  'UNKNOWN_PRODUCT',
  'PAGE_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'PRODUCT_NOT_FOUND',
  'MEDIA_NOT_FOUND',
  'NOT_FOUND',
  'CONFLICT',
  // events
  'INVALID_EVENT',
  'INVALID_BATCH',
  'UNKNOWN_EVENT_TYPE',
  'SERVER_ONLY_TYPE',
  'PROPS_TOO_LARGE',
  'TS_OUT_OF_RANGE',
  'BATCH_TOO_LARGE',
  'TOO_MANY_EVENTS',
  // cart and checkout
  'INVALID_QTY',
  'QTY_ABOVE_LIMIT',
  'INSUFFICIENT_STOCK',
  'SOLD_OUT',
  'LINE_NOT_FOUND',
  'INVALID_ITEMS',
  'INVALID_ADDRESS',
  'INVALID_ORDER_TOTAL',
  'OUT_OF_STOCK',
  'SKU_UNAVAILABLE',
  'NOT_ON_SALE',
  'TOO_MANY_UNPAID_ORDERS',
  'IDEMPOTENCY_KEY_REUSED',
  // orders and payment
  'ORDER_NOT_FOUND',
  'INVALID_TRANSITION',
  'INVALID_AMOUNT',
  'ALREADY_PAID',
  'ALREADY_CLOSED',
  'ORDER_CLOSED',
  'ORDER_EXPIRED',
  'AMOUNT_MISMATCH',
  'PAYMENT_MISMATCH',
  'REFUND_IN_PROGRESS',
  'REFUND_EXCEEDS_PAID',
  'PAY_BAD_ANSWER',
  'PAY_REJECTED',
  'PAY_NOT_CONFIGURED',
  'PAY_UNAVAILABLE',
  // after-sales
  'AFTER_SALE_NOT_FOUND',
  'INVALID_AFTER_SALE',
  'INVALID_AFTER_SALE_TRANSITION',
  'INVALID_RETURN_SHIPMENT',
  'INVALID_CARRIER',
  'AFTER_SALE_OPEN',
  'AFTER_SALE_NOT_ALLOWED',
  'AFTER_SALE_KIND_NOT_ALLOWED',
  'AFTER_SALE_EXPIRED',
  'AFTER_SALE_CLOSED',
  // shipping, receipt and WeChat sync
  'INVALID_SHIPMENT',
  'DUPLICATE_ROW',
  'ORDER_NOT_PAID',
  'ORDER_NOT_SHIPPABLE',
  'ORDER_NOT_SHIPPED',
  'RECEIPT_NOT_CONFIRMED',
  'TASK_NOT_FOUND',
  'TASK_NOT_FAILED',
  // coupons and sharer rewards
  'INVALID_COUPON',
  'UNKNOWN_COUPON',
  'COUPON_NOT_FOUND',
  'COUPON_GONE',
  'COUPON_LIMIT',
  'COUPON_NOT_STARTED',
  'COUPON_ENDED',
  'COUPON_NOT_USABLE',
  'COUPON_MIN_SPEND',
  'COUPON_NOT_APPLICABLE',
  'INVALID_MESSAGE',
  // WeChat and the server itself
  'WECHAT_RATE_LIMITED',
  'WECHAT_BUSY',
  'WECHAT_UNAVAILABLE',
  'WECHAT_MISCONFIGURED',
  'DB_UNAVAILABLE',
  'INTERNAL'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * Codes that never leave the side that makes them: steps of checking a WeChat
 * Pay notification (the answer to WeChat is its own FAIL body), amounts typed
 * by staff or shoppers, and the admin's reading of a shipping CSV. They are
 * Result codes, never answers, so they need no status.
 */
export const LOCAL_ERROR_CODES = [
  'NETWORK',
  'SIGNATURE_MISSING',
  'UNKNOWN_SERIAL',
  'STALE_TIMESTAMP',
  'DECRYPT_FAILED',
  'UNREADABLE',
  'NOTIFY_REFUSED',
  'TOO_MANY_DECIMALS',
  'NEGATIVE_AMOUNT',
  'AMOUNT_TOO_LARGE',
  'NOT_UTF8',
  'EMPTY_FILE',
  'MISSING_COLUMN',
  'TOO_MANY_ROWS',
  'UNCLOSED_QUOTE',
  'UNKNOWN_CARRIER',
  'AMBIGUOUS_CARRIER'
] as const

export type LocalErrorCode = (typeof LOCAL_ERROR_CODES)[number]

/** What a Result may carry: an answerable code or a local one. */
export type ResultCode = ErrorCode | LocalErrorCode

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

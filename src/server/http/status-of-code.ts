/**
 * Result codes → HTTP status, in one place (DESIGN.md "Conventions").
 * Suffix/prefix rules cover families (`*_NOT_FOUND` → 404, `INVALID_*` →
 * 400); everything else must be listed. An unlisted code is a bug and
 * answers 500 so it gets noticed rather than hiding as a 400. Other issues
 * (commerce, events) add their codes to this table.
 */
const table: Record<string, number> = {
  VALIDATION_FAILED: 400,
  CODE_USED: 400,
  UNKNOWN_BLOCK_TYPE: 400,
  UNKNOWN_PRODUCT: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  LOGIN_BLOCKED: 403,
  PREVIEW_EXPIRED: 403,
  NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  EMAIL_TAKEN: 409,
  LAST_ADMIN: 409,
  CONFLICT: 409,
  OUT_OF_STOCK: 409,
  // hardening (issue 11)
  BAD_URL: 400,
  CROSS_SITE: 403,
  SHARE_ID_TAKEN: 409,
  TOO_MANY_UNPAID_ORDERS: 409,
  PAYLOAD_TOO_LARGE: 413,
  BATCH_TOO_LARGE: 413,
  TOO_MANY_EVENTS: 413,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSUPPORTED_FILE_TYPE: 415,
  RATE_LIMITED: 429,
  TOO_MANY_REQUESTS: 429,
  WECHAT_RATE_LIMITED: 429,
  WECHAT_BUSY: 503,
  WECHAT_UNAVAILABLE: 503,
  WECHAT_MISCONFIGURED: 503,
  // commerce (issue 4)
  SKU_UNAVAILABLE: 409,
  ALREADY_PAID: 409,
  ALREADY_CLOSED: 409,
  ORDER_CLOSED: 409,
  ORDER_EXPIRED: 409,
  INVALID_TRANSITION: 409,
  REFUND_IN_PROGRESS: 409,
  REFUND_EXCEEDS_PAID: 409,
  AMOUNT_MISMATCH: 409,
  PAYMENT_MISMATCH: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAY_BAD_ANSWER: 502,
  PAY_REJECTED: 502,
  PAY_NOT_CONFIGURED: 503,
  PAY_UNAVAILABLE: 503,
  // after-sales, shopper uploads
  AFTER_SALE_OPEN: 409,
  AFTER_SALE_NOT_ALLOWED: 409,
  AFTER_SALE_KIND_NOT_ALLOWED: 409,
  AFTER_SALE_EXPIRED: 409,
  AFTER_SALE_CLOSED: 409,
  INVALID_AFTER_SALE_TRANSITION: 409,
  // shipping and receipt
  ORDER_NOT_PAID: 409,
  ORDER_NOT_SHIPPABLE: 409,
  ORDER_NOT_SHIPPED: 409,
  RECEIPT_NOT_CONFIRMED: 409,
  TASK_NOT_FAILED: 409,
  // coupons and sharer rewards
  UNKNOWN_COUPON: 400,
  COUPON_GONE: 409,
  COUPON_LIMIT: 409,
  COUPON_NOT_STARTED: 409,
  COUPON_ENDED: 409,
  COUPON_NOT_USABLE: 409,
  COUPON_MIN_SPEND: 409,
  COUPON_NOT_APPLICABLE: 409
}

export function statusOfCode(code: string): number {
  const listed = table[code]
  if (listed !== undefined) return listed
  if (code.endsWith('_NOT_FOUND')) return 404
  if (code.startsWith('INVALID_')) return 400
  return 500
}


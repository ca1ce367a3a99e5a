/**
 * The app's order page. WeChat's shipping and confirm-receipt service
 * messages open it (set_msg_jump_path) with transaction_id / merchant_id /
 * merchant_trade_no in the query, which the page resolves through
 * GET /api/v1/orders/lookup.
 */
export const ORDER_PAGE_PATH = 'pkg-orders/detail/index'

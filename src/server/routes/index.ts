/**
 * Every route module, in registration order; app.ts registers whatever
 * is listed, so a new module is added here and nowhere else.
 */
import { adminAfterSaleRoutes } from './admin-after-sales'
import { adminAnalyticsRoutes } from './admin-analytics'
import { adminAuditRoutes } from './admin-audit'
import { adminCouponRoutes } from './admin-coupons'
import { adminRewardRoutes } from './admin-rewards'
import { adminMediaRoutes } from './admin-media'
import { adminOrderRoutes } from './admin-orders'
import { adminPageRoutes } from './admin-pages'
import { adminProductRoutes } from './admin-products'
import { adminSettingsRoutes } from './admin-settings'
import { adminShippingRoutes } from './admin-shipping'
import { adminSessionRoutes } from './admin-session'
import { adminStaffRoutes } from './admin-staff'
import { healthRoutes } from './health'
import { launchReminderRoutes } from './launch-reminders'
import { mediaFileRoutes } from './media-files'
import { opsRoutes } from './ops'
import { shopperAfterSaleRoutes } from './shopper-after-sales'
import { shopperAuthRoutes } from './shopper-auth'
import { shopperCartRoutes } from './shopper-cart'
import { shopperCouponRoutes } from './shopper-coupons'
import { shopperShareRoutes } from './shopper-shares'
import { shopperEventRoutes } from './shopper-events'
import { shopperMediaRoutes } from './shopper-media'
import { shopperOrderRoutes } from './shopper-orders'
import { shopperPageRoutes } from './shopper-pages'
import { shopperProductRoutes } from './shopper-products'
import { shopperReceiptRoutes } from './shopper-receipt'
import { shopperSubscriptionRoutes } from './shopper-subscriptions'
import type { RegisterRoutes } from './route'
import { wechatMessageRoutes } from './wechat-message'
import { wechatpayNotifyRoutes } from './wechatpay-notify'

export const allRoutes: RegisterRoutes[] = [
  healthRoutes,
  opsRoutes,
  adminSessionRoutes,
  adminStaffRoutes,
  adminAuditRoutes,
  adminProductRoutes,
  adminMediaRoutes,
  mediaFileRoutes,
  adminPageRoutes,
  shopperAuthRoutes,
  shopperProductRoutes,
  shopperPageRoutes,
  shopperEventRoutes,
  shopperCartRoutes,
  shopperOrderRoutes,
  wechatpayNotifyRoutes,
  adminOrderRoutes,
  adminAnalyticsRoutes,
  shopperAfterSaleRoutes,
  shopperSubscriptionRoutes,
  shopperMediaRoutes,
  adminAfterSaleRoutes,
  adminSettingsRoutes,
  adminShippingRoutes,
  shopperReceiptRoutes,
  wechatMessageRoutes,
  adminCouponRoutes,
  shopperCouponRoutes,
  adminRewardRoutes,
  shopperShareRoutes,
  launchReminderRoutes
]

/**
 * Every screen and its path, for react-router's hash router (`/admin/#/pages/42`):
 * hash URLs work behind any static host and under any base path, with no
 * server-side fallback. Each section loads on first visit (smaller first download).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

type Screen = LazyExoticComponent<ComponentType>

const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): Screen => lazy(() => load().then((m) => ({ default: m[name] })))

export const SCREENS: Array<{ path: string; screen: Screen }> = [
  { path: '/pages', screen: named(() => import('./content/page-list'), 'PageList') },
  { path: '/pages/:id', screen: named(() => import('./content/page-editor'), 'PageEditorScreen') },
  { path: '/products', screen: named(() => import('./products/product-list'), 'ProductList') },
  { path: '/products/new', screen: named(() => import('./products/product-editor'), 'ProductEditorScreen') },
  { path: '/products/:id', screen: named(() => import('./products/product-editor'), 'ProductEditorScreen') },
  { path: '/orders', screen: named(() => import('./orders/order-list'), 'OrdersScreen') },
  { path: '/orders/:id', screen: named(() => import('./orders/order-detail'), 'OrderDetailScreen') },
  { path: '/shipping', screen: named(() => import('./shipping/shipping-queue'), 'ShippingQueue') },
  { path: '/after-sales', screen: named(() => import('./after-sales/after-sales-queue'), 'AfterSalesQueue') },
  { path: '/refunds', screen: named(() => import('./orders/refund-list'), 'RefundList') },
  { path: '/campaigns', screen: named(() => import('./campaigns/campaign-list'), 'CampaignList') },
  { path: '/coupons', screen: named(() => import('./coupons/coupon-list'), 'CouponList') },
  { path: '/rewards', screen: named(() => import('./rewards/reward-rules'), 'RewardsScreen') },
  { path: '/analytics', screen: named(() => import('./analytics/analytics-screen'), 'AnalyticsScreen') },
  { path: '/staff', screen: named(() => import('./staff/staff-list'), 'StaffList') }
]

/** Every screen and its hash path; each section loads on first visit (smaller first download). */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

type Screen = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>

const named = <K extends string>(load: () => Promise<Record<K, ComponentType<{ params: Record<string, string> }>>>, name: K): Screen =>
  lazy(() => load().then((m) => ({ default: m[name] })))

export const ROUTES: Array<{ pattern: string; screen: Screen }> = [
  { pattern: '/pages', screen: named(() => import('./content/page-list'), 'PageList') },
  { pattern: '/pages/:id', screen: named(() => import('./content/page-editor'), 'PageEditorScreen') },
  { pattern: '/products', screen: named(() => import('./products/product-list'), 'ProductList') },
  { pattern: '/products/new', screen: named(() => import('./products/product-editor'), 'ProductEditorScreen') },
  { pattern: '/products/:id', screen: named(() => import('./products/product-editor'), 'ProductEditorScreen') },
  { pattern: '/orders', screen: named(() => import('./orders/order-list'), 'OrdersScreen') },
  { pattern: '/orders/:id', screen: named(() => import('./orders/order-detail'), 'OrderDetailScreen') },
  { pattern: '/shipping', screen: named(() => import('./shipping/shipping-queue'), 'ShippingQueue') },
  { pattern: '/after-sales', screen: named(() => import('./after-sales/after-sales-queue'), 'AfterSalesQueue') },
  { pattern: '/refunds', screen: named(() => import('./orders/refund-list'), 'RefundList') },
  { pattern: '/analytics', screen: named(() => import('./analytics/analytics-screen'), 'AnalyticsScreen') },
  { pattern: '/staff', screen: named(() => import('./staff/staff-list'), 'StaffList') }
]

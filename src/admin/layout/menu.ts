/**
 * The side menu by role (docs/api.md "Authentication and roles"): editors see content,
 * products and campaigns; admins also orders, shipping, after-sales, refunds, coupons,
 * sharer rewards, analytics and staff accounts.
 */
import type { Role } from '@core/contract/staff'

export interface MenuEntry {
  path: string
  label: string
  adminOnly: boolean
}

export const MENU: readonly MenuEntry[] = [
  { path: '/pages', label: '内容', adminOnly: false },
  { path: '/products', label: '商品', adminOnly: false },
  { path: '/campaigns', label: '推广', adminOnly: false },
  { path: '/orders', label: '订单', adminOnly: true },
  { path: '/shipping', label: '待发货', adminOnly: true },
  { path: '/after-sales', label: '售后', adminOnly: true },
  { path: '/refunds', label: '退款', adminOnly: true },
  { path: '/coupons', label: '优惠券', adminOnly: true },
  { path: '/rewards', label: '分享奖励', adminOnly: true },
  { path: '/analytics', label: '数据', adminOnly: true },
  { path: '/staff', label: '员工账号', adminOnly: true }
]

export function menuFor(role: Role): MenuEntry[] {
  return MENU.filter((entry) => role === 'admin' || !entry.adminOnly)
}

/** The menu entry a path belongs to (`/pages/42` → `/pages`). */
export function sectionOf(path: string): string {
  const first = path.split('/').filter(Boolean)[0]
  return first ? `/${first}` : '/pages'
}

export function mayOpen(role: Role, path: string): boolean {
  const entry = MENU.find((e) => e.path === sectionOf(path))
  return !entry || !entry.adminOnly || role === 'admin'
}

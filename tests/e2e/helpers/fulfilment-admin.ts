// A staff member's fulfilment work in the admin web: ship an order by express from the
// 待发货 queue (carrier picked in the searchable list), and approve an after-sales
// request in the 售后 queue. Only what a person sees and clicks.
import { bridge, BUILT_API_BASE } from './api-bridge'
import type { Browser, Page } from 'playwright-core'

/**
 * Signs in like the journey's openAdmin, and also names every failed request: the
 * console only says "status of 404".
 */
export async function openStaffAdmin(browser: Browser, siteUrl: string, account: { email: string; password: string }, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  // The editor's live preview is the H5 app, built for its own API base: on the admin's origin, as under npm start.
  await bridge(context, BUILT_API_BASE, new URL(siteUrl).origin)
  const page = await context.newPage()
  page.on('pageerror', (e) => problems.push(`admin page error: ${e.message}`))
  page.on('console', (m) => {
    // The first paint asks who is signed in; before login that is an expected 401.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(`admin console error: ${m.text()} (${m.location().url})`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400 && r.status() !== 401) problems.push(`admin ${r.status()}: ${r.request().method()} ${r.url()}`)
  })
  await page.goto(siteUrl)
  await page.getByLabel('邮箱').fill(account.email)
  await page.getByLabel('密码').fill(account.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('menu', { name: '主菜单' }).waitFor()
  return page
}

/** 待发货 → 发货 on the order's row → 快递, carrier searched by `search` and picked by `carrierName`, tracking number, 确认发货. */
export async function shipByExpress(page: Page, o: { outTradeNo: string; search: string; carrierName: string; trackingNo: string }, beforeConfirm?: () => Promise<unknown>) {
  await page.getByRole('menuitem', { name: '待发货' }).click()
  await page.getByRole('button', { name: `发货 ${o.outTradeNo}` }).click()
  const dialog = page.getByRole('dialog', { name: `发货 · 订单 ${o.outTradeNo}` })
  await dialog.waitFor()
  const carrier = dialog.getByRole('combobox', { name: '快递公司' })
  await carrier.click()
  await carrier.pressSequentially(o.search)
  await page.locator('.ant-select-item-option', { hasText: o.carrierName }).click()
  await dialog.getByLabel('运单号').fill(o.trackingNo)
  await beforeConfirm?.()
  await dialog.getByRole('button', { name: '确认发货' }).click()
  await dialog.waitFor({ state: 'hidden' })
}

/** 售后 → 待审核 → 同意 on the order's request, confirmed in the dialog. */
export async function approveAfterSale(page: Page, outTradeNo: string, beforeConfirm?: () => Promise<unknown>) {
  await page.getByRole('menuitem', { name: '售后' }).click()
  const row = page.getByRole('row').filter({ hasText: outTradeNo })
  await row.getByRole('button', { name: `同意 ${outTradeNo}` }).click()
  const dialog = page.getByRole('dialog', { name: `同意售后 · 订单 ${outTradeNo}` })
  await dialog.waitFor()
  await beforeConfirm?.()
  await dialog.getByRole('button', { name: '同意' }).click()
  await dialog.waitFor({ state: 'hidden' })
}

// A brand staff member in the admin web (Chromium, desktop size): sign in, build and
// publish a page, open an order, refund part of it. Only what a person sees and
// clicks: roles, labels and visible text.
import { bridge, BUILT_API_BASE } from './api-bridge'
import type { Browser, Page } from 'playwright-core'

export async function openAdmin(browser: Browser, siteUrl: string, account: { email: string; password: string }, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  // The editor's live preview is the H5 app, built for its own API base: on the admin's origin, as under npm start.
  await bridge(context, BUILT_API_BASE, new URL(siteUrl).origin)
  const page = await context.newPage()
  page.on('pageerror', (e) => problems.push(`admin page error: ${e.message}`))
  page.on('console', (m) => {
    // The first paint asks who is signed in; before login that is an expected 401.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(`admin console error: ${m.text()}`)
  })
  await page.goto(siteUrl)
  await page.getByLabel('邮箱').fill(account.email)
  await page.getByLabel('密码').fill(account.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('menu', { name: '主菜单' }).waitFor()
  return page
}

/** 内容 → 新建页面: a text block and one product block per title, autosaved, then 立即发布. */
export async function publishPage(page: Page, p: { title: string; slug: string; text: string; products: string[] }) {
  await page.getByRole('menuitem', { name: '内容' }).click()
  await page.getByRole('button', { name: /新建页面/ }).click()
  await page.getByLabel('新页面标题').fill(p.title)
  await page.getByLabel('新页面链接名').fill(p.slug)
  await page.getByRole('button', { name: '创建' }).click()
  await page.getByRole('button', { name: '立即发布' }).waitFor()

  await page.getByRole('button', { name: /添加文字$/ }).click()
  await page.getByRole('group', { name: '模块 1：文字' }).getByLabel('正文').fill(p.text)
  for (const [i, title] of p.products.entries()) {
    await page.getByRole('button', { name: /添加商品$/ }).click()
    await page.getByRole('group', { name: `模块 ${i + 2}：商品` }).getByRole('combobox', { name: '选择商品' }).pressSequentially(title.slice(0, 2))
    await page.locator('.ant-select-item-option', { hasText: title }).click()
  }
  await page.getByRole('status', { name: '保存状态' }).filter({ hasText: '草稿已保存' }).waitFor()
  await page.getByRole('button', { name: '立即发布' }).click()
  await page.locator('.ant-tag', { hasText: '已发布' }).waitFor()
}

export async function openOrder(page: Page, outTradeNo: string) {
  await page.getByRole('menuitem', { name: '订单' }).click()
  await page.getByRole('link', { name: outTradeNo }).click()
  await page.getByRole('heading', { name: `订单 ${outTradeNo}` }).waitFor()
}

/** On an order's page: 退款 → 部分退款 of `yuan`, confirmed; waits until WeChat Pay (the sandbox) settled it. */
export async function refundPart(page: Page, outTradeNo: string, yuan: string, reason: string) {
  await page.getByRole('button', { name: '退款' }).click()
  await page.getByLabel('部分退款').check()
  await page.getByLabel('退款金额').fill(yuan)
  await page.getByLabel('退款原因').fill(reason)
  await page.getByRole('button', { name: '下一步' }).click()
  await page.getByText(`将通过微信支付退还 ¥${yuan} 给顾客`).waitFor()
  await page.getByRole('button', { name: '确认退款' }).click()
  await page.getByRole('cell', { name: reason }).waitFor()
  // The refund settles by WeChat Pay's notification; the order page reads the order again by
  // itself while the refund is under way, so its row turns 已退款 with no reload.
  // NOTE: the order's summary also has a cell labelled 已退款, so look inside this refund's row only.
  await page.getByRole('row').filter({ hasText: reason }).getByRole('cell', { name: '已退款', exact: true }).waitFor({ timeout: 30_000 })
  await page.getByRole('heading', { name: `订单 ${outTradeNo}` }).waitFor()
}

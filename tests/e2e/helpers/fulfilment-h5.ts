// The shopper's side of fulfilment in the H5 shop: confirm receipt through the
// sandbox's stand-in for WeChat's confirm component, and ask for an after-sales refund.
import type { Page } from 'playwright-core'

/** 确认收货 on the order page → the sandbox's sheet → 确认收货 there → back on the order page. */
export async function confirmReceipt(page: Page, onSheet?: () => Promise<unknown>) {
  await page.locator('.order__btn', { hasText: '确认收货' }).click()
  await page.getByRole('heading', { name: '确认收货' }).waitFor({ timeout: 30_000 })
  await onSheet?.()
  await page.getByRole('button', { name: '确认收货', exact: true }).click()
}

/** 申请售后 on the order page → kind, reason, amount (yuan), note → 提交申请 → back on the order page. */
export async function requestAfterSale(page: Page, r: { kind: string; reason: string; yuan: string; note?: string }, beforeSubmit?: () => Promise<unknown>) {
  await page.locator('.order__btn', { hasText: '申请售后' }).click()
  // Taro's H5 views keep aria-role as a plain attribute, so the chips are found by class and text.
  await page.locator('.chip', { hasText: r.kind }).click()
  await page.locator('.chip', { hasText: r.reason }).click()
  const amount = page.locator('.form-amount__input input')
  await amount.fill(r.yuan)
  if (r.note) await page.locator('.form-textarea textarea').fill(r.note)
  await beforeSubmit?.()
  await page.getByText('提交申请', { exact: true }).click()
}

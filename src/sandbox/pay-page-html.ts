// The shopper-facing pages of the simulated WeChat cashier: Chinese, one column, made for a 375 px phone.

export const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

/** Fen to `¥12.34`; the only place the sandbox formats money. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`
}

const STYLE = `
*{box-sizing:border-box;margin:0;padding:0}
body{font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;background:#ededed;color:#111;min-height:100vh}
header{background:#07c160;color:#fff;text-align:center;padding:14px 16px;font-size:17px;font-weight:600}
main{max-width:420px;margin:0 auto;padding:24px 16px}
.card{background:#fff;border-radius:12px;padding:28px 20px;text-align:center}
.merchant{font-size:15px;color:#555}
.amount{font-size:40px;font-weight:600;margin:14px 0 6px;letter-spacing:.5px;word-break:break-all}
.desc{font-size:14px;color:#888;word-break:break-all}
dl{margin-top:20px;border-top:1px solid #eee;padding-top:14px;font-size:13px;color:#888;text-align:left}
dl div{display:flex;justify-content:space-between;gap:12px;padding:4px 0}
dd{color:#333;word-break:break-all;text-align:right}
form{margin-top:24px}
button{display:block;width:100%;border:0;border-radius:8px;font-size:17px;padding:13px 0;margin-top:12px;cursor:pointer}
.pay{background:#07c160;color:#fff;font-weight:600}
.cancel{background:#fff;color:#576b95;border:1px solid #ddd}
.icon{font-size:48px;line-height:1}
.ok{color:#07c160}.fail{color:#fa5151}
.note{margin-top:18px;font-size:12px;color:#aaa;text-align:center}
`

function layout(title: string, inner: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body><header>微信支付</header><main>${inner}
<p class="note">本页面由本地微信支付沙箱提供，不会产生真实扣款</p></main></body></html>`
}

export interface CheckoutView {
  merchantName: string
  mchid: string
  description: string
  amountFen: number
  outTradeNo: string
  prepayId: string
  returnUrl?: string
}

export function checkoutPage(v: CheckoutView): string {
  const hidden = `<input type="hidden" name="prepay_id" value="${escape(v.prepayId)}">` +
    (v.returnUrl ? `<input type="hidden" name="return" value="${escape(v.returnUrl)}">` : '')
  return layout(`微信支付 ${yuan(v.amountFen)}`, `
<section class="card" aria-label="订单信息">
  <p class="merchant">${escape(v.merchantName)}</p>
  <p class="amount">${yuan(v.amountFen)}</p>
  <p class="desc">${escape(v.description)}</p>
  <dl>
    <div><dt>收款方</dt><dd>${escape(v.merchantName)}（商户号 ${escape(v.mchid)}）</dd></div>
    <div><dt>商户订单号</dt><dd>${escape(v.outTradeNo)}</dd></div>
    <div><dt>支付方式</dt><dd>零钱（沙箱）</dd></div>
  </dl>
</section>
<form method="post" action="/pay/confirm">${hidden}<button class="pay" type="submit">确认支付</button></form>
<form method="post" action="/pay/cancel" style="margin-top:0">${hidden}<button class="cancel" type="submit">取消</button></form>`)
}

export function resultPage(v: { ok: boolean; title: string; message: string; amountFen?: number }): string {
  return layout(v.title, `
<section class="card" role="status">
  <p class="icon ${v.ok ? 'ok' : 'fail'}" aria-hidden="true">${v.ok ? '✓' : '!'}</p>
  <p class="amount" style="font-size:22px">${escape(v.title)}</p>
  ${v.amountFen !== undefined ? `<p class="amount">${yuan(v.amountFen)}</p>` : ''}
  <p class="desc">${escape(v.message)}</p>
</section>`)
}

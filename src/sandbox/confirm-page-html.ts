// WeChat's half-screen 确认收货 sheet (wx.openBusinessView weappOrderConfirm) as the H5 preview shows it.
import { escape, yuan } from './pay-page-html'

const STYLE = `
*{box-sizing:border-box;margin:0;padding:0}
html,body{height:100%}
body{font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;color:#111;background:#f2f2f2}
.backdrop{position:fixed;inset:0;background:rgba(0,0,0,.55)}
.sheet{position:fixed;left:0;right:0;bottom:0;margin:0 auto;max-width:480px;background:#f7f7f7;border-radius:16px 16px 0 0;padding:0 0 calc(20px + env(safe-area-inset-bottom))}
.bar{display:flex;align-items:center;height:56px;padding:0 8px;position:relative}
.bar h1{position:absolute;left:0;right:0;text-align:center;font-size:17px;font-weight:600;pointer-events:none}
.close{width:40px;height:40px;border:0;background:none;font-size:26px;line-height:40px;color:#333;cursor:pointer}
.brand{display:flex;align-items:center;justify-content:center;gap:6px;font-size:12px;color:#888;margin:-6px 0 14px}
.brand i{display:inline-block;width:14px;height:14px;border-radius:50%;background:#07c160;position:relative}
.brand i:after{content:"";position:absolute;left:4px;top:2px;width:4px;height:7px;border:solid #fff;border-width:0 2px 2px 0;transform:rotate(45deg)}
.card{background:#fff;border-radius:12px;margin:0 16px;padding:16px}
.merchant{font-size:14px;color:#555;display:flex;align-items:center;gap:8px}
.merchant b{display:inline-grid;place-items:center;width:22px;height:22px;border-radius:6px;background:#07c160;color:#fff;font-size:12px;font-weight:600}
.goods{font-size:16px;font-weight:500;margin:12px 0 6px;line-height:1.4;word-break:break-all}
.paid{font-size:14px;color:#888}.paid strong{color:#111;font-size:18px;font-weight:600;margin-left:4px}
dl{margin-top:12px;border-top:1px solid #f0f0f0;padding-top:10px;font-size:13px;color:#888}
dl div{display:flex;justify-content:space-between;gap:12px;padding:4px 0}
dd{color:#333;text-align:right;word-break:break-all}
.tip{margin:14px 24px 0;font-size:13px;line-height:1.6;color:#888}
.tip.warn{color:#fa5151}
.actions{margin:20px 16px 0}
.actions button{display:block;width:100%;border:0;border-radius:8px;font-size:17px;padding:12px 0;cursor:pointer}
.confirm{background:#07c160;color:#fff;font-weight:600}
.confirm:active{background:#06ad56}
.cancel{background:none;color:#576b95;margin-top:8px}
.note{margin-top:14px;font-size:11px;color:#bbb;text-align:center}
`

export interface ConfirmSheet {
  merchantName: string
  /** Hidden fields the form posts back: the order's key and the return URL. */
  hidden: Record<string, string>
  order?: { goods: string; paidFen: number; outTradeNo: string; transactionId: string; carrier?: string; trackingNo?: string }
  /** Why the order cannot be confirmed here; the sheet then only offers 返回. */
  problem?: string
}

const hiddenInputs = (fields: Record<string, string>): string =>
  Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join('')

function orderCard(v: ConfirmSheet): string {
  const o = v.order
  if (!o) return ''
  const parcel = o.carrier ? `<div><dt>物流</dt><dd>${escape(o.carrier)}${o.trackingNo ? ` ${escape(o.trackingNo)}` : ''}</dd></div>` : ''
  return `
<section class="card" aria-label="订单信息">
  <p class="merchant"><b aria-hidden="true">${escape([...v.merchantName][0] ?? '商')}</b>${escape(v.merchantName)}</p>
  <p class="goods">${escape(o.goods)}</p>
  <p class="paid">实付<strong>${yuan(o.paidFen)}</strong></p>
  <dl>${parcel}<div><dt>商户单号</dt><dd>${escape(o.outTradeNo)}</dd></div><div><dt>交易单号</dt><dd>${escape(o.transactionId)}</dd></div></dl>
</section>`
}

export function confirmSheetPage(v: ConfirmSheet): string {
  const fields = hiddenInputs(v.hidden)
  const body = v.problem
    ? `<p class="tip warn" role="alert">${escape(v.problem)}</p>
<form class="actions" method="post" action="/sandbox/confirm-receipt">${fields}<button class="confirm" type="submit" name="action" value="back">返回</button></form>`
    : `<p class="tip">请确认已收到全部商品。确认收货后，货款将结算给商家；如商品有问题，请先联系商家处理。</p>
<form class="actions" method="post" action="/sandbox/confirm-receipt">${fields}
  <button class="confirm" type="submit" name="action" value="confirm">确认收货</button>
  <button class="cancel" type="submit" name="action" value="cancel">取消</button>
</form>`
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1">
<title>确认收货</title><style>${STYLE}</style></head>
<body><div class="backdrop" aria-hidden="true"></div>
<div class="sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title">
  <form class="bar" method="post" action="/sandbox/confirm-receipt">${fields}
    <button class="close" type="submit" name="action" value="cancel" aria-label="关闭">×</button>
    <h1 id="sheet-title">确认收货</h1>
  </form>
  <p class="brand"><i aria-hidden="true"></i>微信支付 · 交易保障</p>
  ${orderCard(v)}
  ${body}
  <p class="note">本地微信沙箱模拟的确认收货组件，不涉及真实资金</p>
</div></body></html>`
}

/**
 * GET /l/:code, the brand's stable landing page for posts that outlive a
 * 30-day URL Link (Weibo, SMS, e-mail, print). Server-rendered, no
 * framework, a few KB. By user agent:
 *  - an in-app browser that cannot open weixin:// or WeChat's link page
 *    (Weibo, QQ, Alipay, DingTalk, other Android webviews): guidance to
 *    open the page in the phone's browser (tap ··· → 在浏览器打开), the
 *    link to copy by hand, and the code to scan;
 *  - any other phone (and WeChat itself): jumps to a fresh URL Link at
 *    once, with a big 打开小程序 button for browsers that block the jump;
 *  - a desktop: the H5 shop's page (a link) and the mini-program code.
 */
import type { CampaignRow } from '../../db/repos/reach-repo'
import type { Deps } from '../../deps'
import { campaignQuery, pageOf } from '../reach/targets'

export type Visitor = 'in-app' | 'phone' | 'desktop'

/** In-app browsers that cannot hand weixin:// or wxaurl.cn to WeChat. */
const IN_APP = [/Weibo/i, /__weibo__/i, /\bQQ\/\d/i, /AlipayClient/i, /DingTalk/i, /\bwv\)/i]
const PHONE = /Android|iPhone|iPad|iPod|Mobile|HarmonyOS|OpenHarmony/i
const WECHAT = /MicroMessenger/i

export function visitorOf(userAgent: string | undefined): Visitor {
  const ua = userAgent ?? ''
  // WeChat's own browser opens URL Links (as an open-tag launch, scene 1167), even inside an Android webview.
  if (WECHAT.test(ua)) return 'phone'
  if (IN_APP.some((re) => re.test(ua))) return 'in-app'
  return PHONE.test(ua) ? 'phone' : 'desktop'
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** The H5 shop's page of the campaign's target (hash router), with the campaign in the query as the app reads it. */
export function h5UrlOf(deps: Deps, row: CampaignRow): string {
  return `${deps.config.publicBaseUrl.replace(/\/+$/, '')}/#/${pageOf(row)}?${campaignQuery(row.code, row)}&scene=1194`
}

const STYLE = `*{box-sizing:border-box}body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei",sans-serif;background:#f6f3ef;color:#2b2622;line-height:1.6}
main{max-width:480px;margin:0 auto;padding:32px 20px;text-align:center}h1{font-size:22px;margin:8px 0 4px}p{margin:8px 0;color:#5c534c}
.btn{display:block;margin:24px auto;padding:14px 0;width:100%;max-width:320px;border-radius:28px;background:#07c160;color:#fff;font-size:18px;text-decoration:none}
.code{width:220px;height:220px;margin:16px auto;display:block;background:#fff;border-radius:8px}.tip{background:#fff;border-radius:12px;padding:16px;text-align:left}
.link{word-break:break-all;font-size:13px;color:#8a7f76}.arrow{position:fixed;top:8px;right:16px;font-size:28px}`

function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style>${head}</head><body><main>${body}</main></body></html>`
}

export function landingHtml(deps: Deps, row: CampaignRow, visitor: Visitor): string {
  const name = escapeHtml(row.name)
  const link = escapeHtml(row.urlLink)
  const codeImg = `<img class="code" src="/l/${escapeHtml(row.code)}/code.png" alt="小程序码" width="220" height="220">`
  if (visitor === 'in-app') {
    return page(
      row.name,
      `<div class="arrow" aria-hidden="true">↗</div><h1>${name}</h1>
<div class="tip"><p><b>当前应用内无法直接打开微信小程序。</b></p><p>请点击右上角 <b>···</b>，选择 <b>在浏览器打开</b>，即可跳转到微信小程序。</p>
<p>也可以复制下面的链接，到手机浏览器或微信中打开：</p><p class="link">${link}</p></div>
<p>或在微信中扫一扫下面的小程序码：</p>${codeImg}`
    )
  }
  if (visitor === 'phone') {
    return page(
      row.name,
      `<h1>${name}</h1><p>正在打开微信小程序…</p><a class="btn" id="open" href="${link}">打开小程序</a>
<p>如未自动跳转，请点击上方按钮；或在微信中扫一扫：</p>${codeImg}
<script>setTimeout(function(){location.href=${JSON.stringify(row.urlLink).replace(/</g, '\\u003c')}},50)</script>`,
      ''
    )
  }
  const h5 = escapeHtml(h5UrlOf(deps, row))
  return page(
    row.name,
    `<h1>${name}</h1><p>用微信扫一扫，在小程序中打开：</p>${codeImg}
<p>或在电脑上浏览：</p><a class="btn" href="${h5}">在网页中查看</a>`
  )
}

export function notFoundHtml(): string {
  return page('活动不存在', `<h1>活动不存在或已结束</h1><p>这个链接没有对应的活动，请确认链接是否完整。</p>`)
}

import { stableToken } from './access-token'
import { CARRIERS } from './carriers'
import type { Deps } from './deps'
import type { Route } from './http'
import { mpRoute } from './mp-api'
import { wxError } from './mp-errors'
import { generateScheme, generateShortLink, generateUrlLink, queryScheme, queryUrlLink } from './reach-links'
import { notifyConfirmReceive } from './receipt'
import { msgSecCheck } from './sec-check'
import { uploadShipping } from './shipping-upload'
import { sendSubscribeMessage } from './subscribe-send'
import { orderByQuery, orderView } from './trade-orders'
import { getUnlimitedCode } from './wxacode'

/** The API names POST /sandbox/mp/fail and GET /sandbox/mp/calls use. */
export const MP_APIS = [
  'stable_token', 'get_delivery_list', 'upload_shipping_info', 'get_order', 'set_msg_jump_path',
  'notify_confirm_receive', 'is_trade_managed', 'subscribe_send',
  'generate_urllink', 'query_urllink', 'generatescheme', 'queryscheme', 'genwxashortlink', 'getwxacodeunlimit', 'msg_sec_check'
] as const

/** The mini-program server APIs at api.weixin.qq.com that the backend calls. */
export function mpRoutes(d: Deps): Route[] {
  return [
    mpRoute(d, { api: 'stable_token', path: '/cgi-bin/stable_token', token: false, ok: false, handle: (body) => stableToken(d, body) }),
    mpRoute(d, {
      api: 'get_delivery_list',
      path: '/cgi-bin/express/delivery/open_msg/get_delivery_list',
      handle: () => ({ delivery_list: CARRIERS.map((c) => ({ ...c })), count: CARRIERS.length })
    }),
    mpRoute(d, { api: 'upload_shipping_info', path: '/wxa/sec/order/upload_shipping_info', handle: (body) => uploadShipping(d, body) }),
    mpRoute(d, {
      api: 'get_order',
      path: '/wxa/sec/order/get_order',
      handle: (body) => {
        const o = orderByQuery(d, body)
        return 'errcode' in o ? o : { order: orderView(o) }
      }
    }),
    mpRoute(d, {
      api: 'set_msg_jump_path',
      path: '/wxa/sec/order/set_msg_jump_path',
      handle: (body) => {
        if (typeof body.path !== 'string') return wxError(47001, 'path must be a string')
        d.store.mp.msgJumpPath = body.path
        return {}
      }
    }),
    mpRoute(d, { api: 'notify_confirm_receive', path: '/wxa/sec/order/notify_confirm_receive', handle: (body) => notifyConfirmReceive(d, body) }),
    mpRoute(d, {
      api: 'is_trade_managed',
      path: '/wxa/sec/order/is_trade_managed',
      handle: (body) => {
        if (typeof body.appid !== 'string' || body.appid === '') return wxError(40097, 'appid is required')
        if (body.appid !== d.o.appid) return wxError(40013)
        return { is_trade_managed: true }
      }
    }),
    mpRoute(d, { api: 'subscribe_send', path: '/cgi-bin/message/subscribe/send', handle: (body) => sendSubscribeMessage(d, body) }),
    mpRoute(d, { api: 'generate_urllink', path: '/wxa/generate_urllink', handle: (body) => generateUrlLink(d, body) }),
    mpRoute(d, { api: 'query_urllink', path: '/wxa/query_urllink', handle: (body) => queryUrlLink(d, body) }),
    mpRoute(d, { api: 'generatescheme', path: '/wxa/generatescheme', handle: (body) => generateScheme(d, body) }),
    mpRoute(d, { api: 'queryscheme', path: '/wxa/queryscheme', handle: (body) => queryScheme(d, body) }),
    mpRoute(d, { api: 'genwxashortlink', path: '/wxa/genwxashortlink', handle: (body) => generateShortLink(d, body) }),
    mpRoute(d, { api: 'getwxacodeunlimit', path: '/wxa/getwxacodeunlimit', handle: (body) => getUnlimitedCode(d, body) }),
    mpRoute(d, { api: 'msg_sec_check', path: '/wxa/msg_sec_check', handle: (body) => msgSecCheck(d, body) })
  ]
}

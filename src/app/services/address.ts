// The shipping address from WeChat's address book (Taro.chooseAddress); when that is
// unavailable (refused, or the H5 preview) the page falls back to a form.
import Taro from '@tarojs/taro'
import type { Address } from '@core/contract/orders'
import { platform } from './env'

export type ChosenAddress = { status: 'chosen'; address: Address } | { status: 'cancelled' } | { status: 'unavailable'; reason: string }

export async function chooseWechatAddress(): Promise<ChosenAddress> {
  if (platform() !== 'weapp') return { status: 'unavailable', reason: '浏览器中无法读取微信地址，请手动填写' }
  try {
    const r = await Taro.chooseAddress()
    return {
      status: 'chosen',
      address: { name: r.userName, phone: r.telNumber, province: r.provinceName, city: r.cityName, district: r.countyName, detail: r.detailInfo }
    }
  } catch (e) {
    const errMsg = String((e as { errMsg?: string })?.errMsg ?? e)
    if (/cancel/.test(errMsg)) return { status: 'cancelled' }
    return { status: 'unavailable', reason: '无法读取微信地址，请手动填写' }
  }
}

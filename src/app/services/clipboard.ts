// Copying a tracking number. WeChat and Taro's H5 both show "内容已复制" themselves.
import Taro from '@tarojs/taro'
import { toast } from './nav'

export async function copyText(text: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: text })
  } catch (e) {
    console.error('clipboard: setClipboardData failed', e)
    toast('复制失败，请长按单号手动复制')
  }
}

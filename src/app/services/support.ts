// 联系客服: WeChat's customer-service session (<Button openType="contact">) exists
// only in the mini-program; the H5 preview says where to find it instead.
import { platform } from './env'

export function hasInAppContact(): boolean {
  return platform() === 'weapp'
}

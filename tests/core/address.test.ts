import { maskPhone, validateAddress } from '@core/address'

const address = { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' }

describe('validateAddress', () => {
  test('accepts a complete address', () => {
    expect(validateAddress(address)).toEqual({ ok: true, value: address })
  })

  test('normalizes the phone (spaces, dashes, +86) and trims the rest', () => {
    const r = validateAddress({ ...address, phone: '+86 138-0013-8000', name: ' 张三 ' })
    expect(r.ok && r.value).toMatchObject({ phone: '13800138000', name: '张三' })
  })

  test.each([
    ['phone', { phone: '12345' }, '请填写 11 位手机号'],
    ['phone', { phone: '12800138000' }, '请填写 11 位手机号'],
    ['name', { name: '  ' }, '请填写收货人'],
    ['detail', { detail: undefined }, '请填写详细地址'],
    ['detail', { detail: '路'.repeat(121) }, '详细地址最多 120 个字'],
    ['province', { province: 5 }, '请填写省份']
  ])('a bad %s is INVALID_ADDRESS with its message', (path, patch, message) => {
    const r = validateAddress({ ...address, ...patch })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ADDRESS', message, details: [{ path, message }] } })
  })

  test('no address at all', () => {
    expect(validateAddress(undefined)).toMatchObject({ ok: false, error: { code: 'INVALID_ADDRESS', message: '请填写收货地址' } })
  })

  test('maskPhone hides the middle digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000')
    expect(maskPhone('010-1234')).toBe('010-1234')
  })
})

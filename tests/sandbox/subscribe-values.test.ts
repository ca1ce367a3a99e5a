import { valueProblem } from '../../src/sandbox/subscribe-values'

describe('subscription-message value rules by key type', () => {
  it.each([
    ['thing1', '一二三四五六七八九十一二三四五六七八九十'],
    ['character_string2', 'SF1400000000001-A_b'],
    ['number3', '12.5'],
    ['letter4', 'abcXYZ'],
    ['symbol5', '-+*'],
    ['phrase6', '已发货'],
    ['name7', '张三'],
    ['name8', 'Zhang San'],
    ['amount9', '12.30元'],
    ['amount10', '￥1234567890'],
    ['date11', '2026年11月30日'],
    ['date12', '2026-11-30 21:30'],
    ['date13', '2026年11月30日 09:00 ~ 2026年12月1日 18:00'],
    ['time14', '21:30'],
    ['time15', '2026年11月30日 21:30:05'],
    ['phone_number16', '+86-189 1234 5678'],
    ['car_number17', '粤A12345']
  ])('%s accepts %s', (key, value) => {
    expect(valueProblem(key, value)).toBeNull()
  })

  it.each([
    ['thing1', '一二三四五六七八九十一二三四五六七八九十一'],
    ['character_string2', '订单1'],
    ['number3', '12a'],
    ['number4', '1'.repeat(33)],
    ['letter5', 'abc1'],
    ['symbol6', '------'],
    ['phrase7', '已经发货了啊'],
    ['name8', '张三San'],
    ['amount9', '12.345元'],
    ['date10', '明天'],
    ['date11', '2026/11/30 晚上'],
    ['time12', '晚上九点'],
    ['phone_number13', '1'.repeat(18)],
    ['car_number14', '粤A1234567'],
    ['thing15', ''],
    ['thing16', '换行\n不行'],
    ['unknown17', 'x']
  ])('%s refuses %j', (key, value) => {
    expect(valueProblem(key, value)).toMatch(new RegExp(`data\\.${key}`))
  })
})

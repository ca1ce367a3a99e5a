// The manual address form (used when WeChat's address book is unavailable). Checked
// with core's address rules, the same ones the server applies.
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { Address } from '@core/contract/orders'
import { validateAddress } from '@core/address'
import type { FieldIssue } from '@core/result'
import './address-form.css'

const FIELDS: Array<{ key: keyof Address; label: string; placeholder: string; type?: 'number' }> = [
  { key: 'name', label: '收货人', placeholder: '姓名' },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'number' },
  { key: 'province', label: '省份', placeholder: '如 浙江省' },
  { key: 'city', label: '城市', placeholder: '如 杭州市' },
  { key: 'district', label: '区县', placeholder: '如 西湖区' },
  { key: 'detail', label: '详细地址', placeholder: '街道、门牌号' }
]

const EMPTY: Address = { name: '', phone: '', province: '', city: '', district: '', detail: '' }

type Props = { initial?: Address | null; onSave: (address: Address) => void; onCancel?: () => void }

export function AddressForm({ initial, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<Address>(initial ?? EMPTY)
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const issueOf = (key: string) => issues.find((i) => i.path === key)?.message

  const save = () => {
    const checked = validateAddress(draft)
    if (checked.ok) {
      setIssues([])
      onSave(checked.value)
    } else {
      setIssues((checked.error.details as FieldIssue[]) ?? [{ path: 'name', message: checked.error.message }])
    }
  }

  return (
    <View className='addr-form' aria-label='填写收货地址'>
      {FIELDS.map((f) => (
        <View className='addr-form__row' key={f.key}>
          <Text className='addr-form__label'>{f.label}</Text>
          <View className='addr-form__field'>
            <Input
              className='addr-form__input'
              name={f.key}
              type={f.type === 'number' ? 'number' : 'text'}
              value={draft[f.key]}
              placeholder={f.placeholder}
              aria-label={f.label}
              onInput={(e) => setDraft((d) => ({ ...d, [f.key]: e.detail.value }))}
            />
            {issueOf(f.key) ? <Text className='addr-form__issue'>{issueOf(f.key)}</Text> : null}
          </View>
        </View>
      ))}
      <View className='addr-form__actions'>
        {onCancel ? (
          <View className='addr-form__btn' aria-role='button' onClick={onCancel}>
            取消
          </View>
        ) : null}
        <View className='addr-form__btn addr-form__btn--primary' aria-role='button' onClick={save}>
          保存地址
        </View>
      </View>
    </View>
  )
}

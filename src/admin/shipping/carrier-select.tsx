/** WeChat's delivery companies (GET /api/admin/carriers), searchable by name or code. */
import { Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import type { Carrier } from '@core/contract/shipping'
import { keys } from '../query/query-client'
import { shippingApi } from './shipping-api'

/** The carrier list, loaded when `enabled` turns on; null while loading. */
export function useCarriers(enabled = true): Carrier[] | null {
  // The list changes when WeChat adds a company, not during a session.
  const query = useQuery({ queryKey: keys.carriers, queryFn: () => shippingApi.carriers(), enabled, staleTime: Infinity })
  if (query.isError) return []
  return query.data ?? null
}

export function CarrierSelect({
  carriers,
  value,
  onChange,
  id,
  label = '快递公司'
}: {
  carriers: Carrier[] | null
  value?: string
  onChange?: (code: string) => void
  id?: string
  label?: string
}) {
  return (
    <Select
      id={id}
      aria-label={label}
      showSearch
      value={value}
      onChange={onChange}
      loading={carriers === null}
      placeholder="搜索快递公司名称或编码"
      notFoundContent={carriers === null ? '正在读取快递公司…' : '没有这家快递公司'}
      options={(carriers ?? []).map((c) => ({ value: c.code, label: c.name, search: `${c.name} ${c.code}`.toLowerCase() }))}
      filterOption={(input, option) => (option?.search ?? '').includes(input.trim().toLowerCase())}
      optionRender={(o) => `${o.label}（${o.value}）`}
      style={{ width: '100%' }}
    />
  )
}

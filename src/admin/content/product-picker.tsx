/** Pick one product (or several) by searching titles; shows price so staff pick the right one. */
import { Select } from 'antd'
import type { Product } from '@core/contract/catalog'
import { priceText } from '../products/product-list'

function options(products: Product[]) {
  return products.map((p) => ({ value: p.id, label: `${p.title}（${priceText(p)}）`, title: p.title }))
}

const filter = (input: string, option?: { title?: string; label?: string }) =>
  (option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase())

export function ProductPicker({ value, onChange, products, loading, label = '选择商品' }: { value: string; onChange: (id: string) => void; products: Product[]; loading: boolean; label?: string }) {
  return (
    <Select
      aria-label={label}
      showSearch
      allowClear
      loading={loading}
      placeholder="输入商品名搜索"
      style={{ width: '100%' }}
      value={value || undefined}
      options={options(products)}
      filterOption={filter}
      notFoundContent={loading ? '加载中…' : '没有匹配的商品'}
      onChange={(id?: string) => onChange(id ?? '')}
    />
  )
}

export function ProductMultiPicker({ value, onChange, products, loading }: { value: string[]; onChange: (ids: string[]) => void; products: Product[]; loading: boolean }) {
  return (
    <Select
      aria-label="选择多个商品"
      mode="multiple"
      showSearch
      loading={loading}
      placeholder="输入商品名搜索，可选多个"
      style={{ width: '100%' }}
      value={value}
      options={options(products)}
      filterOption={filter}
      onChange={(ids: string[]) => onChange(ids)}
    />
  )
}

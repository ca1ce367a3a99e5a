/** The SKU matrix as a table: one row per combination, price in ¥ and stock per row, plus fill-all. */
import { Button, Form, Input, InputNumber, Space, Table } from 'antd'
import { useState } from 'react'
import { formatAttrs } from '@core/catalog'
import type { ErrorMap } from '../common/field-errors'
import { normalizePrice, type SkuRow } from './sku-matrix'

export function skuLabel(row: Pick<SkuRow, 'attrs'>): string {
  return Object.keys(row.attrs).length === 0 ? '默认' : formatAttrs(row.attrs)
}

export function SkuTable({ names, rows, onChange, errors }: { names: string[]; rows: SkuRow[]; onChange: (rows: SkuRow[]) => void; errors: ErrorMap }) {
  const [fillPrice, setFillPrice] = useState('')
  const [fillStock, setFillStock] = useState<number | null>(null)
  const set = (i: number, patch: Partial<SkuRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  const columns = [
    ...names.map((name) => ({ title: name, key: name, render: (_: unknown, row: SkuRow) => row.attrs[name] })),
    ...(names.length === 0 ? [{ title: '规格', key: 'default', render: () => '默认' }] : []),
    {
      title: '价格（元）',
      key: 'price',
      render: (_: unknown, row: SkuRow, i: number) => (
        <Form.Item validateStatus={errors[`skus.${i}.priceFen`] ? 'error' : undefined} help={errors[`skus.${i}.priceFen`]} style={{ marginBottom: 0 }}>
          <Input
            aria-label={`价格 ${skuLabel(row)}`}
            prefix="¥"
            value={row.price}
            placeholder="0.00"
            style={{ width: 140 }}
            onChange={(e) => set(i, { price: e.target.value })}
            onBlur={() => set(i, { price: normalizePrice(row.price) })}
          />
        </Form.Item>
      )
    },
    {
      title: '库存',
      key: 'stock',
      render: (_: unknown, row: SkuRow, i: number) => (
        <Form.Item validateStatus={errors[`skus.${i}.stock`] ? 'error' : undefined} help={errors[`skus.${i}.stock`]} style={{ marginBottom: 0 }}>
          <InputNumber aria-label={`库存 ${skuLabel(row)}`} min={0} precision={0} value={row.stock} style={{ width: 120 }} onChange={(v) => set(i, { stock: v })} />
        </Form.Item>
      )
    }
  ]

  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <span>批量设置：</span>
        <Input aria-label="批量价格" prefix="¥" placeholder="价格" value={fillPrice} style={{ width: 120 }} onChange={(e) => setFillPrice(e.target.value)} />
        <InputNumber aria-label="批量库存" placeholder="库存" min={0} precision={0} value={fillStock} style={{ width: 100 }} onChange={(v) => setFillStock(v)} />
        <Button
          onClick={() => onChange(rows.map((r) => ({ ...r, price: fillPrice.trim() ? fillPrice : r.price, stock: fillStock ?? r.stock })))}
        >
          填入全部
        </Button>
      </Space>
      <Table rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} />
      {errors.skus && <div style={{ color: '#ff4d4f', marginTop: 8 }}>{errors.skus}</div>}
    </div>
  )
}

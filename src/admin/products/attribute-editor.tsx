/** 规格 (attributes) and their values; each change regenerates the SKU matrix below it. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { AutoComplete, Button, Form, Select, Space } from 'antd'
import type { ErrorMap } from '../common/field-errors'
import type { AttributeDef } from './sku-matrix'

const NAME_SUGGESTIONS = ['颜色', '尺码', '规格', '款式', '容量'].map((value) => ({ value }))

export function AttributeEditor({ attributes, onChange, errors }: { attributes: AttributeDef[]; onChange: (a: AttributeDef[]) => void; errors: ErrorMap }) {
  const set = (i: number, patch: Partial<AttributeDef>) => onChange(attributes.map((a, j) => (j === i ? { ...a, ...patch } : a)))
  return (
    <div>
      {attributes.map((attr, i) => (
        <Space key={i} align="start" style={{ display: 'flex', marginBottom: 8 }}>
          <Form.Item validateStatus={errors[`attributes.${i}.name`] ? 'error' : undefined} help={errors[`attributes.${i}.name`]} style={{ marginBottom: 0 }}>
            <AutoComplete
              aria-label={`规格名 ${i + 1}`}
              style={{ width: 140 }}
              options={NAME_SUGGESTIONS}
              placeholder="规格名，如 颜色"
              value={attr.name}
              onChange={(name: string) => set(i, { name })}
            />
          </Form.Item>
          <Form.Item validateStatus={errors[`attributes.${i}.values`] ? 'error' : undefined} help={errors[`attributes.${i}.values`]} style={{ marginBottom: 0 }}>
            <Select
              aria-label={`规格值 ${i + 1}`}
              mode="tags"
              style={{ width: 420 }}
              placeholder="输入规格值后按回车，如 黑、白"
              tokenSeparators={[',', '，', '、']}
              value={attr.values}
              onChange={(values: string[]) => set(i, { values })}
            />
          </Form.Item>
          <Button aria-label={`删除规格 ${i + 1}`} icon={<DeleteOutlined />} onClick={() => onChange(attributes.filter((_, j) => j !== i))} />
        </Space>
      ))}
      {errors.attributes && <div style={{ color: '#ff4d4f', marginBottom: 8 }}>{errors.attributes}</div>}
      <Button icon={<PlusOutlined />} onClick={() => onChange([...attributes, { name: '', values: [] }])} disabled={attributes.length >= 5}>
        添加规格
      </Button>
    </div>
  )
}

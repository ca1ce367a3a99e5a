/**
 * Create or edit a product: title, description, images, and the SKU matrix
 * from attributes (颜色 × 尺码) with prices typed in ¥ and stored in fen.
 * Problems show on their field, whether core found them or the server did.
 */
import { Button, Card, Form, Input, Space, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { PRODUCT_LIMITS } from '@core/product-input'
import type { FieldIssue } from '@core/result'
import { ApiError } from '../api/api-error'
import type { Product } from '@core/contract/catalog'
import { applyToForm, toErrorMap, type ErrorMap } from '../common/field-errors'
import { ImageListField } from '../common/image-field'
import { useNotify } from '../common/notify'
import { QueryView } from '../query/query-state'
import { AttributeEditor } from './attribute-editor'
import { useProduct, useSaveProduct } from './product-queries'
import { attributesFromSkus, buildSkuRows, checkAttributes, rowsFromSkus, toSkuInputs, usableAttributes, type AttributeDef, type SkuRow } from './sku-matrix'
import { SkuTable } from './sku-table'

type Fields = { title: string; description: string; images: string[] }
const FORM_FIELDS = ['title', 'description', 'images']

export function ProductEditorScreen() {
  const id = useParams().id
  const query = useProduct(id)
  if (!id) return <ProductEditor key="new" product={null} />
  return <QueryView query={query}>{(product) => <ProductEditor key={product.id} product={product} />}</QueryView>
}

export function ProductEditor({ product }: { product: Product | null }) {
  const [form] = Form.useForm<Fields>()
  const notify = useNotify()
  const [attributes, setAttributes] = useState<AttributeDef[]>(() =>
    product ? attributesFromSkus(product.skus) : [{ name: '颜色', values: [] }, { name: '尺码', values: [] }]
  )
  const [rows, setRows] = useState<SkuRow[]>(() => (product ? rowsFromSkus(product.skus) : buildSkuRows([], [])))
  const [errors, setErrors] = useState<ErrorMap>({})
  const saveProduct = useSaveProduct(product)
  const navigate = useNavigate()
  const names = useMemo(() => usableAttributes(attributes).map((a) => a.name), [attributes])

  const changeAttributes = (next: AttributeDef[]) => {
    setAttributes(next)
    setRows((prev) => buildSkuRows(next, prev))
    setErrors({})
  }

  const showIssues = (issues: FieldIssue[]) => {
    const rest = applyToForm(form, issues, FORM_FIELDS)
    setErrors(toErrorMap(rest))
  }

  const save = async () => {
    let fields: Fields
    try {
      fields = await form.validateFields()
    } catch {
      return // antd already shows the problems on the fields
    }
    const attrIssues = checkAttributes(attributes)
    const parsed = toSkuInputs(rows)
    const issues = [...attrIssues, ...(parsed.ok ? [] : parsed.issues)]
    if (issues.length > 0 || !parsed.ok) return showIssues(issues)
    setErrors({})
    const input = { title: fields.title.trim(), description: fields.description ?? '', images: fields.images ?? [], skus: parsed.skus }
    try {
      const saved = await saveProduct.mutateAsync(input)
      notify.success(product ? '商品已保存' : '商品已创建')
      setRows(rowsFromSkus(saved.skus))
      if (!product) void navigate(`/products/${saved.id}`)
    } catch (e) {
      if (e instanceof ApiError) showIssues(e.fieldIssues)
      notify.error(e)
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{product ? `编辑商品：${product.title}` : '新建商品'}</Typography.Title>
      <Card title="基本信息">
        <Form form={form} layout="vertical" initialValues={{ title: product?.title ?? '', description: product?.description ?? '', images: product?.images ?? [] }}>
          <Form.Item label="商品名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写商品名称' }, { max: PRODUCT_LIMITS.titleMax, message: `最多 ${PRODUCT_LIMITS.titleMax} 个字` }]}>
            <Input maxLength={PRODUCT_LIMITS.titleMax} />
          </Form.Item>
          <Form.Item label="商品描述" name="description" rules={[{ max: PRODUCT_LIMITS.descriptionMax, message: `最多 ${PRODUCT_LIMITS.descriptionMax} 个字` }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="商品图片" name="images" rules={[{ type: 'array', max: PRODUCT_LIMITS.imagesMax, message: `最多 ${PRODUCT_LIMITS.imagesMax} 张图片` }]}>
            <ImageListField />
          </Form.Item>
        </Form>
      </Card>
      <Card title="规格">
        <AttributeEditor attributes={attributes} onChange={changeAttributes} errors={errors} />
      </Card>
      <Card title={`SKU（${rows.length} 个）`}>
        <SkuTable names={names} rows={rows} onChange={setRows} errors={errors} />
      </Card>
      <Space>
        <Button type="primary" size="large" loading={saveProduct.isPending} onClick={() => void save()}>
          {product ? '保存商品' : '创建商品'}
        </Button>
        <Button size="large" onClick={() => void navigate('/products')}>
          返回列表
        </Button>
      </Space>
    </Space>
  )
}

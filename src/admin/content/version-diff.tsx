/**
 * What changed between two versions (or a version and the draft), as the
 * server's diff answers it: page fields, then blocks added, removed and
 * edited, each edited block with its changed fields in staff words
 * (`商品点 2 的横向位置：20% → 35%`).
 */
import { useQuery } from '@tanstack/react-query'
import { Empty, List, Space, Tag, Typography } from 'antd'
import type { PageDiffResponse } from '@core/contract/admin-pages'
import type { Product } from '@core/contract/catalog'
import { keys } from '../query/query-client'
import { QueryView } from '../query/query-state'
import { labelOf } from './block-types'
import { pagesApi } from './pages-api'

type FieldChange = PageDiffResponse['fields'][number]

const FIELD_LABELS: Record<string, string> = {
  slug: '链接名',
  title: '标题',
  cover: '封面图',
  share: '分享',
  imageUrl: '图片',
  subtitle: '副标题',
  text: '文字',
  image: '图片',
  caption: '图片说明',
  productId: '商品',
  productIds: '商品',
  src: '视频',
  poster: '视频封面',
  couponId: '优惠券',
  hotspots: '商品点',
  slides: '图片',
  until: '开售时间',
  by: '出处',
  x: '横向位置',
  y: '纵向位置',
  pageSlug: '链接页面'
}

/** `hotspots.1.x` → 商品点 2 的横向位置; `share.title` → 分享的标题. */
export function fieldLabel(path: string): string {
  const out: string[] = []
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part)) out[out.length - 1] = `${out.at(-1) ?? ''} ${Number(part) + 1}`
    else out.push(FIELD_LABELS[part] ?? part)
  }
  return out.reduce((acc, part) => (acc === '' ? part : `${acc}${/\d$/.test(acc) ? ' ' : ''}的${part}`), '')
}

export function valueText(path: string, value: unknown, productTitle: (id: string) => string | undefined): string {
  if (value === undefined || value === null || value === '') return '（无）'
  const last = path.split('.').at(-1) ?? ''
  if ((last === 'x' || last === 'y') && typeof value === 'number') return `${Math.round(value * 100)}%`
  if ((last === 'productId' || /^productIds/.test(path.split('.').slice(-2).join('.'))) && typeof value === 'string') return productTitle(value) ?? value
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value
  if (Array.isArray(value)) return `${value.length} 项`
  if (typeof value === 'object') return '（一组设置）'
  return String(value)
}

function Changes({ changes, productTitle }: { changes: FieldChange[]; productTitle: (id: string) => string | undefined }) {
  return (
    <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
      {changes.map((c) => (
        <li key={c.path}>
          <Typography.Text>{`${fieldLabel(c.path)}：`}</Typography.Text>
          <Typography.Text delete type="secondary">
            {valueText(c.path, c.before, productTitle)}
          </Typography.Text>
          {' → '}
          <Typography.Text strong>{valueText(c.path, c.after, productTitle)}</Typography.Text>
        </li>
      ))}
    </ul>
  )
}

export function DiffView({ diff, products = [] }: { diff: PageDiffResponse; products?: Product[] }) {
  const titles = new Map(products.map((p) => [p.id, p.title]))
  const productTitle = (id: string) => titles.get(id)
  const { summary } = diff
  const nothing = diff.fields.length === 0 && diff.blocks.length === 0
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="version-diff">
      <Typography.Text type="secondary">{`新增 ${summary.added} · 删除 ${summary.removed} · 修改 ${summary.edited} · 未变 ${summary.unchanged}`}</Typography.Text>
      {nothing && <Empty description="两个版本的内容一样" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {diff.fields.length > 0 && (
        <div>
          <Typography.Text strong>页面设置</Typography.Text>
          <Changes changes={diff.fields} productTitle={productTitle} />
        </div>
      )}
      {diff.blocks.length > 0 && (
        <List
          size="small"
          dataSource={diff.blocks}
          renderItem={(c) => {
            const label = labelOf(c.type)
            if (c.kind === 'added') {
              return (
                <List.Item>
                  <Space>
                    <Tag color="green">新增</Tag>
                    {`第 ${c.index + 1} 个模块：${label}`}
                  </Space>
                </List.Item>
              )
            }
            if (c.kind === 'removed') {
              return (
                <List.Item>
                  <Space>
                    <Tag color="red">删除</Tag>
                    {`原第 ${c.fromIndex + 1} 个模块：${label}`}
                  </Space>
                </List.Item>
              )
            }
            return (
              <List.Item>
                <div>
                  <Space>
                    <Tag color="blue">修改</Tag>
                    {c.fromIndex === c.index ? `第 ${c.index + 1} 个模块：${label}` : `第 ${c.index + 1} 个模块（原第 ${c.fromIndex + 1} 个）：${label}`}
                  </Space>
                  <Changes changes={c.changes} productTitle={productTitle} />
                </div>
              </List.Item>
            )
          }}
        />
      )}
    </Space>
  )
}

export function VersionDiff({ pageId, from, to, products }: { pageId: string; from: number; to: number | 'draft'; products?: Product[] }) {
  const query = useQuery({ queryKey: [...keys.pages.versions(pageId), 'diff', from, to], queryFn: () => pagesApi.diff(pageId, from, to) })
  return <QueryView query={query}>{(diff) => <DiffView diff={diff} products={products} />}</QueryView>
}

/** All products: price range, stock and SKU count at a glance. */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Image, Space, Table, Typography } from 'antd'
import { Link, useNavigate } from 'react-router'
import { priceRange, totalStock } from '@core/catalog'
import { formatFen } from '@core/money'
import type { Product } from '@core/contract/catalog'
import { ErrorBanner } from '../query/query-state'
import { useAllProducts } from './product-queries'

export function priceText(product: Pick<Product, 'skus'>): string {
  const range = priceRange(product)
  if (!range) return '—'
  return range.minFen === range.maxFen ? formatFen(range.minFen) : `${formatFen(range.minFen)} – ${formatFen(range.maxFen)}`
}

export function ProductList() {
  const query = useAllProducts()
  const navigate = useNavigate()

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          商品
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/products/new')}>
          新建商品
        </Button>
      </Space>
      <ErrorBanner query={query} />
      <Table<Product>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data ?? []}
        locale={{ emptyText: '还没有商品，点「新建商品」开始' }}
        onRow={(p) => ({ onClick: () => void navigate(`/products/${p.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '图片', key: 'image', width: 72, render: (_, p) => (p.images[0] ? <Image src={p.images[0]} width={48} height={48} preview={false} style={{ objectFit: 'cover' }} /> : '—') },
          { title: '商品名称', dataIndex: 'title', render: (t: string, p) => <Link to={`/products/${p.id}`}>{t}</Link> },
          { title: '价格', key: 'price', render: (_, p) => priceText(p) },
          { title: '库存', key: 'stock', render: (_, p) => totalStock(p) },
          { title: 'SKU 数', key: 'skus', render: (_, p) => p.skus.length }
        ]}
      />
    </Space>
  )
}

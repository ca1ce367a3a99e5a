/**
 * One content page: blocks on the left, settings on the right, publishing
 * and history on top. Edits autosave as a draft; publishing snapshots it.
 */
import { Button, Card, Col, Row, Space, Spin, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { AdminPage, Product } from '../api/types'
import { useNotify } from '../common/notify'
import { listAllProducts } from '../products/products-api'
import { navigate } from '../router'
import { BlockList } from './block-list'
import { draftOf, type Draft } from './page-draft'
import { pagesApi } from './pages-api'
import { PreviewModal } from './preview-modal'
import { PublishBar } from './publish-bar'
import { PageSettings } from './page-settings'
import { SaveIndicator } from './save-indicator'
import { useAutosave } from './use-autosave'
import { VersionsDrawer } from './versions-drawer'

export function PageEditorScreen({ params }: { params: Record<string, string> }) {
  const id = params.id as string
  const [page, setPage] = useState<AdminPage | null>(null)
  const notify = useNotify()
  useEffect(() => {
    pagesApi.get(id).then(setPage, (e: unknown) => notify.error(e))
  }, [id, notify])
  if (!page) return <Spin />
  return <PageEditor key={page.id} initial={page} />
}

export function PageEditor({ initial }: { initial: AdminPage }) {
  const [page, setPage] = useState(initial)
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial))
  const [products, setProducts] = useState<Product[]>([])
  const [productsLoading, setProductsLoading] = useState(true)
  const [panel, setPanel] = useState<'versions' | 'preview' | null>(null)
  const notify = useNotify()
  const { state, errors, flush, reset } = useAutosave(page.id, draft, setPage)

  useEffect(() => {
    listAllProducts()
      .then(setProducts, (e: unknown) => notify.error(e))
      .finally(() => setProductsLoading(false))
  }, [notify])

  const restored = useCallback(
    (p: AdminPage) => {
      const next = draftOf(p)
      reset(next)
      setDraft(next)
      setPage(p)
    },
    [reset]
  )

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button onClick={() => navigate('/pages')}>返回列表</Button>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {draft.title || '未命名页面'}
          </Typography.Title>
          <SaveIndicator state={state} />
        </Space>
        <Space>
          <Button onClick={() => setPanel('preview')}>预览</Button>
          <Button onClick={() => setPanel('versions')}>历史版本</Button>
        </Space>
      </Space>
      <Card size="small">
        <PublishBar page={page} flush={flush} onPage={setPage} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title="内容模块">
            <BlockList blocks={draft.blocks} onChange={(blocks) => setDraft((d) => ({ ...d, blocks }))} errors={errors} products={products} productsLoading={productsLoading} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title="页面设置">
            <PageSettings draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors} fallbackImage={page.effective?.cover ?? null} />
          </Card>
        </Col>
      </Row>
      <VersionsDrawer pageId={page.id} open={panel === 'versions'} onClose={() => setPanel(null)} onRestored={restored} />
      <PreviewModal pageId={page.id} open={panel === 'preview'} onClose={() => setPanel(null)} beforeOpen={flush} />
    </Space>
  )
}

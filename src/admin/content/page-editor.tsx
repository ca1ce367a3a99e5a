/**
 * One content page: blocks on the left, settings on the right, publishing
 * and history on top. Edits autosave as a draft; publishing snapshots it.
 */
import { Button, Card, Col, Row, Space, Typography } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import type { AdminPage } from '@core/contract/admin-pages'
import { useAllProducts } from '../products/product-queries'
import { QueryView } from '../query/query-state'
import { BlockList } from './block-list'
import { LivePreview } from './live-preview'
import { draftOf, withoutUntouched, type Draft } from './page-draft'
import { usePage, usePageChanged } from './page-queries'
import { PreviewModal } from './preview-modal'
import { PublishBar } from './publish-bar'
import { PageSettings } from './page-settings'
import { SaveIndicator } from './save-indicator'
import { useAutosave } from './use-autosave'
import { VersionsDrawer } from './versions-drawer'

export function PageEditorScreen() {
  const id = useParams().id as string
  const query = usePage(id)
  return <QueryView query={query}>{(page) => <PageEditor key={page.id} initial={page} />}</QueryView>
}

export function PageEditor({ initial }: { initial: AdminPage }) {
  const [page, setPage] = useState(initial)
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial))
  // Blocks added and not edited yet: their empty fields are not shown as mistakes until touched or publish.
  const [untouched, setUntouched] = useState<ReadonlySet<string>>(() => new Set())
  const [panel, setPanel] = useState<'versions' | 'preview' | null>(null)
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  const products = useAllProducts()
  const navigate = useNavigate()
  const pageChanged = usePageChanged()
  const onSaved = useCallback(
    (p: AdminPage) => {
      setPage(p)
      pageChanged(p)
    },
    [pageChanged]
  )
  const { state, errors, flush, reset } = useAutosave(page.id, draft, onSaved)
  const shown = useMemo(() => withoutUntouched(state, errors, draft.blocks, untouched), [state, errors, draft.blocks, untouched])
  // Publishing or previewing asks for the whole draft: then every problem shows.
  const flushAll = useCallback(async () => {
    const saved = await flush()
    if (!saved) setUntouched(new Set())
    return saved
  }, [flush])

  const restored = useCallback(
    (p: AdminPage) => {
      const next = draftOf(p)
      reset(next)
      setDraft(next)
      setUntouched(new Set())
      setPage(p)
      pageChanged(p)
    },
    [reset, pageChanged]
  )

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button onClick={() => void navigate('/pages')}>返回列表</Button>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {draft.title || '未命名页面'}
          </Typography.Title>
          <SaveIndicator state={shown.state} />
        </Space>
        <Space>
          <Button onClick={() => setPanel('preview')}>手机扫码预览</Button>
          <Button onClick={() => setPanel('versions')}>历史版本</Button>
        </Space>
      </Space>
      <Card size="small">
        <PublishBar page={page} flush={flushAll} onPage={onSaved} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="内容模块">
              <BlockList
                blocks={draft.blocks}
                onChange={(blocks) => setDraft((d) => ({ ...d, blocks }))}
                onAdded={(key) => setUntouched((u) => new Set(u).add(key))}
                onTouched={(key) =>
                  setUntouched((u) => {
                    if (!u.has(key)) return u
                    const next = new Set(u)
                    next.delete(key)
                    return next
                  })
                }
                onFocusBlock={setFocusIndex}
                errors={shown.errors}
                products={products.data ?? []}
                productsLoading={products.isPending}
              />
            </Card>
            <Card title="页面设置">
              <PageSettings draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={shown.errors} fallbackImage={page.effective?.cover ?? null} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="实时预览" size="small" style={{ position: 'sticky', top: 16 }}>
            <LivePreview slug={page.slug} draft={draft} focusIndex={focusIndex} />
          </Card>
        </Col>
      </Row>
      <VersionsDrawer pageId={page.id} open={panel === 'versions'} onClose={() => setPanel(null)} onRestored={restored} products={products.data} />
      <PreviewModal pageId={page.id} open={panel === 'preview'} onClose={() => setPanel(null)} beforeOpen={flushAll} />
    </Space>
  )
}

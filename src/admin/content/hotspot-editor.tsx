/**
 * Shop-the-look: the lookbook image with its dots. A click on the image
 * places a dot there (x, y as fractions of the image as displayed, so the dot
 * holds on every screen); a dot can be dragged elsewhere or deleted, and each
 * dot's product is picked below, numbered as on the image.
 */
import { DeleteOutlined } from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { MAX_HOTSPOTS } from '@core/content-blocks'
import type { Product } from '@core/contract/catalog'
import type { ErrorMap } from '../common/field-errors'
import { Field } from './field'
import { ProductPicker } from './product-picker'

export interface DraftHotspot {
  x: number
  y: number
  productId: string
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n))
/** Three decimals: a tenth of a percent of the image is finer than a finger. */
const round = (n: number) => Math.round(clamp01(n) * 1000) / 1000

/** Where a pointer is over a box, as fractions of its width and height. */
export function fractionIn(rect: { left: number; top: number; width: number; height: number }, clientX: number, clientY: number): { x: number; y: number } | null {
  if (!(rect.width > 0 && rect.height > 0) || !Number.isFinite(clientX) || !Number.isFinite(clientY)) return null
  return { x: round((clientX - rect.left) / rect.width), y: round((clientY - rect.top) / rect.height) }
}

interface Props {
  image: string
  hotspots: DraftHotspot[]
  onChange: (hotspots: DraftHotspot[]) => void
  path: string
  errors: ErrorMap
  products: Product[]
  productsLoading: boolean
}

export function HotspotEditor({ image, hotspots, onChange, path, errors, products, productsLoading }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const dragging = useRef<{ index: number; moved: boolean } | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const full = hotspots.length >= MAX_HOTSPOTS

  const at = (e: { clientX: number; clientY: number }) => (box.current ? fractionIn(box.current.getBoundingClientRect(), e.clientX, e.clientY) : null)
  const place = (e: React.MouseEvent) => {
    if (full) return
    const p = at(e)
    if (!p) return
    onChange([...hotspots, { ...p, productId: '' }])
    setSelected(hotspots.length)
  }
  const onDotDown = (index: number) => (e: ReactPointerEvent) => {
    e.stopPropagation()
    dragging.current = { index, moved: false }
    setSelected(index)
    ;(e.target as Element).setPointerCapture?.(e.pointerId)
  }
  const onMove = (e: ReactPointerEvent) => {
    const drag = dragging.current
    if (!drag) return
    const p = at(e)
    if (!p) return
    drag.moved = true
    onChange(hotspots.map((h, i) => (i === drag.index ? { ...h, ...p } : h)))
  }
  const onUp = () => {
    dragging.current = null
  }
  const remove = (index: number) => {
    onChange(hotspots.filter((_, i) => i !== index))
    setSelected(null)
  }

  return (
    <>
      <Field label="商品点" path={`${path}.hotspots`} errors={errors} extra={full ? `最多 ${MAX_HOTSPOTS} 个商品点` : '在图片上点一下放一个商品点；拖动圆点可以挪位置'}>
        <div
          ref={box}
          data-testid="hotspot-image"
          role="presentation"
          onClick={place}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
          style={{ position: 'relative', display: 'inline-block', maxWidth: '100%', cursor: full ? 'default' : 'crosshair', userSelect: 'none', touchAction: 'none', lineHeight: 0 }}
        >
          <img src={image} alt="搭配图" draggable={false} style={{ maxWidth: '100%', maxHeight: 420, display: 'block', borderRadius: 4 }} />
          {hotspots.map((h, i) => (
            <button
              key={i}
              type="button"
              aria-label={`商品点 ${i + 1}`}
              aria-pressed={selected === i}
              onPointerDown={onDotDown(i)}
              onClick={(e) => e.stopPropagation()}
              style={{
                position: 'absolute',
                left: `${h.x * 100}%`,
                top: `${h.y * 100}%`,
                transform: 'translate(-50%, -50%)',
                width: 26,
                height: 26,
                borderRadius: 13,
                border: `2px solid ${selected === i ? '#1677ff' : '#fff'}`,
                background: h.productId ? 'rgba(0,0,0,0.72)' : 'rgba(220,38,38,0.85)',
                color: '#fff',
                fontSize: 12,
                lineHeight: '22px',
                padding: 0,
                cursor: 'grab',
                boxShadow: '0 1px 4px rgba(0,0,0,0.4)'
              }}
            >
              {i + 1}
            </button>
          ))}
        </div>
      </Field>
      {hotspots.length > 0 && (
        <Space direction="vertical" style={{ width: '100%' }} size={0}>
          {hotspots.map((h, i) => (
            <Field key={i} label={`商品点 ${i + 1} 的商品`} path={`${path}.hotspots.${i}.productId`} errors={errors} extra={<Typography.Text type="secondary">{`位置：横 ${Math.round(h.x * 100)}%，纵 ${Math.round(h.y * 100)}%`}</Typography.Text>}>
              <Space.Compact style={{ width: '100%' }}>
                <ProductPicker
                  label={`商品点 ${i + 1} 的商品`}
                  value={h.productId}
                  products={products}
                  loading={productsLoading}
                  onChange={(productId) => onChange(hotspots.map((x, j) => (j === i ? { ...x, productId } : x)))}
                />
                <Button danger icon={<DeleteOutlined />} aria-label={`删除商品点 ${i + 1}`} onClick={() => remove(i)} />
              </Space.Compact>
            </Field>
          ))}
        </Space>
      )}
    </>
  )
}

/**
 * The page's blocks in order: drag a card by its handle to reorder (mouse,
 * touch or keyboard: Space, arrows, Space), or use 上移/下移; add and delete.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons'
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core'
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { Alert, Button, Card, Empty, Form, Space, Tag } from 'antd'
import type { BlockType } from '@core/content'
import type { Product } from '@core/contract/catalog'
import { errorsUnder, type ErrorMap } from '../common/field-errors'
import { BlockForm } from './block-forms'
import { ADDABLE, BLOCK_LABELS, emptyBlock, labelOf } from './block-types'
import { newKey, type DraftBlock, type EditorBlock } from './page-draft'

interface Props {
  blocks: EditorBlock[]
  onChange: (blocks: EditorBlock[]) => void
  /** A block was added (by its key). */
  onAdded?: (key: string) => void
  /** The user edited a block's fields (by its key). */
  onTouched?: (key: string) => void
  /** Staff are on this block (focus or pointer inside it): the live preview scrolls to it. */
  onFocusBlock?: (index: number) => void
  errors: ErrorMap
  products: Product[]
  productsLoading: boolean
}

export function BlockList({ blocks, onChange, onAdded, onTouched, onFocusBlock, errors, products, productsLoading }: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates })
  )
  const move = (from: number, to: number) => {
    if (to < 0 || to >= blocks.length) return
    onChange(arrayMove(blocks, from, to))
  }
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    move(blocks.findIndex((b) => b.key === active.id), blocks.findIndex((b) => b.key === over.id))
  }
  const add = (type: BlockType) => {
    const key = newKey()
    onAdded?.(key)
    onChange([...blocks, { key, block: emptyBlock(type) }])
    onFocusBlock?.(blocks.length)
  }

  return (
    <div>
      {blocks.length === 0 && <Empty description="还没有内容模块，从下面添加一个" />}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={blocks.map((b) => b.key)} strategy={verticalListSortingStrategy}>
          {blocks.map((item, i) => (
            <SortableBlock
              key={item.key}
              item={item}
              index={i}
              count={blocks.length}
              errors={errors}
              products={products}
              productsLoading={productsLoading}
              onChange={(block) => {
                onTouched?.(item.key)
                onChange(blocks.map((b, j) => (j === i ? { ...b, block } : b)))
              }}
              onMove={(to) => move(i, to)}
              onDelete={() => onChange(blocks.filter((_, j) => j !== i))}
              onFocus={() => onFocusBlock?.(i)}
            />
          ))}
        </SortableContext>
      </DndContext>
      <Space wrap style={{ marginTop: 8 }}>
        <span>添加模块：</span>
        {ADDABLE.map((type) => (
          <Button key={type} icon={<PlusOutlined />} onClick={() => add(type)}>
            {`添加${BLOCK_LABELS[type]}`}
          </Button>
        ))}
      </Space>
    </div>
  )
}

interface BlockProps {
  item: EditorBlock
  index: number
  count: number
  errors: ErrorMap
  products: Product[]
  productsLoading: boolean
  onChange: (block: DraftBlock) => void
  onMove: (to: number) => void
  onDelete: () => void
  onFocus: () => void
}

function SortableBlock({ item, index, count, errors, products, productsLoading, onChange, onMove, onDelete, onFocus }: BlockProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.key })
  const path = `blocks.${index}`
  const problems = errorsUnder(errors, path).length
  const whole = errors[path] ?? errors[`${path}.type`]
  const n = index + 1
  return (
    <div ref={setNodeRef} onFocusCapture={onFocus} onPointerDownCapture={onFocus} style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1, marginBottom: 12 }}>
      <Card
        size="small"
        role="group"
        aria-label={`模块 ${n}：${labelOf(item.block.type)}`}
        title={
          <Space>
            <Button ref={setActivatorNodeRef} type="text" size="small" icon={<HolderOutlined />} aria-label={`拖动模块 ${n}`} style={{ cursor: 'grab' }} {...attributes} {...listeners} />
            <span>{`${n}. ${labelOf(item.block.type)}`}</span>
            {problems > 0 && <Tag color="error">{`${problems} 处需要修改`}</Tag>}
          </Space>
        }
        extra={
          <Space size={0}>
            <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={`上移模块 ${n}`} disabled={index === 0} onClick={() => onMove(index - 1)} />
            <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={`下移模块 ${n}`} disabled={index === count - 1} onClick={() => onMove(index + 1)} />
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除模块 ${n}`} onClick={onDelete} />
          </Space>
        }
      >
        {whole && <Alert type="error" showIcon message={whole} style={{ marginBottom: 12 }} />}
        <Form layout="vertical" component="div">
          <BlockForm block={item.block} path={path} errors={errors} onChange={onChange} products={products} productsLoading={productsLoading} />
        </Form>
      </Card>
    </div>
  )
}

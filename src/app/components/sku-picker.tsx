// The SKU picker sheet: one row of choices per attribute. A value that no SKU has
// with the other choices is hidden-faded; one whose SKUs are all out of stock is
// shown but cannot be picked (售罄). Quantity is capped by the chosen SKU's stock.
import { useMemo, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { attributeOptions, choiceStates, findSku, priceRange, type Choices, type Product, type Sku } from '@core/catalog'
import { maxLineQty } from '@core/cart'
import { imageFor } from '@core/sku-image'
import { Price, PriceFrom } from './price'
import { QtyStepper } from './qty-stepper'
import './sku-picker.css'

export type PickerAction = 'cart' | 'buy'

type Props = {
  product: Product
  actions: PickerAction[]
  onConfirm: (sku: Sku, qty: number, action: PickerAction) => void
  onClose: () => void
  busy?: boolean
  /** The choices the page remembers from the last time the sheet was open. */
  initial?: Choices
  onChoose?: (choices: Choices) => void
}

const ACTION_TEXT: Record<PickerAction, string> = { cart: '加入购物车', buy: '立即购买' }

function initialChoices(product: Product): Choices {
  // One SKU per attribute value set: preselect attributes that have a single value.
  const choices: Choices = {}
  for (const [name, values] of Object.entries(attributeOptions(product))) if (values.length === 1) choices[name] = values[0]
  return choices
}

export function SkuPicker({ product, actions, onConfirm, onClose, busy = false, initial, onChoose }: Props) {
  const [choices, setChoices] = useState<Choices>(() => ({ ...initialChoices(product), ...initial }))
  const [qty, setQty] = useState(1)
  const options = useMemo(() => attributeOptions(product), [product])
  const states = useMemo(() => choiceStates(product, choices), [product, choices])
  const sku = findSku(product, choices)
  const max = sku ? maxLineQty(sku.stock) : 99
  const missing = Object.keys(options).filter((name) => !choices[name])
  const range = priceRange(product)
  const thumb = imageFor(product, choices)

  const pick = (name: string, value: string) => {
    if (states[name]?.[value] !== 'available') return
    const next = { ...choices, [name]: choices[name] === value ? undefined : value }
    setChoices(next)
    onChoose?.(next)
    setQty(1)
  }

  let status: string
  if (sku) status = sku.stock > 0 ? `库存 ${sku.stock} 件` : '该规格已售罄'
  else status = missing.length > 0 ? `请选择 ${missing.join('／')}` : '该组合暂无货'
  const canConfirm = Boolean(sku && sku.stock > 0 && qty <= max) && !busy

  return (
    <View className='sheet' aria-label='选择规格'>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sku__head'>
          {thumb ? <Image className='sku__thumb' src={thumb} mode='aspectFill' aria-label={product.title} /> : null}
          <View className='sku__summary'>
            {sku ? <Price fen={sku.priceFen} size='lg' /> : range ? <PriceFrom minFen={range.minFen} maxFen={range.maxFen} size='lg' /> : null}
            <Text className='sku__status'>{status}</Text>
          </View>
          <View className='sku__close' aria-role='button' aria-label='关闭' onClick={onClose}>
            ×
          </View>
        </View>
        {Object.entries(options).map(([name, values]) => (
          <View className='sku__group' key={name} aria-label={name}>
            <Text className='sku__group-name'>{name}</Text>
            <View className='sku__chips'>
              {values.map((value) => {
                const state = states[name]?.[value] ?? 'unavailable'
                const chosen = choices[name] === value
                return (
                  <View
                    key={value}
                    className={`sku__chip sku__chip--${state}${chosen ? ' sku__chip--chosen' : ''}`}
                    aria-role='button'
                    aria-label={state === 'soldOut' ? `${value}（售罄）` : value}
                    aria-disabled={state !== 'available'}
                    aria-pressed={chosen}
                    onClick={() => pick(name, value)}
                  >
                    {value}
                    {state === 'soldOut' ? <Text className='sku__chip-tag'>售罄</Text> : null}
                  </View>
                )
              })}
            </View>
          </View>
        ))}
        <View className='sku__qty'>
          <Text className='sku__group-name'>数量</Text>
          <QtyStepper value={qty} max={Math.max(1, max)} onChange={setQty} disabled={!sku || sku.stock <= 0} />
        </View>
        <View className='sku__actions'>
          {actions.map((action) => (
            <View
              key={action}
              className={`sku__confirm sku__confirm--${action}${canConfirm ? '' : ' sku__confirm--off'}`}
              aria-role='button'
              aria-disabled={!canConfirm}
              onClick={() => canConfirm && sku && onConfirm(sku, qty, action)}
            >
              {ACTION_TEXT[action]}
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}

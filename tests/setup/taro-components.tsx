// Taro components as plain DOM elements for Testing Library (jsdom). Only the network
// edge and the platform are faked; pages, components and stores run for real.
import React from 'react'

type Props = Record<string, unknown> & { children?: React.ReactNode }

function strip(props: Props) {
  const { onClick, onTap, className, style, id, children, ...rest } = props
  const data: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(rest)) {
    // weapp's aria-role is the DOM's role.
    if (k === 'aria-role') data.role = v
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role') data[k] = v
  }
  return { onClick: (onClick || onTap) as React.MouseEventHandler, className, style, id, children, ...data } as Props
}

const el = (tag: string) => {
  const C = (props: Props) => React.createElement(tag, strip(props))
  C.displayName = tag
  return C
}

export const View = el('div')
export const Text = el('span')
export const Block = ({ children }: Props) => <>{children}</>
export const ScrollView = el('div')
export const Swiper = el('div')
export const SwiperItem = el('div')
export const Label = el('label')
export const Form = el('form')
export const RichText = el('div')
export const CustomWrapper = ({ children }: Props) => <>{children}</>

export const Button = (props: Props) => {
  const { disabled, loading } = props as { disabled?: boolean; loading?: boolean }
  return <button type='button' {...strip(props)} disabled={Boolean(disabled || loading)} aria-busy={loading ? true : undefined} />
}

export const Image = (props: Props) => {
  const { src, mode } = props as { src?: string; mode?: string }
  return <img {...strip(props)} src={src} data-mode={mode} alt={(props['aria-label'] as string) || ''} />
}

export const Video = (props: Props) => <video {...strip(props)} src={props.src as string} poster={props.poster as string} />

export const Input = (props: Props) => {
  const { value, placeholder, type, maxlength, onInput, onBlur, name } = props as {
    value?: string; placeholder?: string; type?: string; maxlength?: number; name?: string
    onInput?: (e: { detail: { value: string } }) => void; onBlur?: (e: { detail: { value: string } }) => void
  }
  return (
    <input
      {...strip(props)}
      name={name}
      value={value ?? ''}
      placeholder={placeholder}
      type={type === 'number' || type === 'digit' ? 'text' : 'text'}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
      onBlur={(e) => onBlur?.({ detail: { value: e.target.value } })}
    />
  )
}

export const Textarea = (props: Props) => {
  const { value, placeholder, onInput } = props as { value?: string; placeholder?: string; onInput?: (e: { detail: { value: string } }) => void }
  return <textarea {...strip(props)} value={value ?? ''} placeholder={placeholder} onChange={(e) => onInput?.({ detail: { value: e.target.value } })} />
}

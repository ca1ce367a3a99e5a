// Taro components the shared mock does not carry for the reach pages: <Canvas> as a DOM
// canvas, and a <Button> whose WeChat open types answer when tapped as WeChat would:
// chooseAvatar with a temp file path, openSetting with the settings the test set.
// Use: jest.mock('@tarojs/components', () => require('../helpers/reach-components').components)
import React from 'react'

type Props = Record<string, unknown> & { children?: React.ReactNode }

export const wechatAnswers = {
  avatarPath: 'wxfile://tmp/avatar.png',
  authSetting: { 'scope.writePhotosAlbum': true } as Record<string, boolean>
}

const base = jest.requireActual('../../setup/taro-components') as Record<string, React.ComponentType<Props>>

function Button(props: Props) {
  const { openType, onChooseAvatar, onOpenSetting, onClick, ...rest } = props as Props & {
    openType?: string
    onChooseAvatar?: (e: { detail: { avatarUrl: string } }) => void
    onOpenSetting?: (e: { detail: { authSetting: Record<string, boolean> } }) => void
    onClick?: () => void
  }
  const tap = () => {
    if (openType === 'chooseAvatar') onChooseAvatar?.({ detail: { avatarUrl: wechatAnswers.avatarPath } })
    else if (openType === 'openSetting') onOpenSetting?.({ detail: { authSetting: wechatAnswers.authSetting } })
    else onClick?.()
  }
  return React.createElement(base.Button, { ...rest, 'data-open-type': openType, onClick: tap })
}

function Canvas(props: Props) {
  const { id, style, className } = props as { id?: string; style?: React.CSSProperties; className?: string }
  return React.createElement('canvas', { id, style, className, 'data-type': props.type })
}

export const components = { ...base, Button, Canvas }

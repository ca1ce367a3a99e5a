// 我的资料: the avatar and name friends see on the shopper's posters. WeChat's own
// fill-in components: <Button openType="chooseAvatar"> (the picked file is uploaded
// through POST /api/v1/media) and <Input type="nickname">; saved with PUT /api/v1/me/profile,
// where the name passes WeChat's content check (CONTENT_RISKY when refused).
import { useState } from 'react'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import type { ProfileInput } from '@core/contract/reach'
import { mediaUrl } from '../../services/env'
import { pickPhotos, uploadPhoto } from '../../services/media'
import { toast } from '../../services/nav'
import { avatarByChooser, keptProfile, saveProfile } from '../services/profile'
import './index.css'

export default function ProfilePage() {
  const [name, setName] = useState('')
  const [avatarUrl, setAvatarUrl] = useState<string | null>(null)
  const [uploading, setUploading] = useState(false)
  const [saving, setSaving] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const chooser = avatarByChooser()

  useLoad(() => {
    const kept = keptProfile()
    if (kept) {
      setName(kept.name ?? '')
      setAvatarUrl(kept.avatarUrl)
    }
  })

  const upload = async (path: string, size?: number) => {
    setUploading(true)
    setMessage(null)
    try {
      setAvatarUrl(await uploadPhoto({ path, size }))
    } catch (e) {
      setMessage((e as Error).message)
    } finally {
      setUploading(false)
    }
  }

  const pick = async () => {
    const [photo] = await pickPhotos(1).catch((e: unknown) => {
      setMessage((e as Error).message)
      return []
    })
    if (photo) await upload(photo.path, photo.size)
  }

  const save = async () => {
    const input: ProfileInput = { ...(name.trim() ? { name: name.trim() } : {}), ...(avatarUrl ? { avatarUrl } : {}) }
    if (!input.name && !input.avatarUrl) {
      setMessage('请先选择头像或填写昵称')
      return
    }
    setSaving(true)
    setMessage(null)
    try {
      const profile = await saveProfile(input)
      setName(profile.name ?? '')
      setAvatarUrl(profile.avatarUrl)
      toast('已保存', 'success')
    } catch (e) {
      setMessage((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  const avatar = avatarUrl ? (
    <Image className='profile__avatar-img' src={mediaUrl(avatarUrl)} mode='aspectFill' aria-label='头像' />
  ) : (
    <Text className='profile__avatar-empty'>{uploading ? '上传中…' : '选择头像'}</Text>
  )

  return (
    <View className='profile'>
      <Text className='profile__lead'>头像和昵称会显示在你分享的海报上</Text>
      {chooser ? (
        <Button className='profile__avatar' openType='chooseAvatar' aria-label='选择头像' onChooseAvatar={(e) => void upload((e.detail as { avatarUrl: string }).avatarUrl)}>
          {avatar}
        </Button>
      ) : (
        <Button className='profile__avatar' aria-label='选择头像' onClick={() => void pick()}>
          {avatar}
        </Button>
      )}
      <View className='profile__row'>
        <Text className='profile__label'>昵称</Text>
        <Input
          className='profile__input'
          type='nickname'
          name='nickname'
          placeholder='请输入昵称'
          maxlength={20}
          value={name}
          aria-label='昵称'
          onInput={(e) => setName(e.detail.value)}
          // WeChat's nickname keyboard fills the value after its own check, on blur.
          onBlur={(e) => setName(e.detail.value)}
        />
      </View>
      {message ? (
        <Text className='profile__message' aria-role='alert'>
          {message}
        </Text>
      ) : null}
      <View className={`profile__save${saving || uploading ? ' profile__save--off' : ''}`} aria-role='button' aria-disabled={saving || uploading} onClick={() => !saving && !uploading && void save()}>
        {saving ? '保存中…' : '保存'}
      </View>
    </View>
  )
}

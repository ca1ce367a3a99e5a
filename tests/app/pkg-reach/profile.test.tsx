// 我的资料: the avatar (WeChat's chooser on weapp, a photo on H5) goes through POST
// /api/v1/media, the nickname input's value, both saved with PUT /api/v1/me/profile;
// WeChat's content check refusing the name (CONTENT_RISKY) says so plainly.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __reset } from '../../setup/taro'
import ProfilePage from '../../../src/app/pkg-reach/profile/index'
import { keptProfile } from '../../../src/app/pkg-reach/services/profile'
import { apiError, fakeBackend } from '../helpers/fake-backend'
import { taroExtras } from '../helpers/taro-extras'

jest.mock('@tarojs/components', () => jest.requireActual('../helpers/reach-components').components)

const originalEnv = process.env.TARO_ENV
beforeEach(() => __reset())
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

test("weapp: WeChat's avatar chooser and nickname input, uploaded and saved; kept for posters", async () => {
  process.env.TARO_ENV = 'weapp'
  const backend = fakeBackend()
    .withLogin()
    .on('POST', '/api/v1/media', { status: 201, body: { url: '/media/avatar-1.png' } })
    .on('PUT', '/api/v1/me/profile', (c) => ({ body: { profile: { name: (c.body as { name: string }).name, avatarUrl: '/media/avatar-1.png' } } }))
  render(<ProfilePage />)
  const chooser = screen.getByRole('button', { name: '选择头像' })
  expect(chooser).toHaveAttribute('data-open-type', 'chooseAvatar')
  fireEvent.click(chooser)
  await waitFor(() => expect(screen.getByLabelText('头像')).toHaveAttribute('src', 'http://api.test/media/avatar-1.png'))
  expect(backend.callsTo('POST', '/api/v1/media')[0].body).toEqual({ filePath: 'wxfile://tmp/avatar.png', name: 'file' })

  fireEvent.change(screen.getByLabelText('昵称'), { target: { value: ' 小林 ' } })
  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })))
  const [put] = backend.callsTo('PUT', '/api/v1/me/profile')
  expect(put.body).toEqual({ name: '小林', avatarUrl: '/media/avatar-1.png' })
  expect(put.headers.Authorization).toBe('Bearer tok-1')
  expect(keptProfile()).toEqual({ name: '小林', avatarUrl: '/media/avatar-1.png' })
})

test('H5 picks a photo for the avatar; a name WeChat refuses (CONTENT_RISKY) shows a clear message and nothing is kept', async () => {
  taroExtras().chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:http://h5/ava'], tempFiles: [{ size: 2048 }] })
  fakeBackend()
    .withLogin()
    .on('POST', '/api/v1/media', { status: 201, body: { url: '/media/ava-h5.png' } })
    .on('PUT', '/api/v1/me/profile', apiError(422, 'CONTENT_RISKY', 'risky'))
  render(<ProfilePage />)
  const chooser = screen.getByRole('button', { name: '选择头像' })
  expect(chooser).not.toHaveAttribute('data-open-type', 'chooseAvatar')
  fireEvent.click(chooser)
  await waitFor(() => expect(screen.getByLabelText('头像')).toHaveAttribute('src', 'http://api.test/media/ava-h5.png'))
  fireEvent.change(screen.getByLabelText('昵称'), { target: { value: '坏名字' } })
  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  expect(await screen.findByRole('alert')).toHaveTextContent('这个昵称未通过微信的内容检查，请换一个再保存')
  expect(keptProfile()).toBeNull()
})

test('nothing to save says so without asking the server', async () => {
  const backend = fakeBackend().withLogin()
  render(<ProfilePage />)
  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  expect(await screen.findByRole('alert')).toHaveTextContent('请先选择头像或填写昵称')
  expect(backend.callsTo('PUT', '/api/v1/me/profile')).toHaveLength(0)
})

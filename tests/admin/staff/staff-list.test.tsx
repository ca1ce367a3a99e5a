import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fail, ok, type FakeRequest } from '../helpers/fake-api'
import { EDITOR, renderAdmin } from '../helpers/render-admin'

const user = () => userEvent.setup({ delay: null })

test('admins add staff (a taken e-mail shows on the field) and change a role or switch an account off', async () => {
  const { api } = renderAdmin('/staff', {
    'POST /api/admin/staff': (req: FakeRequest) =>
      req.body.email === 'ed@brand.test'
        ? fail(409, 'EMAIL_TAKEN', 'A staff account for ed@brand.test already exists', [{ path: 'email', message: '这个邮箱已经有账号了' }])
        : { status: 201, body: { staff: { ...EDITOR, id: 'stf_new', email: req.body.email, name: req.body.name } } },
    'PUT /api/admin/staff/:id': (req: FakeRequest, p) => ok({ staff: { ...EDITOR, id: p.id, ...req.body } })
  })
  expect(await screen.findByText('王经理（我）')).toBeInTheDocument()

  await user().click(screen.getByRole('button', { name: /添加员工/ }))
  const dialog = await screen.findByRole('dialog')
  await user().type(within(dialog).getByLabelText('邮箱'), 'ed@brand.test')
  await user().type(within(dialog).getByLabelText('姓名'), '小周')
  await user().type(within(dialog).getByLabelText('初始密码'), 'short')
  await user().click(within(dialog).getByRole('button', { name: '保存' }))
  expect(await within(dialog).findByText('至少 8 个字符')).toBeInTheDocument()
  await user().type(within(dialog).getByLabelText('初始密码'), '-but-long-now')
  await user().click(within(dialog).getByRole('button', { name: '保存' }))
  expect(await within(dialog).findByText('这个邮箱已经有账号了')).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/staff')[0]!.body).toEqual({ email: 'ed@brand.test', name: '小周', role: 'editor', password: 'short-but-long-now' })

  await user().click(within(dialog).getByRole('button', { name: '取消' }))
  const row = screen.getByText('李编辑').closest('tr')!
  await user().click(within(row).getByRole('button', { name: '编辑' }))
  const edit = await screen.findByRole('dialog', { name: '编辑员工' })
  await user().click(within(edit).getByRole('switch'))
  await user().click(within(edit).getByRole('button', { name: '保存' }))
  await waitFor(() => expect(api.callsTo('PUT', '/api/admin/staff/stf_editor')).toHaveLength(1))
  // No password typed: the password is left as it is.
  expect(api.callsTo('PUT', '/api/admin/staff/stf_editor')[0]!.body).toEqual({ name: '李编辑', role: 'editor', active: false })
})

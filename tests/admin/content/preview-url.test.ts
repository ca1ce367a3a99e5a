import { appPreviewUrl } from '../../../src/admin/content/preview-url'

test("the shopper API's draft URL becomes the H5 app's content page with the same slug and token", () => {
  expect(appPreviewUrl('http://10.0.0.5:3000/api/v1/pages/spring-look?preview=a_b-C', 'http://127.0.0.1:3000')).toBe(
    'http://127.0.0.1:3000/#/pages/content/index?slug=spring-look&preview=a_b-C'
  )
})

test('an app URL, or anything without a token, is used as given', () => {
  const app = 'http://127.0.0.1:3000/#/pages/content/index?slug=x&preview=t'
  expect(appPreviewUrl(app, 'http://127.0.0.1:3000')).toBe(app)
  expect(appPreviewUrl('http://h/api/v1/pages/x', 'http://127.0.0.1:3000')).toBe('http://h/api/v1/pages/x')
})

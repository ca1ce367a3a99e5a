// Content pages and their blocks (docs/api.md "Content blocks"): one schema
// for the admin (strict, exact error paths), the server, and the app (lenient).
export * from './content-blocks'
export * from './content-page'
export { MEDIA_URL_PATTERN } from './content-fields'

/** A labelled field whose error comes from the editor's path → message map. */
import { Form } from 'antd'
import type { ReactNode } from 'react'
import type { ErrorMap } from '../common/field-errors'

export function Field({ label, path, errors, children, extra }: { label: string; path: string; errors: ErrorMap; children: ReactNode; extra?: ReactNode }) {
  const error = errors[path]
  return (
    <Form.Item label={label} validateStatus={error ? 'error' : undefined} help={error} extra={extra} style={{ marginBottom: 12 }}>
      {children}
    </Form.Item>
  )
}

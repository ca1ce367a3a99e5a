/** Error and success toasts through antd's App context (static message() cannot see the theme/locale). */
import { App, type FormInstance } from 'antd'
import { useMemo } from 'react'
import { ApiError, messageOf } from '../api/api-error'
import { applyToForm } from './field-errors'

export function useNotify() {
  const { message } = App.useApp()
  return useMemo(
    () => ({
      success: (text: string) => void message.success(text),
      /** Something staff must do first (not a failure of ours). */
      warning: (text: string) => void message.warning(text),
      /** Shows the error; with a form, field problems go onto their fields too. */
      error: (error: unknown, form?: FormInstance) => {
        if (form && error instanceof ApiError && error.fieldIssues.length > 0) applyToForm(form, error.fieldIssues)
        if (!(error instanceof ApiError)) console.error(error)
        void message.error(messageOf(error))
      }
    }),
    [message]
  )
}

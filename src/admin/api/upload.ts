/**
 * Image upload to POST /api/admin/media as multipart, with progress.
 * NOTE: fetch cannot report upload progress, so this one call uses XHR.
 */
import { ApiError } from './api-error'
import type { Media } from '@core/contract/admin-media'

export function uploadMedia(file: File, onProgress: (percent: number) => void): Promise<Media> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/admin/media')
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error while uploading'))
    xhr.onload = () => {
      let json: unknown
      try {
        json = JSON.parse(xhr.responseText)
      } catch {
        json = undefined
      }
      if (xhr.status >= 200 && xhr.status < 300 && json && typeof json === 'object' && 'media' in json) {
        onProgress(100)
        resolve((json as { media: Media }).media)
        return
      }
      const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error
      reject(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? `Upload failed with HTTP ${xhr.status}`, error?.details))
    }
    const form = new FormData()
    form.append('file', file, file.name)
    xhr.send(form)
  })
}

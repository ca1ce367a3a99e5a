/**
 * A small CSV reader for the batch-shipping file (RFC 4180: commas, quoted
 * fields with "" for a quote, CRLF or LF line ends, newlines inside quotes).
 * Excel's "CSV UTF-8" starts with a BOM, which is dropped. Blank lines are
 * skipped. No dependency: the file is three columns typed by staff.
 */
import { err, ok, type Result } from '@core/result'

export type CsvCode = 'UNCLOSED_QUOTE'

export function parseCsv(text: string): Result<string[][], CsvCode> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let quoteLine = 0
  const endRow = () => {
    row.push(field)
    if (row.length > 1 || row[0] !== '') rows.push(row)
    row = []
    field = ''
  }
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        field += c
      }
    } else if (c === '"' && field === '') {
      quoted = true
      quoteLine = line
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && src[i + 1] === '\n') {
      // the \n ends the row
    } else if (c === '\n' || c === '\r') {
      line++
      endRow()
    } else field += c
  }
  if (quoted) return err('UNCLOSED_QUOTE', `第 ${quoteLine} 行有一个引号没有配对，请检查文件`)
  endRow()
  return ok(rows)
}

/**
 * 批量发货: pick a CSV (订单号, 快递公司编码, 运单号), check every row against
 * WeChat's carrier list in a preview, send the good rows in one call, then
 * show each row's result (成功, or why not in Chinese). One row's failure
 * never blocks the others (the server works row by row too).
 */
import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd'
import { UploadOutlined } from '@ant-design/icons'
import { useMemo, useRef, useState } from 'react'
import type { BatchShipResponse } from '@core/contract/shipping'
import { messageForCode } from '../api/api-error'
import { useNotify } from '../common/notify'
import { readTextFile } from '../common/read-text-file'
import { readBatchFile, rowsToSend, type BatchLine } from './batch-rows'
import { useCarriers } from './carrier-select'
import { shippingApi } from './shipping-api'

const MAX_FILE_BYTES = 1024 * 1024
type RowResult = { ok: boolean; text: string }

export function BatchShipDialog({ open, onClose, onShipped }: { open: boolean; onClose: () => void; onShipped: () => void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [results, setResults] = useState<Map<number, RowResult> | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const carriers = useCarriers(open)
  const notify = useNotify()

  const read = useMemo(() => (file && carriers ? readBatchFile(file.text, carriers) : null), [file, carriers])
  const lines: BatchLine[] = read?.ok ? read.value : []
  const toSend = rowsToSend(lines)

  const reset = () => {
    setFile(null)
    setFileError(null)
    setResults(null)
    if (input.current) input.current.value = ''
  }
  const close = () => {
    reset()
    onClose()
  }

  const choose = async (f: File) => {
    reset()
    if (f.size > MAX_FILE_BYTES) return setFileError('文件太大（最大 1 MB），请分成几个文件')
    try {
      setFile({ name: f.name, text: await readTextFile(f) })
    } catch (e) {
      setFileError(e instanceof Error ? e.message : String(e))
    }
  }

  const send = async () => {
    const sendable = lines.filter((l) => l.problem === null)
    setBusy(true)
    try {
      // The server takes the 订单号 staff see (outTradeNo) as well as an order id.
      const answer: BatchShipResponse['results'] = await shippingApi.batch({ rows: toSend })
      const byRow = new Map<number, RowResult>()
      sendable.forEach((l, i) => {
        const r = answer[i]
        byRow.set(l.row, !r ? { ok: false, text: '服务器没有返回这一行的结果，请在待发货里核对' } : r.ok ? { ok: true, text: '成功' } : { ok: false, text: messageForCode(r.code ?? '', r.message) })
      })
      setResults(byRow)
      const okCount = [...byRow.values()].filter((r) => r.ok).length
      notify.success(`批量发货完成：成功 ${okCount} 单，失败 ${lines.length - okCount} 单`)
      onShipped()
    } catch (e) {
      notify.error(e)
    } finally {
      setBusy(false)
    }
  }

  const resultOf = (l: BatchLine) => {
    if (l.problem) return <Typography.Text type="danger">{l.problem}</Typography.Text>
    const r = results?.get(l.row)
    if (!r) return <Tag color="blue">可以发货</Tag>
    return r.ok ? <Tag color="success">成功</Tag> : <Typography.Text type="danger">{r.text}</Typography.Text>
  }
  const okCount = results ? [...results.values()].filter((r) => r.ok).length : 0

  return (
    <Modal
      title="批量发货"
      open={open}
      width={880}
      onCancel={close}
      footer={
        results ? (
          <Space>
            <Button onClick={reset}>再传一个文件</Button>
            <Button type="primary" onClick={close}>完成</Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button type="primary" disabled={toSend.length === 0} loading={busy} onClick={() => void send()}>
              {toSend.length > 0 ? `发货 ${toSend.length} 单` : '发货'}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        上传 CSV 文件：第一行是表头「订单号,快递公司编码,运单号」，之后每行一个订单。快递公司可以写编码（如 SF）或名称（如 顺丰速运）。用 Excel 编辑时请另存为「CSV UTF-8」。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          aria-label="选择 CSV 文件"
          style={{ display: 'none' }}
          onChange={(e) => {
            const f = e.target.files?.[0]
            if (f) void choose(f)
          }}
        />
        <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
          选择 CSV 文件
        </Button>
        {file && <Typography.Text>{file.name}</Typography.Text>}
      </Space>
      {fileError && <Alert type="error" showIcon message={fileError} />}
      {read && !read.ok && <Alert type="error" showIcon message={read.error.message} />}
      {file && !carriers && <Typography.Text type="secondary">正在读取快递公司列表…</Typography.Text>}
      {lines.length > 0 && (
        <>
          <Alert
            style={{ marginBottom: 12 }}
            type={results ? (okCount === lines.length ? 'success' : 'warning') : lines.length === toSend.length ? 'info' : 'warning'}
            showIcon
            message={
              results
                ? `成功 ${okCount} 单，失败 ${lines.length - okCount} 单`
                : `共 ${lines.length} 行，可以发货 ${toSend.length} 行${lines.length > toSend.length ? `，${lines.length - toSend.length} 行有问题不会发送` : ''}`
            }
          />
          <Table<BatchLine>
            rowKey="row"
            size="small"
            dataSource={lines}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: '行', dataIndex: 'row', width: 56 },
              { title: '订单号', dataIndex: 'orderId' },
              { title: '快递公司', key: 'carrier', render: (_, l) => <span style={{ whiteSpace: 'nowrap' }}>{l.carrier ? `${l.carrier.name}（${l.carrier.code}）` : l.carrierText || '—'}</span> },
              { title: '运单号', dataIndex: 'trackingNo', render: (t: string) => t || '—' },
              { title: results ? '结果' : '检查', key: 'result', render: (_, l) => resultOf(l) }
            ]}
          />
        </>
      )}
    </Modal>
  )
}

/**
 * One campaign, for the staff member posting it: the stable landing link (for
 * Weibo, SMS, e-mail — it outlives WeChat's 30 days), WeChat's own URL Link,
 * scheme and Short Link with copy buttons, the mini-program code to download
 * for print, and what the campaign has brought so far.
 */
import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Col, Descriptions, Drawer, Image, Row, Space, Statistic, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { channelLabel } from '@core/channels'
import { formatFen } from '@core/money'
import type { CampaignDto } from '@core/contract/reach'
import { formatTime } from '../common/format'
import { QueryView } from '../query/query-state'
import { useCampaign } from './campaign-queries'

const Copy = ({ text }: { text: string }) => (
  <Typography.Text copyable={{ text, tooltips: ['复制', '已复制'] }} style={{ wordBreak: 'break-all' }}>
    {text}
  </Typography.Text>
)

export function targetText(c: Pick<CampaignDto, 'target'>, titleOf: (slug: string) => string | null, productTitleOf: (id: string) => string | null): string {
  return 'contentSlug' in c.target ? `页面：${titleOf(c.target.contentSlug) ?? c.target.contentSlug}` : `商品：${productTitleOf(c.target.productId) ?? c.target.productId}`
}

function CampaignBody({ campaign: c }: { campaign: CampaignDto }) {
  const daysLeft = dayjs(c.urlLinkExpiresAt).diff(dayjs(), 'day')
  const f = c.figures
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="渠道">
          <Tag color="blue">{channelLabel(c.channel)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="推广码">{c.code}</Descriptions.Item>
        <Descriptions.Item label="落地页（长期有效）">
          <Copy text={c.landingUrl} />
        </Descriptions.Item>
        <Descriptions.Item label="URL Link">
          <Copy text={c.urlLink} />
          <div>
            <Typography.Text type="secondary">{`有效至 ${formatTime(c.urlLinkExpiresAt)}（剩 ${Math.max(daysLeft, 0)} 天，到期前自动续期）`}</Typography.Text>
          </div>
        </Descriptions.Item>
        <Descriptions.Item label="URL Scheme">
          <Copy text={c.scheme} />
        </Descriptions.Item>
        <Descriptions.Item label="微信内短链">{c.shortLink ? <Copy text={c.shortLink} /> : <Typography.Text type="secondary">微信未生成短链</Typography.Text>}</Descriptions.Item>
      </Descriptions>
      <Alert
        type="info"
        showIcon
        message="微博、短信、邮件请发“落地页”链接：它长期有效，手机上会自动打开小程序，电脑上显示小程序码。URL Link 30 天后失效。"
      />
      <Space align="start" size="large">
        <Image src={c.qrImageUrl} alt={`${c.name} 的小程序码`} width={160} height={160} preview={false} />
        <Space direction="vertical">
          <Typography.Text>小程序码：微信扫码直接打开，适合海报和线下物料。</Typography.Text>
          <Button icon={<DownloadOutlined />} href={c.qrImageUrl} download={`小程序码-${c.code}.png`}>
            下载小程序码（PNG）
          </Button>
        </Space>
      </Space>
      <div>
        <Typography.Title level={5}>效果</Typography.Title>
        <Row gutter={[16, 16]}>
          <Col span={8}><Statistic title="打开" value={f?.opens ?? '—'} /></Col>
          <Col span={8}><Statistic title="新用户" value={f?.newUsers ?? '—'} /></Col>
          <Col span={8}><Statistic title="加购" value={f?.addToCarts ?? '—'} /></Col>
          <Col span={8}><Statistic title="支付订单" value={f ? `${f.paidOrders} / ${f.orders}` : '—'} /></Col>
          <Col span={8}><Statistic title="支付金额" value={f ? formatFen(f.paidFen) : '—'} /></Col>
          <Col span={8}><Statistic title="已退款" value={f ? formatFen(f.refundedFen) : '—'} /></Col>
        </Row>
      </div>
    </Space>
  )
}

export function CampaignDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const query = useCampaign(id)
  return (
    <Drawer title={query.data?.name ?? '推广'} open={id !== null} onClose={onClose} width={560} destroyOnClose>
      {id !== null && <QueryView query={query}>{(c) => <CampaignBody campaign={c} />}</QueryView>}
    </Drawer>
  )
}

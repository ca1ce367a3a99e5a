/**
 * Sharer rewards (admins only): the rules (a page or every page, the reward
 * coupon, the least the friend's order must pay) and the ledger of every
 * reward granted or taken back, with its order.
 */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Empty, Form, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { useEffect, useState } from 'react'
import { formatFen } from '@core/money'
import type { RewardLedgerEntry, RewardRuleDto } from '@core/contract/rewards'
import { formatTime } from '../common/format'
import { useNotify } from '../common/notify'
import { usePages, usePageTitles } from '../content/page-queries'
import { useCoupons } from '../coupons/coupon-queries'
import { ErrorBanner } from '../query/query-state'
import { useCreateRewardRule, useRewardLedger, useRewardRules } from './reward-queries'

/** The form's fields carry the API's names so server problems land on them; money in yuan. */
type RuleValues = { contentSlug: string; couponId?: string; minPaidFen?: number | null }
const ALL_PAGES = ''

export function RewardRuleForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<RuleValues>()
  const notify = useNotify()
  const create = useCreateRewardRule()
  const pages = usePages()
  const coupons = useCoupons()

  useEffect(() => {
    if (open) form.resetFields()
  }, [open, form])

  const submit = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    try {
      await create.mutateAsync({
        contentSlug: v.contentSlug === ALL_PAGES ? null : v.contentSlug,
        couponId: v.couponId ?? '',
        minPaidFen: Math.round((v.minPaidFen ?? 0) * 100)
      })
      notify.success('已添加奖励规则')
      onClose()
    } catch (e) {
      notify.error(e, form)
    }
  }

  return (
    <Modal title="新建奖励规则" open={open} onCancel={onClose} onOk={() => void submit()} okText="保存" cancelText="取消" confirmLoading={create.isPending}>
      <Form form={form} layout="vertical" initialValues={{ contentSlug: ALL_PAGES, minPaidFen: null }}>
        <Form.Item label="分享的页面" name="contentSlug" extra="好友从这个页面的分享进来并完成订单，分享者得到奖励">
          <Select
            aria-label="分享的页面"
            showSearch
            optionFilterProp="label"
            loading={pages.isPending}
            options={[{ value: ALL_PAGES, label: '全部页面' }, ...(pages.data ?? []).map((p) => ({ value: p.slug, label: `${p.title}（${p.slug}）` }))]}
          />
        </Form.Item>
        <Form.Item label="奖励的优惠券" name="couponId" rules={[{ required: true, message: '请选择奖励的优惠券' }]}>
          <Select
            aria-label="奖励的优惠券"
            showSearch
            optionFilterProp="label"
            loading={coupons.isPending}
            placeholder="选择一张优惠券"
            notFoundContent={coupons.isPending ? '加载中…' : '还没有优惠券，请先在“优惠券”里新建'}
            options={(coupons.data ?? []).map((c) => ({ value: c.id, label: `${c.title}（${c.description}）` }))}
          />
        </Form.Item>
        <Form.Item label="好友订单最低实付" name="minPaidFen" extra="留空为不限">
          <InputNumber aria-label="好友订单最低实付" min={0} precision={2} suffix="元" placeholder="不限" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

export function RewardsScreen() {
  const rules = useRewardRules()
  const ledger = useRewardLedger()
  const coupons = useCoupons()
  const pageTitle = usePageTitles()
  const [adding, setAdding] = useState(false)
  const couponTitle = (id: string) => coupons.data?.find((c) => c.id === id)?.title ?? id
  const pageText = (slug: string | null) => (slug ? (pageTitle(slug) ?? slug) : '全部页面')

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          分享奖励
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          新建奖励规则
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        好友通过分享下单并完成订单后，分享者得到一张优惠券（每单一次，不发现金）；售后期内退款会收回未使用的奖励。
      </Typography.Paragraph>
      <ErrorBanner query={rules} />
      <Table<RewardRuleDto>
        rowKey="id"
        loading={rules.isPending}
        dataSource={rules.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有奖励规则" /> }}
        columns={[
          { title: '页面', dataIndex: 'contentSlug', render: (s: string | null) => pageText(s) },
          { title: '奖励的优惠券', dataIndex: 'couponTitle' },
          { title: '最低实付', dataIndex: 'minPaidFen', render: (f: number) => (f > 0 ? formatFen(f) : '不限') },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">生效中</Tag> : <Tag>已停用</Tag>) },
          { title: '创建时间', dataIndex: 'createdAt', render: formatTime }
        ]}
      />
      <Typography.Title level={4} style={{ margin: 0 }}>
        奖励记录
      </Typography.Title>
      <ErrorBanner query={ledger} />
      <Table<RewardLedgerEntry>
        rowKey="id"
        size="small"
        loading={ledger.isPending}
        dataSource={ledger.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="还没有发放过奖励" /> }}
        columns={[
          { title: '时间', dataIndex: 'at', render: formatTime },
          { title: '类型', dataIndex: 'kind', render: (k: RewardLedgerEntry['kind']) => (k === 'grant' ? <Tag color="green">发放</Tag> : <Tag color="red">收回</Tag>) },
          { title: '优惠券', dataIndex: 'couponId', render: couponTitle },
          { title: '分享者', dataIndex: 'sharerId' },
          { title: '页面', dataIndex: 'contentSlug', render: (s: string | null) => pageText(s) },
          { title: '订单', dataIndex: 'orderId', render: (id: string) => <Link to={`/orders/${encodeURIComponent(id)}`}>{id}</Link> }
        ]}
      />
      <RewardRuleForm open={adding} onClose={() => setAdding(false)} />
    </Space>
  )
}

/**
 * The funnel chart's ECharts option. A step's label sits inside its band in
 * white when the band is wide enough; a narrow band (a small or zero step,
 * drawn at the minimum width) gets its label outside on the right in dark
 * text, so "支付 0" stays readable instead of white on a sliver.
 */
import type { FunnelResponse } from '@core/contract/analytics'
import { percent, STEP_LABELS } from './report-math'

/** Below this share of the first step a band is too narrow for its label. */
export const INSIDE_MIN_SHARE = 0.3
export const OUTSIDE_LABEL_COLOR = '#1f2937'

export function funnelOption(steps: FunnelResponse['steps']) {
  const first = steps[0]?.users ?? 0
  const max = Math.max(first, 1)
  const formatter = (p: { name: string; value: number }) => `${p.name} ${p.value}`
  return {
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}：${p.value} 人（${percent(p.value, first)}）` },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        // Widths relative to the first step, so equal steps look equal rather than thin.
        min: 0,
        max,
        left: '4%',
        width: '68%',
        minSize: '8%',
        label: { show: true, position: 'inside', color: '#fff', formatter },
        labelLine: { show: false },
        data: steps.map((s) => {
          const narrow = s.users / max < INSIDE_MIN_SHARE
          return {
            name: STEP_LABELS[s.name] ?? s.name,
            value: s.users,
            ...(narrow ? { label: { position: 'right', color: OUTSIDE_LABEL_COLOR }, labelLine: { show: true } } : {})
          }
        })
      }
    ]
  }
}

// ECharts with only what the admin draws (funnel, line/bar, grid, tooltip, legend) so the
// bundle carries a fraction of the library; echarts-for-react's core build takes it as a prop.
import { BarChart, FunnelChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([FunnelChart, LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export { echarts }

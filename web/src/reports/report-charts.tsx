import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Column } from '../core/ui/table';
import { ChartFigure } from './chart-figure';
import { formatSeconds, peakOf, type SeriesPoint } from './report-series';

const COLOURS = { ai: '#1f8a5b', handoff: '#d97706', volume: '#1f5fd1', wait: '#7c3aed', first: '#0891b2', csat: '#db2777' };
const shortDay = (day: string) => day.slice(5);
const fmt = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);

interface Totals {
  conversations: number;
  aiOnlyRate: number;
  handoffRate: number;
  avgQueueWaitSeconds?: number | null;
  avgFirstResponseSeconds?: number | null;
  csatAverage?: number | null;
  csatCount: number;
}

const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/**
 * The four report charts over a filled daily series, each with a summary and a data table; recharts' own
 * keyboard layer is off, as the plot is one image whose numbers the table gives.
 */
export function ReportCharts({ series, total }: { series: SeriesPoint[]; total: Totals }) {
  const { t } = useTranslation('reports');
  const day: Column<SeriesPoint> = { key: 'day', header: t('day'), cell: (p) => p.day };
  const key = (p: SeriesPoint) => p.day;
  const peak = peakOf(series, (p) => p.conversations);
  const empty = total.conversations === 0;
  return (
    <div className="charts">
      <ChartFigure
        title={t('volumeChart')}
        summary={empty || !peak ? t('emptySummary') : t('volumeSummary', { total: total.conversations, days: series.length, peakDay: peak.day, peak: peak.value })}
        columns={[day, { key: 'c', header: t('conversations'), cell: (p) => p.conversations }, { key: 'a', header: t('aiOnly'), cell: (p) => p.aiOnly }, { key: 'h', header: t('handedOff'), cell: (p) => p.handedOff }]}
        rows={series}
        rowKey={key}
      >
        <ResponsiveContainer>
          <BarChart data={series} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" tickFormatter={shortDay} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="aiOnly" stackId="v" name={t('aiOnly')} fill={COLOURS.ai} isAnimationActive={false} />
            <Bar dataKey="handedOff" stackId="v" name={t('handedOff')} fill={COLOURS.handoff} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        title={t('ratesChart')}
        summary={empty ? t('emptySummary') : t('ratesSummary', { ai: pct(total.aiOnlyRate), handoff: pct(total.handoffRate) })}
        columns={[day, { key: 'a', header: t('aiOnlyRate'), cell: (p) => fmt(p.aiOnlyPercent, '%') }, { key: 'h', header: t('handoffRate'), cell: (p) => fmt(p.handoffPercent, '%') }]}
        rows={series}
        rowKey={key}
      >
        <ResponsiveContainer>
          <LineChart data={series} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" tickFormatter={shortDay} />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip />
            <Legend />
            <Line dataKey="aiOnlyPercent" name={t('aiOnlyRate')} stroke={COLOURS.ai} connectNulls isAnimationActive={false} />
            <Line dataKey="handoffPercent" name={t('handoffRate')} stroke={COLOURS.handoff} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        title={t('timesChart')}
        summary={empty ? t('emptySummary') : t('timesSummary', { wait: formatSeconds(total.avgQueueWaitSeconds), first: formatSeconds(total.avgFirstResponseSeconds) })}
        columns={[day, { key: 'w', header: t('avgWait'), cell: (p) => formatSeconds(p.waitSeconds) }, { key: 'f', header: t('avgFirstResponse'), cell: (p) => formatSeconds(p.firstResponseSeconds) }]}
        rows={series}
        rowKey={key}
      >
        <ResponsiveContainer>
          <LineChart data={series} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" tickFormatter={shortDay} />
            <YAxis label={{ value: t('seconds'), angle: -90, position: 'insideLeft' }} />
            <Tooltip />
            <Legend />
            <Line dataKey="waitSeconds" name={t('avgWait')} stroke={COLOURS.wait} connectNulls isAnimationActive={false} />
            <Line dataKey="firstResponseSeconds" name={t('avgFirstResponse')} stroke={COLOURS.first} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        title={t('csatChart')}
        summary={total.csatCount ? t('csatSummary', { value: total.csatAverage, count: total.csatCount }) : t('noCsat')}
        columns={[day, { key: 'c', header: t('csat'), cell: (p) => fmt(p.csat) }, { key: 'n', header: t('count'), cell: (p) => p.csatCount }]}
        rows={series}
        rowKey={key}
      >
        <ResponsiveContainer>
          <LineChart data={series} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" tickFormatter={shortDay} />
            <YAxis domain={[1, 5]} allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Line dataKey="csat" name={t('csat')} stroke={COLOURS.csat} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}

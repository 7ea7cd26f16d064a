import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { HelpdeskReportViewQuery } from '../gql/graphql';
import { QueryState } from '../core/ui/error-text';
import { Select } from '../core/ui/field';
import { Page } from '../core/ui/page';
import { Table, type Column } from '../core/ui/table';
import { ReportStaffsQuery, HelpdeskReportQuery } from './reports.operations';
import { ReportCharts } from './report-charts';
import { formatSeconds, lastDays, toSeries } from './report-series';

const PERIODS = ['7', '30', '90'] as const;
type Report = HelpdeskReportViewQuery['helpdeskReport'];

const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** `/admin/reports`: the helpdesk figures of a period, as figures, charts over time and tables per staff and agent. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>('7');
  const [staffId, setStaffId] = useState('');
  // The browser's zone: the days on the charts are the reader's days.
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const range = useMemo(() => lastDays(Number(period)), [period]);
  const [staffRes] = useQuery({ query: ReportStaffsQuery });
  const [res] = useQuery({
    query: HelpdeskReportQuery,
    variables: { input: { from: range.from.toISOString(), to: range.to.toISOString(), timeZone, staffId: staffId ? Number(staffId) : null } },
    requestPolicy: 'cache-and-network',
  });
  const report = res.data?.helpdeskReport;
  const series = useMemo(() => (report ? toSeries(report.byDay, new Date(report.from), new Date(report.to), report.timeZone) : []), [report]);

  return (
    <Page title={t('title')}>
      <div className="filters">
        <Select label={t('period')} value={period} onChange={(e) => setPeriod(e.target.value as (typeof PERIODS)[number])} options={PERIODS.map((p) => ({ value: p, label: t(`periods.${p}`) }))} />
        <Select
          label={t('staff')}
          value={staffId}
          onChange={(e) => setStaffId(e.target.value)}
          options={[{ value: '', label: t('allStaff') }, ...(staffRes.data?.staffs.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))]}
        />
      </div>
      <QueryState fetching={res.fetching && !report} error={res.error} />
      {report && (
        <>
          <Figures total={report.total} />
          <ReportCharts series={series} total={report.total} />
          <Breakdown report={report} />
        </>
      )}
    </Page>
  );
}

function Figures({ total }: { total: Report['total'] }) {
  const { t } = useTranslation('reports');
  const items: [string, string][] = [
    [t('conversations'), String(total.conversations)],
    [t('aiOnlyRate'), pct(total.aiOnlyRate)],
    [t('handoffRate'), pct(total.handoffRate)],
    [t('avgWait'), formatSeconds(total.avgQueueWaitSeconds)],
    [t('avgFirstResponse'), formatSeconds(total.avgFirstResponseSeconds)],
    [t('avgResolution'), formatSeconds(total.avgResolutionSeconds)],
    [t('csat'), total.csatCount ? t('csatValue', { value: total.csatAverage, count: total.csatCount }) : t('noCsat')],
  ];
  return (
    <section aria-labelledby="report-summary">
      <h2 id="report-summary">{t('summary')}</h2>
      <dl className="report-figures">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Breakdown({ report }: { report: Report }) {
  const { t } = useTranslation('reports');
  const reason = (r: string) => (r in reasonKeys ? t(`reasons.${r as keyof typeof reasonKeys}`) : r);
  const staffColumns: Column<Report['byStaff'][number]>[] = [
    { key: 'name', header: t('name'), cell: (r) => r.name },
    { key: 'c', header: t('conversations'), cell: (r) => r.conversations },
    { key: 'ai', header: t('aiOnlyRate'), cell: (r) => pct(r.aiOnlyRate) },
    { key: 'h', header: t('handoffRate'), cell: (r) => pct(r.handoffRate) },
    { key: 'w', header: t('avgWait'), cell: (r) => formatSeconds(r.avgQueueWaitSeconds) },
    { key: 'f', header: t('avgFirstResponse'), cell: (r) => formatSeconds(r.avgFirstResponseSeconds) },
    { key: 's', header: t('csat'), cell: (r) => r.csatAverage ?? '—' },
  ];
  const agentColumns: Column<Report['byAgent'][number]>[] = [
    { key: 'name', header: t('name'), cell: (r) => r.name },
    { key: 'c', header: t('conversations'), cell: (r) => r.conversations },
    { key: 'w', header: t('avgWait'), cell: (r) => formatSeconds(r.avgQueueWaitSeconds) },
    { key: 'f', header: t('avgFirstResponse'), cell: (r) => formatSeconds(r.avgFirstResponseSeconds) },
    { key: 's', header: t('csat'), cell: (r) => r.csatAverage ?? '—' },
  ];
  return (
    <>
      <Table caption={t('byStaff')} columns={staffColumns} rows={report.byStaff} rowKey={(r) => r.id} />
      <Table caption={t('byAgent')} columns={agentColumns} rows={report.byAgent} rowKey={(r) => r.id} />
      <Table
        caption={t('handoffReasons')}
        columns={[
          { key: 'r', header: t('reason'), cell: (r: Report['total']['handoffReasons'][number]) => reason(r.reason) },
          { key: 'n', header: t('count'), cell: (r: Report['total']['handoffReasons'][number]) => r.count },
        ]}
        rows={report.total.handoffReasons}
        rowKey={(r) => r.reason}
      />
    </>
  );
}

const reasonKeys = { requested: 1, low_confidence: 1, human_first: 1, taken_over: 1 } as const;

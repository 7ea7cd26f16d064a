import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { BillingTradeFragment } from '../gql/graphql';
import { QueryState } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { Table, type Column } from '../core/ui/table';
import { BillingTabs } from './billing-tabs';
import { BillingStaffsQuery, MerchantTradesQuery } from './billing.operations';
import { billsOf } from './bills';
import { formatDate, formatDateTime, formatMoney, formatPeriod } from './billing-format';

/** `/admin/billing/bills`: per staff, its trial and paid period and the payments (the latest 100 trades) behind it. */
export function BillsPage() {
  const { t, i18n } = useTranslation('billing');
  const [staffRes] = useQuery({ query: BillingStaffsQuery, requestPolicy: 'cache-and-network' });
  const [tradeRes] = useQuery({ query: MerchantTradesQuery, variables: { page: { pageSize: 100 } }, requestPolicy: 'cache-and-network' });
  const lang = i18n.language;
  const columns: Column<BillingTradeFragment>[] = [
    { key: 'paid', header: t('paid'), cell: (r) => formatDateTime(r.paidAt, lang) },
    { key: 'product', header: t('product'), cell: (r) => r.prodName },
    { key: 'period', header: t('period'), cell: (r) => formatPeriod(r.periodStart, r.periodEnd, lang) },
    { key: 'days', header: t('daysBought'), cell: (r) => t('days', { count: r.periodDays }) },
    { key: 'amount', header: t('amount'), cell: (r) => formatMoney(r.payAmount, r.currency, lang) },
    { key: 'state', header: t('state'), cell: (r) => t(`tradeState.${r.state}`) },
    { key: 'no', header: t('tradeNo'), cell: (r) => <code>{r.tradeNo}</code> },
  ];
  const groups = staffRes.data && tradeRes.data ? billsOf(staffRes.data.staffs.items, tradeRes.data.trades.items) : [];
  return (
    <Page title={t('billsTitle')}>
      <BillingTabs />
      <p>{t('billsIntro')}</p>
      <QueryState fetching={staffRes.fetching || tradeRes.fetching} error={staffRes.error ?? tradeRes.error} />
      {staffRes.data && !staffRes.data.staffs.items.length && <p>{t('noStaff')}</p>}
      {groups.map(({ staff, bills }) => (
        <section key={staff.id} className="bill-group" aria-labelledby={`bill-staff-${staff.id}`}>
          <h2 id={`bill-staff-${staff.id}`}>{staff.name}</h2>
          <dl className="facts">
            <dt>{t('staffState')}</dt>
            <dd>{t(`staffStates.${staff.state}`)}</dd>
            <dt>{t('trialUntil')}</dt>
            <dd>{formatDate(staff.trialTime, lang) || '—'}</dd>
            <dt>{t('paidUntil')}</dt>
            <dd>{formatDate(staff.expiringTime, lang) || '—'}</dd>
          </dl>
          {bills.length ? <Table caption={t('billsCaption', { name: staff.name })} columns={columns} rows={bills} rowKey={(r) => r.id} /> : <p>{t('noBills')}</p>}
        </section>
      ))}
    </Page>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { BillingTradeFragment, TradeState } from '../gql/graphql';
import { QueryState } from '../core/ui/error-text';
import { Select } from '../core/ui/field';
import { Page } from '../core/ui/page';
import { Table, type Column } from '../core/ui/table';
import { BillingTabs } from './billing-tabs';
import { MerchantTradesQuery } from './billing.operations';
import { formatDateTime, formatMoney } from './billing-format';
import { Pager } from './pager';
import { TRADE_STATES } from './trade-states';

const PAGE_SIZE = 20;

/** `/admin/billing/trades`: the merchant's trades, newest first, by state; an unpaid one links to its pay page. */
export function TradesPage() {
  const { t, i18n } = useTranslation('billing');
  const [state, setState] = useState<TradeState | ''>('');
  const [pageNo, setPageNo] = useState(0);
  const [res] = useQuery({
    query: MerchantTradesQuery,
    variables: { filter: state ? { state } : null, page: { pageNo, pageSize: PAGE_SIZE } },
    requestPolicy: 'cache-and-network',
  });
  const lang = i18n.language;
  const columns: Column<BillingTradeFragment>[] = [
    { key: 'no', header: t('tradeNo'), cell: (r) => <code>{r.tradeNo}</code> },
    { key: 'product', header: t('product'), cell: (r) => r.prodName },
    { key: 'staff', header: t('staff'), cell: (r) => r.staff?.name ?? r.staffId },
    { key: 'amount', header: t('amount'), cell: (r) => formatMoney(r.payAmount, r.currency, lang) },
    { key: 'state', header: t('state'), cell: (r) => t(`tradeState.${r.state}`) },
    { key: 'created', header: t('created'), cell: (r) => formatDateTime(r.createdAt, lang) },
    { key: 'paid', header: t('paid'), cell: (r) => formatDateTime(r.paidAt, lang) },
    {
      key: 'pay',
      header: t('pay'),
      cell: (r) =>
        r.state === 'PENDING' ? (
          <Link to={`/admin/billing/pay/${encodeURIComponent(r.tradeNo)}`} aria-label={t('payTrade', { tradeNo: r.tradeNo })}>
            {t('pay')}
          </Link>
        ) : null,
    },
  ];
  const page = res.data?.trades;
  return (
    <Page title={t('tradesTitle')}>
      <BillingTabs />
      <Select
        label={t('filterState')}
        value={state}
        onChange={(e) => {
          setState(e.target.value as TradeState | '');
          setPageNo(0);
        }}
        options={[{ value: '', label: t('anyState') }, ...TRADE_STATES.map((s) => ({ value: s, label: t(`tradeState.${s}`) }))]}
      />
      <QueryState fetching={res.fetching && !page} error={res.error} />
      {page && (
        <>
          <Table caption={t('tradesCaption')} columns={columns} rows={page.items} rowKey={(r) => r.id} />
          <Pager pageNo={page.pageNo} pageSize={page.pageSize} total={page.total} onPage={setPageNo} />
        </>
      )}
    </Page>
  );
}

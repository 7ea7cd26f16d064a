import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { PlatformTradesQuery } from '../gql/graphql';
import { formatDateTime, formatMoney } from '../billing/billing-format';
import { Pager } from '../billing/pager';
import { TRADE_STATES } from '../billing/trade-states';
import { Button } from '../core/ui/button';
import { Dialog } from '../core/ui/dialog';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Field, Select } from '../core/ui/field';
import { Page } from '../core/ui/page';
import { Table, type Column } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import { PlatformTradesQuery as TradesQuery, RefundTradeMutation } from './platform.operations';
import { PlatformTabs } from './platform-tabs';
import { refundable, tradeFilterOf } from './trade-filter';

type Trade = PlatformTradesQuery['trades']['items'][number];
const PAGE_SIZE = 20;

/** `/platform/trades`: every trade, by number, merchant and state; refund a paid one with a reason. */
export function PlatformTradesPage() {
  const { t, i18n } = useTranslation('platform');
  const { t: tb } = useTranslation('billing');
  const errorText = useErrorText();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const filter = tradeFilterOf(params);
  const [pageNo, setPageNo] = useState(0);
  const [refunding, setRefunding] = useState<Trade | null>(null);
  const [reason, setReason] = useState('');
  const [res] = useQuery({ query: TradesQuery, variables: { filter, page: { pageNo, pageSize: PAGE_SIZE } }, requestPolicy: 'cache-and-network' });
  const [refundRes, refund] = useMutation(RefundTradeMutation);
  const lang = i18n.language;

  const applyFilter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['tradeNo', 'merchantId', 'state']) {
      const v = String(data.get(key) ?? '').trim();
      if (v) next.set(key, v);
    }
    setPageNo(0);
    setParams(next);
  };
  const confirmRefund = async (trade: Trade) => {
    const r = await refund({ tradeNo: trade.tradeNo, reason: reason.trim() || null });
    if (r.error) {
      toast(errorText(r.error) ?? '', 'error');
      return;
    }
    setRefunding(null);
    setReason('');
    toast(t('refundDone', { tradeNo: trade.tradeNo }));
  };

  const columns: Column<Trade>[] = [
    { key: 'no', header: t('tradeNo'), cell: (r) => <code>{r.tradeNo}</code> },
    { key: 'merchant', header: t('merchantId'), cell: (r) => r.merchantId },
    { key: 'staff', header: t('staff'), cell: (r) => r.staff?.name ?? r.staffId },
    { key: 'product', header: t('product'), cell: (r) => r.prodName },
    { key: 'amount', header: t('amount'), cell: (r) => formatMoney(r.payAmount, r.currency, lang) },
    { key: 'state', header: t('state'), cell: (r) => tb(`tradeState.${r.state}`) },
    { key: 'paid', header: t('paid'), cell: (r) => formatDateTime(r.paidAt, lang) },
    { key: 'refunded', header: t('refunded'), cell: (r) => (r.refundedAt ? `${formatDateTime(r.refundedAt, lang)} · ${formatMoney(r.refundAmount, r.currency, lang)}` : '') },
    {
      key: 'actions',
      header: t('actions'),
      cell: (r) =>
        refundable(r.state) ? (
          <Button variant="danger" aria-label={t('refundTrade', { tradeNo: r.tradeNo })} onClick={() => setRefunding(r)}>
            {t('refund')}
          </Button>
        ) : null,
    },
  ];
  const page = res.data?.trades;
  return (
    <Page title={t('tradesTitle')}>
      <PlatformTabs />
      <form className="filters" onSubmit={applyFilter} aria-label={t('filter')} key={params.toString()}>
        <Field label={t('tradeNo')} name="tradeNo" defaultValue={filter.tradeNo ?? ''} />
        <Field label={t('merchantId')} name="merchantId" inputMode="numeric" defaultValue={filter.merchantId ? String(filter.merchantId) : ''} />
        <Select label={t('state')} name="state" defaultValue={filter.state ?? ''} options={[{ value: '', label: t('anyState') }, ...TRADE_STATES.map((s) => ({ value: s, label: tb(`tradeState.${s}`) }))]} />
        <Button type="submit" variant="primary">
          {t('filter')}
        </Button>
        <Button onClick={() => setParams(new URLSearchParams())}>{t('clear')}</Button>
      </form>
      <QueryState fetching={res.fetching && !page} error={res.error} />
      {page && (
        <>
          <Table caption={t('tradesCaption')} columns={columns} rows={page.items} rowKey={(r) => r.id} />
          <Pager pageNo={page.pageNo} pageSize={page.pageSize} total={page.total} onPage={setPageNo} />
        </>
      )}
      <Dialog
        open={refunding !== null}
        title={refunding ? t('refundTitle', { tradeNo: refunding.tradeNo }) : ''}
        onClose={() => setRefunding(null)}
        footer={
          refunding && (
            <Button variant="danger" disabled={refundRes.fetching} onClick={() => void confirmRefund(refunding)}>
              {t('refund')}
            </Button>
          )
        }
      >
        {refunding && (
          <>
            <p>{t('refundText', { amount: formatMoney(refunding.payAmount, refunding.currency, lang), provider: refunding.provider, days: refunding.periodDays })}</p>
            <Field label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          </>
        )}
      </Dialog>
    </Page>
  );
}

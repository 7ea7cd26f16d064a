import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { QueryState } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { BillingTabs } from './billing-tabs';
import { BillingStaffsQuery, TradeQuery, TradeUpdatedSubscription } from './billing.operations';
import { serviceEnd } from './bills';
import { formatDate, formatDateTime, formatMoney } from './billing-format';
import { PaymentQr } from './payment-qr';

/** A missed event (a socket that was down) must not leave the page waiting: poll while unpaid too. */
const POLL_MS = 5000;

/** `/admin/billing/pay/:tradeNo`: the pay_url as a QR code and a link; the state follows tradeUpdated. */
export function PayPage() {
  const { tradeNo = '' } = useParams();
  const { t, i18n } = useTranslation('billing');
  const [res, refetch] = useQuery({ query: TradeQuery, variables: { tradeNo }, requestPolicy: 'cache-and-network' });
  const [staffRes, refetchStaffs] = useQuery({ query: BillingStaffsQuery, requestPolicy: 'cache-and-network' });
  const [event] = useSubscription({ query: TradeUpdatedSubscription, variables: { tradeNo } });
  const eventTrade = event.data?.tradeUpdated.trade;
  const trade = eventTrade && res.data && eventTrade.tradeNo === res.data.trade.tradeNo ? eventTrade : res.data?.trade;
  const pending = trade?.state === 'PENDING';

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refetch]);
  // The staff's period moved: read it again once paid.
  const paid = trade?.state === 'PAID';
  useEffect(() => {
    if (paid) refetchStaffs({ requestPolicy: 'network-only' });
  }, [paid, refetchStaffs]);

  const staff = staffRes.data?.staffs.items.find((s) => s.id === trade?.staffId);
  const until = staff && serviceEnd(staff);
  const lang = i18n.language;

  return (
    <Page title={trade ? t('payTitle', { name: trade.prodName }) : t('title')}>
      <BillingTabs />
      <QueryState fetching={res.fetching && !trade} error={res.error} />
      {trade && (
        <div className="pay-layout">
          <dl className="facts">
            <dt>{t('product')}</dt>
            <dd>{trade.prodName}</dd>
            <dt>{t('staff')}</dt>
            <dd>{trade.staff?.name}</dd>
            <dt>{t('amount')}</dt>
            <dd>{formatMoney(trade.payAmount, trade.currency, lang)}</dd>
            <dt>{t('tradeNo')}</dt>
            <dd>
              <code>{trade.tradeNo}</code>
            </dd>
            <dt>{t('state')}</dt>
            <dd role="status" aria-live="polite" data-state={trade.state}>
              <strong>{t(`tradeState.${trade.state}`)}</strong>
            </dd>
            {pending && (
              <>
                <dt>{t('expiresAt')}</dt>
                <dd>{formatDateTime(trade.expiresAt, lang)}</dd>
              </>
            )}
          </dl>
          {pending && (
            <section className="pay-box" aria-label={t('scanToPay')}>
              <p>{t('scanToPay')}</p>
              <PaymentQr url={trade.payUrl} alt={t('qrAlt', { tradeNo: trade.tradeNo })} />
              <p>
                <a href={trade.payUrl} target="_blank" rel="noopener">
                  {t('openPayPage')}
                </a>
              </p>
              {trade.provider === 'SANDBOX' && <p className="note">{t('sandboxNote')}</p>}
              <p className="muted">{t('waiting')}</p>
            </section>
          )}
          {paid && (
            <section className="pay-box">
              <p>{t('paidNote', { date: formatDateTime(trade.paidAt, lang), staff: trade.staff?.name ?? '', until: until ? formatDate(until, lang) : '—' })}</p>
              <Link to="/admin/billing/bills">{t('seeBills')}</Link>
            </section>
          )}
          {trade.state === 'CLOSED' && <p>{t('closedNote')}</p>}
        </div>
      )}
    </Page>
  );
}

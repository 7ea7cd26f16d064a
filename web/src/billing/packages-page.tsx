import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { PayType } from '../gql/graphql';
import { Button } from '../core/ui/button';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Select } from '../core/ui/field';
import { Page } from '../core/ui/page';
import { BillingTabs } from './billing-tabs';
import { BillingStaffsQuery, OnSaleProductsQuery, PayStaffMutation } from './billing.operations';
import { serviceEnd } from './bills';
import { formatDate, formatMoney } from './billing-format';

const PAY_TYPES = ['ALIPAY', 'WXPAY', 'STRIPE'] as const satisfies readonly PayType[];

/** `/admin/billing`: pick a staff, a payment method and a package; ordering opens the pay page. */
export function PackagesPage() {
  const { t, i18n } = useTranslation('billing');
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [staffRes] = useQuery({ query: BillingStaffsQuery, requestPolicy: 'cache-and-network' });
  const [productRes] = useQuery({ query: OnSaleProductsQuery, requestPolicy: 'cache-and-network' });
  const [payRes, pay] = useMutation(PayStaffMutation);
  const [staffChoice, setStaffChoice] = useState<number | null>(null);
  const [payType, setPayType] = useState<PayType>('ALIPAY');

  const staffs = staffRes.data?.staffs.items ?? [];
  const staff = staffs.find((s) => s.id === staffChoice) ?? staffs[0];
  const products = productRes.data?.products.items ?? [];
  const until = staff && serviceEnd(staff);

  const buy = async (productId: number) => {
    if (!staff) return;
    const r = await pay({ input: { staffId: staff.id, productId, payType } });
    if (r.data) navigate(`/admin/billing/pay/${encodeURIComponent(r.data.payStaff.tradeNo)}`);
  };

  return (
    <Page title={t('packagesTitle')}>
      <BillingTabs />
      <QueryState fetching={staffRes.fetching || productRes.fetching} error={staffRes.error ?? productRes.error} />
      {staffRes.data && !staffs.length && <p>{t('noStaff')}</p>}
      {staff && (
        <div className="billing-choices">
          <Select
            label={t('staff')}
            value={String(staff.id)}
            onChange={(e) => setStaffChoice(Number(e.target.value))}
            options={staffs.map((s) => ({ value: String(s.id), label: s.name }))}
            hint={`${t(`staffStates.${staff.state}`)} · ${until ? t('serviceUntil', { date: formatDate(until, i18n.language) }) : t('noService')}`}
          />
          <Select label={t('payType')} value={payType} onChange={(e) => setPayType(e.target.value as PayType)} options={PAY_TYPES.map((p) => ({ value: p, label: t(`payTypes.${p}`) }))} />
        </div>
      )}
      {payRes.error && <p role="alert">{errorText(payRes.error)}</p>}
      <section aria-labelledby="packages-heading">
        <h2 id="packages-heading">{t('packages')}</h2>
        {productRes.data && !products.length && <p>{t('noProducts')}</p>}
        <ul className="package-list">
          {products.map((p) => (
            <li key={p.id} className="package-card" aria-labelledby={`package-${p.id}`}>
              <h3 id={`package-${p.id}`}>{p.name}</h3>
              <p className="package-price">{formatMoney(p.price, p.currency, i18n.language)}</p>
              <p>
                {t('days', { count: p.expiringDays })}
                {p.trialDays > 0 && ` · ${t('trialDays', { count: p.trialDays })}`}
              </p>
              {p.description && <p className="muted">{p.description}</p>}
              <Button variant="primary" disabled={!staff || payRes.fetching} aria-label={staff ? t('buyProduct', { name: p.name, staff: staff.name }) : undefined} onClick={() => void buy(p.id)}>
                {payRes.fetching ? t('ordering') : t('buy')}
              </Button>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

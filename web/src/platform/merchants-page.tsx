import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { PlatformMerchantsQuery } from '../gql/graphql';
import { Pager } from '../billing/pager';
import { formatDateTime } from '../billing/billing-format';
import { Button } from '../core/ui/button';
import { Dialog } from '../core/ui/dialog';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Field } from '../core/ui/field';
import { Page } from '../core/ui/page';
import { Table, type Column } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import { MerchantsQuery, SetMerchantFrozenMutation } from './platform.operations';
import { PlatformTabs } from './platform-tabs';

type Merchant = PlatformMerchantsQuery['merchants']['items'][number];
const PAGE_SIZE = 20;

/** `/platform`: merchants by user name or e-mail; freeze (after a confirmation) and unfreeze. */
export function MerchantsPage() {
  const { t, i18n } = useTranslation('platform');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const toast = useToast();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [pageNo, setPageNo] = useState(0);
  const [confirming, setConfirming] = useState<Merchant | null>(null);
  const [res] = useQuery({ query: MerchantsQuery, variables: { search: search || null, page: { pageNo, pageSize: PAGE_SIZE } }, requestPolicy: 'cache-and-network' });
  const [freezeRes, setFrozen] = useMutation(SetMerchantFrozenMutation);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch(typed.trim());
    setPageNo(0);
  };
  const apply = async (m: Merchant, frozen: boolean) => {
    const r = await setFrozen({ id: m.id, frozen });
    setConfirming(null);
    if (r.error) toast(errorText(r.error) ?? '', 'error');
    else toast(t(frozen ? 'frozenDone' : 'unfrozenDone', { name: m.userName }));
  };

  const columns: Column<Merchant>[] = [
    { key: 'user', header: t('userName'), cell: (m) => m.userName },
    { key: 'email', header: t('email'), cell: (m) => m.email },
    { key: 'created', header: t('created'), cell: (m) => formatDateTime(m.createdAt, i18n.language) },
    { key: 'status', header: t('status'), cell: (m) => (m.isFrozen ? t('frozen') : t('active')) },
    {
      key: 'actions',
      header: t('actions'),
      cell: (m) => (
        <div className="row-actions">
          {m.isFrozen ? (
            <Button aria-label={t('unfreezeMerchant', { name: m.userName })} disabled={freezeRes.fetching} onClick={() => void apply(m, false)}>
              {t('unfreeze')}
            </Button>
          ) : (
            <Button variant="danger" aria-label={t('freezeMerchant', { name: m.userName })} onClick={() => setConfirming(m)}>
              {t('freeze')}
            </Button>
          )}
          <Link to={`/platform/trades?merchantId=${m.id}`} aria-label={t('merchantTrades', { name: m.userName })}>
            {t('tradesTab')}
          </Link>
        </div>
      ),
    },
  ];
  const page = res.data?.merchants;
  return (
    <Page title={t('title')}>
      <PlatformTabs />
      <form role="search" className="filters" onSubmit={submit} aria-label={t('merchantsTitle')}>
        <Field label={t('searchMerchants')} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <Button type="submit" variant="primary">
          {tc('search')}
        </Button>
      </form>
      <QueryState fetching={res.fetching && !page} error={res.error} />
      {page && (
        <>
          <Table caption={t('merchantsCaption')} columns={columns} rows={page.items} rowKey={(m) => m.id} />
          <Pager pageNo={page.pageNo} pageSize={page.pageSize} total={page.total} onPage={setPageNo} />
        </>
      )}
      <Dialog
        open={confirming !== null}
        title={confirming ? t('freezeTitle', { name: confirming.userName }) : ''}
        onClose={() => setConfirming(null)}
        footer={
          confirming && (
            <Button variant="danger" disabled={freezeRes.fetching} onClick={() => void apply(confirming, true)}>
              {t('freeze')}
            </Button>
          )
        }
      >
        <p>{t('freezeText')}</p>
      </Dialog>
    </Page>
  );
}

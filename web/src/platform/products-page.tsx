import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { PlatformProductFragment } from '../gql/graphql';
import { Pager } from '../billing/pager';
import { formatMoney } from '../billing/billing-format';
import { Button } from '../core/ui/button';
import { ConfirmDelete } from '../core/ui/confirm-delete';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { Table, type Column } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import { DeleteProductMutation, PlatformProductsQuery } from './platform.operations';
import { PlatformTabs } from './platform-tabs';
import { ProductDialog } from './product-dialog';

const PAGE_SIZE = 20;

/** `/platform/products`: every product; create, edit, delete. */
export function ProductsPage() {
  const { t, i18n } = useTranslation('platform');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const toast = useToast();
  const [pageNo, setPageNo] = useState(0);
  const [editing, setEditing] = useState<PlatformProductFragment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PlatformProductFragment | null>(null);
  const [res, refetch] = useQuery({ query: PlatformProductsQuery, variables: { page: { pageNo, pageSize: PAGE_SIZE } }, requestPolicy: 'cache-and-network' });
  const [, remove] = useMutation(DeleteProductMutation);

  const confirmDelete = async (p: PlatformProductFragment) => {
    const r = await remove({ id: p.id });
    if (r.error) toast(errorText(r.error) ?? '', 'error');
    else {
      toast(t('productDeleted', { name: p.name }));
      // deleteProduct answers a Boolean: nothing in it tells the cache which list changed.
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const closeEditor = () => {
    setEditing(null);
    refetch({ requestPolicy: 'network-only' });
  };

  const columns: Column<PlatformProductFragment>[] = [
    { key: 'name', header: t('name'), cell: (p) => p.name },
    { key: 'serial', header: t('serialNo'), cell: (p) => <code>{p.serialNo}</code> },
    { key: 'price', header: t('price'), cell: (p) => formatMoney(p.price, p.currency, i18n.language) },
    { key: 'days', header: t('expiringDays'), cell: (p) => p.expiringDays },
    { key: 'trial', header: t('trialDays'), cell: (p) => p.trialDays },
    { key: 'lang', header: t('language'), cell: (p) => t(`languages.${p.language}`) },
    { key: 'state', header: t('state'), cell: (p) => t(`productStates.${p.state}`) },
    {
      key: 'actions',
      header: t('actions'),
      cell: (p) => (
        <div className="row-actions">
          <Button aria-label={t('editProduct', { name: p.name })} onClick={() => setEditing(p)}>
            {tc('edit')}
          </Button>
          <Button variant="danger" aria-label={t('deleteProduct', { name: p.name })} onClick={() => setDeleting(p)}>
            {tc('delete')}
          </Button>
        </div>
      ),
    },
  ];
  const page = res.data?.products;
  return (
    <Page
      title={t('productsTitle')}
      actions={
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('newProduct')}
        </Button>
      }
    >
      <PlatformTabs />
      <QueryState fetching={res.fetching && !page} error={res.error} />
      {page && (
        <>
          <Table caption={t('productsCaption')} columns={columns} rows={page.items} rowKey={(p) => p.id} />
          <Pager pageNo={page.pageNo} pageSize={page.pageSize} total={page.total} onPage={setPageNo} />
        </>
      )}
      <ProductDialog open={editing !== null} product={editing === 'new' ? null : editing} onClose={closeEditor} />
      <ConfirmDelete item={deleting} title={(p) => t('deleteTitle', { name: p.name })} warning={t('deleteText')} onClose={() => setDeleting(null)} onConfirm={(p) => void confirmDelete(p)} />
    </Page>
  );
}

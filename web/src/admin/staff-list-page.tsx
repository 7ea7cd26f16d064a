import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button } from '../core/ui/button';
import { ConfirmDelete } from '../core/ui/confirm-delete';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { Table } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import type { AdminStaffFieldsFragment } from '../gql/graphql';
import { AdminDeleteStaff, AdminFreezeStaff, AdminStaffList, AdminUnfreezeStaff, STAFF_LIST } from './admin-operations';
import { CopyButton } from './copy-button';
import { launcherSnippet } from './launcher-snippet';

/** The merchant's staff: state, links to edit and knowledge, copy the chat address and launcher, freeze, delete. */
export function StaffListPage() {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const errorText = useErrorText();
  // Each mutation here answers a Staff: urql's document cache then refetches this list by itself.
  const [{ data, fetching, error }] = useQuery({ query: AdminStaffList, variables: { page: { pageSize: 100 } }, context: STAFF_LIST, requestPolicy: 'cache-and-network' });
  const [, freeze] = useMutation(AdminFreezeStaff);
  const [, unfreeze] = useMutation(AdminUnfreezeStaff);
  const [, remove] = useMutation(AdminDeleteStaff);
  const [deleting, setDeleting] = useState<AdminStaffFieldsFragment | null>(null);
  const done = (r: { error?: Parameters<typeof errorText>[0] }, ok: string) => {
    toast(r.error ? (errorText(r.error) ?? '') : ok, r.error ? 'error' : 'info');
  };
  const rows = data?.staffs.items ?? [];
  return (
    <Page
      title={t('title')}
      actions={
        <Link className="btn btn-primary" to="/admin/staff/new">
          {t('staff.create')}
        </Link>
      }
    >
      <QueryState fetching={fetching && !data} error={error} />
      <Table
        caption={t('staff.caption', { count: data?.staffs.total ?? 0 })}
        rowKey={(s) => s.id}
        rows={rows}
        columns={[
          { key: 'name', header: t('staff.name'), cell: (s) => <Link to={`/admin/staff/${s.id}`}>{s.name}</Link> },
          { key: 'org', header: t('staff.orgName'), cell: (s) => s.orgName },
          { key: 'state', header: t('staff.state'), cell: (s) => (s.isFrozen ? t('staff.frozen') : t(`staff.states.${s.state}`)) },
          {
            key: 'actions',
            header: t('actions'),
            cell: (s) => (
              <div className="admin-actions">
                <Link className="btn" to={`/admin/knowledge?staff=${s.id}`} aria-label={t('staff.knowledgeOf', { name: s.name })}>
                  {t('staff.knowledge')}
                </Link>
                <CopyButton text={s.chatUrl} label={t('staff.copyChatUrl', { name: s.name })} />
                <CopyButton text={launcherSnippet(s.chatUrl, s.serialNo)} label={t('staff.copySnippet', { name: s.name })} />
                {s.isFrozen ? (
                  <Button onClick={() => void unfreeze({ id: s.id }).then((r) => done(r, t('staff.unfrozen', { name: s.name })))}>{t('staff.unfreezeOf', { name: s.name })}</Button>
                ) : (
                  <Button onClick={() => void freeze({ id: s.id }).then((r) => done(r, t('staff.frozenDone', { name: s.name })))}>{t('staff.freezeOf', { name: s.name })}</Button>
                )}
                <Button variant="danger" onClick={() => setDeleting(s)}>
                  {t('staff.deleteOf', { name: s.name })}
                </Button>
              </div>
            ),
          },
        ]}
      />
      <ConfirmDelete
        item={deleting}
        title={(s) => t('staff.deleteTitle', { name: s.name })}
        warning={t('staff.deleteWarning')}
        onClose={() => setDeleting(null)}
        onConfirm={(s) => void remove({ id: s.id }).then((r) => done(r, t('staff.deleted', { name: s.name })))}
      />
    </Page>
  );
}

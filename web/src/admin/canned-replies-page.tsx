import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button } from '../core/ui/button';
import { ConfirmDelete } from '../core/ui/confirm-delete';
import { Dialog } from '../core/ui/dialog';
import { Field, Select, TextArea } from '../core/ui/field';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { Table } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import type { AdminCannedRepliesQuery } from '../gql/graphql';
import { AdminCannedReplies, AdminCreateCannedReply, AdminDeleteCannedReply, AdminStaffList, AdminUpdateCannedReply, STAFF_LIST } from './admin-operations';

type Reply = AdminCannedRepliesQuery['cannedReplies'][number];

/**
 * The list depends on every CannedReply: a mutation answering one (or, for a delete answering a Boolean, passing
 * this context) makes urql's document cache refetch it, even while the list is empty.
 */
const CANNED_LIST = { additionalTypenames: ['CannedReply'] };

/** Prepared replies agents send by shortcut: shared by every staff, or one staff's own. */
export function CannedRepliesPage() {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const errorText = useErrorText();
  const [{ data, fetching, error }] = useQuery({ query: AdminCannedReplies, context: CANNED_LIST, requestPolicy: 'cache-and-network' });
  const [{ data: staffData }] = useQuery({ query: AdminStaffList, variables: { page: { pageSize: 100 } }, context: STAFF_LIST });
  const [, remove] = useMutation(AdminDeleteCannedReply);
  const [editing, setEditing] = useState<Reply | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Reply | null>(null);
  const staffs = staffData?.staffs.items ?? [];
  return (
    <Page
      title={t('canned.title')}
      actions={
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('canned.create')}
        </Button>
      }
    >
      <QueryState fetching={fetching && !data} error={error} />
      <Table
        caption={t('canned.caption')}
        rowKey={(r) => r.id}
        rows={data?.cannedReplies ?? []}
        columns={[
          { key: 'shortcut', header: t('canned.shortcut'), cell: (r) => <code>{r.shortcut}</code> },
          { key: 'title', header: t('canned.titleField'), cell: (r) => r.title },
          { key: 'content', header: t('canned.content'), cell: (r) => r.content },
          { key: 'staff', header: t('canned.staff'), cell: (r) => (r.staffId ? (staffs.find((s) => s.id === r.staffId)?.name ?? `#${r.staffId}`) : t('canned.shared')) },
          {
            key: 'actions',
            header: t('actions'),
            cell: (r) => (
              <div className="admin-actions">
                <Button onClick={() => setEditing(r)}>{t('canned.editOf', { shortcut: r.shortcut })}</Button>
                <Button variant="danger" onClick={() => setDeleting(r)}>
                  {t('canned.deleteOf', { shortcut: r.shortcut })}
                </Button>
              </div>
            ),
          },
        ]}
      />
      <ConfirmDelete
        item={deleting}
        title={(r) => t('canned.deleteTitle', { shortcut: r.shortcut })}
        warning={t('canned.deleteWarning')}
        onClose={() => setDeleting(null)}
        onConfirm={(r) =>
          void remove({ id: r.id }, CANNED_LIST).then((res) => {
            if (res.error) return toast(errorText(res.error) ?? '', 'error');
            toast(t('canned.deleted', { shortcut: r.shortcut }));
          })
        }
      />
      <Dialog open={editing !== null} title={editing === 'new' ? t('canned.create') : t('canned.editOf', { shortcut: editing?.shortcut ?? '' })} onClose={() => setEditing(null)}>
        {editing !== null && (
          <CannedForm
            reply={editing === 'new' ? null : editing}
            staffs={staffs}
            onDone={() => {
              setEditing(null);
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}

function CannedForm({ reply, staffs, onDone }: { reply: Reply | null; staffs: readonly { id: number; name: string }[]; onDone(): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [, create] = useMutation(AdminCreateCannedReply);
  const [, update] = useMutation(AdminUpdateCannedReply);
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? '/');
  const [title, setTitle] = useState(reply?.title ?? '');
  const [content, setContent] = useState(reply?.content ?? '');
  const [staffId, setStaffId] = useState(reply?.staffId ? String(reply.staffId) : '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { shortcut, title, content, staffId: staffId ? Number(staffId) : null };
    const r = reply ? await update({ id: reply.id, input }) : await create({ input });
    if (r.error) return toast(errorText(r.error) ?? '', 'error');
    toast(t('canned.saved', { shortcut }));
    onDone();
  };
  return (
    <form className="admin-form" aria-label={t('canned.form')} onSubmit={(e) => void submit(e)}>
      <Field label={t('canned.shortcut')} hint={t('canned.shortcutHint')} value={shortcut} onChange={(e) => setShortcut(e.target.value)} required maxLength={32} />
      <Field label={t('canned.titleField')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={100} />
      <TextArea label={t('canned.content')} value={content} onChange={(e) => setContent(e.target.value)} required rows={4} />
      <Select
        label={t('canned.staff')}
        value={staffId}
        onChange={(e) => setStaffId(e.target.value)}
        options={[{ value: '', label: t('canned.shared') }, ...staffs.map((s) => ({ value: String(s.id), label: s.name }))]}
      />
      <Button variant="primary" type="submit">
        {tc('save')}
      </Button>
    </form>
  );
}

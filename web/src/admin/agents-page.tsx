import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { passwordDigest } from '../core/password';
import { Button } from '../core/ui/button';
import { ConfirmDelete } from '../core/ui/confirm-delete';
import { Dialog } from '../core/ui/dialog';
import { Field } from '../core/ui/field';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { Table } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import type { AdminAgentsQuery, AgentStatus } from '../gql/graphql';
import { AdminAgentPresence, AdminAgents, AdminCreateAgent, AdminDeleteAgent, AdminStaffList, AdminUpdateAgent, STAFF_LIST } from './admin-operations';
import { Checkbox } from './checkbox';

type AgentRow = AdminAgentsQuery['agents']['items'][number];

/**
 * The list depends on every Agent: a mutation answering one (or, for a delete answering a Boolean, passing
 * this context) makes urql's document cache refetch it, even while the list is empty.
 */
const AGENT_LIST = { additionalTypenames: ['Agent'] };

/** The merchant's human agents: create, edit (staff they serve, capacity), delete. */
export function AgentsPage() {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const errorText = useErrorText();
  const [{ data, fetching, error }] = useQuery({ query: AdminAgents, context: AGENT_LIST, requestPolicy: 'cache-and-network' });
  const [{ data: staffData }] = useQuery({ query: AdminStaffList, variables: { page: { pageSize: 100 } }, context: STAFF_LIST });
  const [, remove] = useMutation(AdminDeleteAgent);
  const [editing, setEditing] = useState<AgentRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AgentRow | null>(null);
  // Status changes as agents sign in, out or switch, without reloading the list.
  const [presence, setPresence] = useState<Record<number, AgentStatus>>({});
  const client = useClient();
  useEffect(() => {
    const sub = client.subscription(AdminAgentPresence, {}).subscribe((r) => {
      const e = r.data?.agentPresence;
      if (e) setPresence((p) => ({ ...p, [e.agentId]: e.status }));
    });
    return () => sub.unsubscribe();
  }, [client]);
  const staffs = staffData?.staffs.items ?? [];
  const staffName = (id: number) => staffs.find((s) => s.id === id)?.name ?? `#${id}`;
  return (
    <Page
      title={t('agents.title')}
      actions={
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('agents.create')}
        </Button>
      }
    >
      <QueryState fetching={fetching && !data} error={error} />
      <Table
        caption={t('agents.caption', { count: data?.agents.total ?? 0 })}
        rowKey={(a) => a.id}
        rows={data?.agents.items ?? []}
        columns={[
          { key: 'name', header: t('agents.name'), cell: (a) => a.name },
          { key: 'user', header: t('agents.userName'), cell: (a) => a.userName },
          { key: 'status', header: t('agents.status'), cell: (a) => t(`agents.statuses.${presence[a.id] ?? a.status}`) },
          { key: 'staff', header: t('agents.staff'), cell: (a) => a.staffIds.map(staffName).join(', ') || t('agents.noStaff') },
          { key: 'max', header: t('agents.maxSessions'), cell: (a) => a.maxSessions },
          {
            key: 'actions',
            header: t('actions'),
            cell: (a) => (
              <div className="admin-actions">
                <Button onClick={() => setEditing(a)}>{t('agents.editOf', { name: a.name })}</Button>
                <Button variant="danger" onClick={() => setDeleting(a)}>
                  {t('agents.deleteOf', { name: a.name })}
                </Button>
              </div>
            ),
          },
        ]}
      />
      <ConfirmDelete
        item={deleting}
        title={(a) => t('agents.deleteTitle', { name: a.name })}
        warning={t('agents.deleteWarning')}
        onClose={() => setDeleting(null)}
        onConfirm={(a) =>
          void remove({ id: a.id }, AGENT_LIST).then((r) => {
            if (r.error) return toast(errorText(r.error) ?? '', 'error');
            toast(t('agents.deleted', { name: a.name }));
          })
        }
      />
      <Dialog open={editing !== null} title={editing === 'new' ? t('agents.create') : t('agents.editOf', { name: editing?.name ?? '' })} onClose={() => setEditing(null)}>
        {editing !== null && (
          <AgentForm
            agent={editing === 'new' ? null : editing}
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

function AgentForm({ agent, staffs, onDone }: { agent: AgentRow | null; staffs: readonly { id: number; name: string }[]; onDone(): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [, create] = useMutation(AdminCreateAgent);
  const [, update] = useMutation(AdminUpdateAgent);
  const [name, setName] = useState(agent?.name ?? '');
  const [userName, setUserName] = useState(agent?.userName ?? '');
  const [password, setPassword] = useState('');
  const [maxSessions, setMaxSessions] = useState(String(agent?.maxSessions ?? 5));
  const [autoAccept, setAutoAccept] = useState(agent?.autoAccept ?? false);
  const [staffIds, setStaffIds] = useState<number[]>(agent?.staffIds ?? []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Sent as the sign-in page sends it (MD5 hex), so the agent signs in with what was typed here.
    const fields = { name, userName, maxSessions: Number(maxSessions), autoAccept, staffIds, ...(password ? { password: passwordDigest(password) } : {}) };
    const r = agent ? await update({ id: agent.id, input: fields }) : await create({ input: { ...fields, password: passwordDigest(password) } });
    if (r.error) return toast(errorText(r.error) ?? '', 'error');
    toast(t('agents.saved', { name }));
    onDone();
  };
  return (
    <form className="admin-form" aria-label={t('agents.form')} onSubmit={(e) => void submit(e)}>
      <Field label={t('agents.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} />
      <Field label={t('agents.userName')} value={userName} onChange={(e) => setUserName(e.target.value)} required maxLength={64} autoComplete="off" />
      <Field
        label={agent ? t('agents.newPassword') : t('agents.password')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required={!agent}
        minLength={6}
        autoComplete="new-password"
      />
      <Field label={t('agents.maxSessions')} type="number" min={1} max={100} value={maxSessions} onChange={(e) => setMaxSessions(e.target.value)} />
      <Checkbox label={t('agents.autoAccept')} checked={autoAccept} onChange={(e) => setAutoAccept(e.target.checked)} />
      <fieldset className="admin-fieldset">
        <legend>{t('agents.staff')}</legend>
        {staffs.map((s) => (
          <Checkbox
            key={s.id}
            label={s.name}
            checked={staffIds.includes(s.id)}
            onChange={(e) => setStaffIds((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id)))}
          />
        ))}
      </fieldset>
      <Button variant="primary" type="submit">
        {tc('save')}
      </Button>
    </form>
  );
}

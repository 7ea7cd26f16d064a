import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { Button } from '../core/ui/button';
import { ConfirmDelete } from '../core/ui/confirm-delete';
import { Dialog } from '../core/ui/dialog';
import { Field, Select } from '../core/ui/field';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { Table } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import type { AdminChannelDeliveriesQuery, AdminChannelsQuery, ChannelType } from '../gql/graphql';
import { AdminChannelDeliveries, AdminChannels, AdminCreateChannel, AdminDeleteChannel, AdminDeliveryChanged, AdminStaffList, AdminUpdateChannel, STAFF_LIST } from './admin-operations';
import { channelAccount, channelFormOf, channelInput, SECRET_FIELDS, type ChannelField } from './channel-form';
import { mergeDeliveries } from './deliveries';

const TYPES: ChannelType[] = ['WECHAT', 'DOUYIN', 'JD', 'WECOM'];
type Delivery = AdminChannelDeliveriesQuery['channelDeliveries'][number];
type ChannelRow = AdminChannelsQuery['channels']['items'][number];

/**
 * The list depends on every Channel: a mutation answering one (or, for a delete answering a Boolean, passing
 * this context) makes urql's document cache refetch it, even while the list is empty.
 */
const CHANNEL_LIST = { additionalTypenames: ['Channel'] };

/** The merchant's channel accounts, and how their replies are being delivered (live). */
export function ChannelsPage() {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const errorText = useErrorText();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminChannels, context: CHANNEL_LIST, requestPolicy: 'cache-and-network' });
  const live = useLiveDeliveries(() => refetch({ requestPolicy: 'network-only' }));
  const [{ data: staffData }] = useQuery({ query: AdminStaffList, variables: { page: { pageSize: 100 } }, context: STAFF_LIST });
  const [, remove] = useMutation(AdminDeleteChannel);
  const [editing, setEditing] = useState<ChannelRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ChannelRow | null>(null);
  const staffs = staffData?.staffs.items ?? [];
  const staffName = (id: number) => staffs.find((s) => s.id === id)?.name ?? `#${id}`;
  return (
    <Page
      title={t('channels.title')}
      actions={
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('channels.create')}
        </Button>
      }
    >
      <QueryState fetching={fetching && !data} error={error} />
      <Table
        caption={t('channels.caption', { count: data?.channels.total ?? 0 })}
        rowKey={(c) => c.id}
        rows={data?.channels.items ?? []}
        columns={[
          { key: 'type', header: t('channels.type'), cell: (c) => t(`channels.types.${c.channelType}`) },
          { key: 'account', header: t('channels.accountId'), cell: (c) => channelAccount(c) },
          { key: 'staff', header: t('channels.staff'), cell: (c) => staffName(c.staffId) },
          { key: 'url', header: t('channels.outboundUrl'), cell: (c) => c.outboundUrl || '—' },
          { key: 'secret', header: t('channels.secret'), cell: (c) => c.secret || c.token },
          { key: 'delivery', header: t('channels.delivery'), cell: (c) => <DeliveryStateCell state={c.deliveryState} /> },
          {
            key: 'actions',
            header: t('actions'),
            cell: (c) => (
              <div className="admin-actions">
                <Button onClick={() => setEditing(c)}>{t('channels.editOf', { account: channelAccount(c) })}</Button>
                <Button variant="danger" onClick={() => setDeleting(c)}>
                  {t('channels.deleteOf', { account: channelAccount(c) })}
                </Button>
              </div>
            ),
          },
        ]}
      />
      <Deliveries live={live} />
      <ConfirmDelete
        item={deleting}
        title={(c) => t('channels.deleteTitle', { account: channelAccount(c) })}
        warning={t('channels.deleteWarning')}
        onClose={() => setDeleting(null)}
        onConfirm={(c) =>
          void remove({ id: c.id }, CHANNEL_LIST).then((r) => {
            if (r.error) return toast(errorText(r.error) ?? '', 'error');
            toast(t('channels.deleted', { account: channelAccount(c) }));
          })
        }
      />
      <Dialog open={editing !== null} title={editing && editing !== 'new' ? t('channels.editOf', { account: channelAccount(editing) }) : t('channels.create')} onClose={() => setEditing(null)}>
        {editing && <ChannelForm key={editing === 'new' ? 'new' : editing.id} staffs={staffs} channel={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Dialog>
    </Page>
  );
}

/** Every delivery attempt since the page opened; each one also calls `changed` (the channels' states move with it). */
function useLiveDeliveries(changed: () => void): Delivery[] {
  const client = useClient();
  const [live, setLive] = useState<Delivery[]>([]);
  const onChange = useRef(changed);
  useEffect(() => {
    onChange.current = changed;
  });
  useEffect(() => {
    const sub = client.subscription(AdminDeliveryChanged, {}).subscribe((r) => {
      const d = r.data?.channelDeliveryChanged;
      if (!d) return;
      setLive((list) => mergeDeliveries(list, [d]));
      onChange.current();
    });
    return () => sub.unsubscribe();
  }, [client]);
  return live;
}

/** The newest reply's state, with how many are being retried or were given up. */
function DeliveryStateCell({ state }: { state: ChannelRow['deliveryState'] }) {
  const { t } = useTranslation('admin');
  const { latest, pending, failed } = state;
  if (!latest) return <span className="admin-muted">{t('channels.noReplies')}</span>;
  return (
    <span className={`delivery delivery-${latest.state.toLowerCase()}`}>
      {t('channels.latest', { state: t(`deliveries.states.${latest.state}`) })}
      {pending > 0 && ` · ${t('channels.retrying', { count: pending })}`}
      {failed > 0 && ` · ${t('channels.failed', { count: failed })}`}
      {latest.lastError && latest.state !== 'DELIVERED' && ` · ${latest.lastError}`}
    </span>
  );
}

function Deliveries({ live }: { live: Delivery[] }) {
  const { t } = useTranslation('admin');
  const [sessionId, setSessionId] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: AdminChannelDeliveries, variables: { sessionId: shown ?? 0 }, pause: shown === null, requestPolicy: 'network-only' });
  const rows = shown === null ? live : mergeDeliveries(data?.channelDeliveries ?? [], live.filter((d) => d.sessionId === shown));
  const lookup = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(sessionId);
    setShown(Number.isInteger(n) && n > 0 ? n : null);
  };
  return (
    <section className="admin-panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('deliveries.title')}</h2>
      <p className="admin-muted">{t('deliveries.hint')}</p>
      <form className="admin-inline-form" onSubmit={lookup}>
        <Field label={t('deliveries.sessionId')} inputMode="numeric" value={sessionId} onChange={(e) => setSessionId(e.target.value)} />
        <Button type="submit">{t('deliveries.show')}</Button>
      </form>
      <QueryState fetching={fetching} error={error} />
      <Table
        caption={shown === null ? t('deliveries.liveCaption') : t('deliveries.sessionCaption', { id: shown })}
        rowKey={(d) => d.id}
        rows={rows}
        columns={[
          { key: 'session', header: t('deliveries.session'), cell: (d) => d.sessionId },
          { key: 'msg', header: t('deliveries.msgId'), cell: (d) => d.msgId },
          { key: 'state', header: t('deliveries.state'), cell: (d) => <span className={`delivery delivery-${d.state.toLowerCase()}`}>{t(`deliveries.states.${d.state}`)}</span> },
          { key: 'attempts', header: t('deliveries.attempts'), cell: (d) => d.attempts },
          { key: 'error', header: t('deliveries.lastError'), cell: (d) => d.lastError ?? '' },
          { key: 'next', header: t('deliveries.nextAttempt'), cell: (d) => (d.nextAttemptAt ? new Date(d.nextAttemptAt).toLocaleString() : '') },
        ]}
      />
    </section>
  );
}

function ChannelForm({ staffs, channel, onDone }: { staffs: readonly { id: number; name: string }[]; channel: ChannelRow | null; onDone(): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [, create] = useMutation(AdminCreateChannel);
  const [, update] = useMutation(AdminUpdateChannel);
  const [channelType, setType] = useState<ChannelType>(channel?.channelType ?? 'WECHAT');
  const [staffId, setStaffId] = useState(String(channel?.staffId ?? staffs[0]?.id ?? ''));
  const [f, setF] = useState<Record<string, string>>(() => (channel ? channelFormOf(channel) : {}));
  const field = (key: ChannelField, label: string, extra: { type?: string; required?: boolean } = {}) => {
    const keep = channel !== null && SECRET_FIELDS.has(key);
    return (
      <Field
        label={label}
        hint={keep ? t('channels.keepSecret') : undefined}
        value={f[key] ?? ''}
        onChange={(e) => setF((x) => ({ ...x, [key]: e.target.value }))}
        type={extra.type}
        required={!keep && (extra.required ?? true)}
        autoComplete="off"
      />
    );
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = channelInput(channelType, Number(staffId), f);
    const r = channel ? await update({ id: channel.id, input }, CHANNEL_LIST) : await create({ input }, CHANNEL_LIST);
    if (r.error) return toast(errorText(r.error) ?? '', 'error');
    toast(channel ? t('channels.saved', { account: channelAccount({ channelType, accountId: f.accountId ?? '', corpId: f.corpId, agentId: f.agentId }) }) : t('channels.created'));
    onDone();
  };
  return (
    <form className="admin-form" aria-label={t('channels.form')} onSubmit={(e) => void submit(e)}>
      <Select label={t('channels.type')} value={channelType} onChange={(e) => setType(e.target.value as ChannelType)} options={TYPES.map((v) => ({ value: v, label: t(`channels.types.${v}`) }))} />
      <Select label={t('channels.staff')} value={staffId} onChange={(e) => setStaffId(e.target.value)} options={staffs.map((s) => ({ value: String(s.id), label: s.name }))} />
      {channelType === 'WECOM' ? (
        <>
          {field('corpId', t('channels.corpId'))}
          {field('agentId', t('channels.agentId'))}
          {field('token', t('channels.token'))}
          {field('encodingAesKey', t('channels.encodingAesKey'))}
          {field('appSecret', t('channels.appSecret'), { type: 'password', required: false })}
        </>
      ) : (
        <>
          {field('accountId', t('channels.accountId'))}
          {field('secret', t('channels.secret'), { type: 'password' })}
          {field('outboundUrl', t('channels.outboundUrl'), { type: 'url' })}
        </>
      )}
      <Button variant="primary" type="submit">
        {channel ? tc('save') : tc('create')}
      </Button>
    </form>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { Button } from '../core/ui/button';
import { Dialog } from '../core/ui/dialog';
import { Field, Select } from '../core/ui/field';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { Table } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import type { AdminChannelDeliveriesQuery, ChannelCreateInput, ChannelType } from '../gql/graphql';
import { AdminChannelDeliveries, AdminChannels, AdminCreateChannel, AdminDeleteChannel, AdminDeliveryChanged, AdminStaffList, STAFF_LIST } from './admin-operations';
import { mergeDeliveries } from './deliveries';

const TYPES: ChannelType[] = ['WECHAT', 'DOUYIN', 'JD', 'WECOM'];
type Delivery = AdminChannelDeliveriesQuery['channelDeliveries'][number];

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
  const [{ data, fetching, error }] = useQuery({ query: AdminChannels, context: CHANNEL_LIST, requestPolicy: 'cache-and-network' });
  const [{ data: staffData }] = useQuery({ query: AdminStaffList, variables: { page: { pageSize: 100 } }, context: STAFF_LIST });
  const [, remove] = useMutation(AdminDeleteChannel);
  const [creating, setCreating] = useState(false);
  const staffs = staffData?.staffs.items ?? [];
  const staffName = (id: number) => staffs.find((s) => s.id === id)?.name ?? `#${id}`;
  return (
    <Page
      title={t('channels.title')}
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
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
          { key: 'account', header: t('channels.accountId'), cell: (c) => c.accountId },
          { key: 'staff', header: t('channels.staff'), cell: (c) => staffName(c.staffId) },
          { key: 'url', header: t('channels.outboundUrl'), cell: (c) => c.outboundUrl || '—' },
          { key: 'secret', header: t('channels.secret'), cell: (c) => c.secret || c.token },
          {
            key: 'actions',
            header: t('actions'),
            cell: (c) => (
              <Button
                variant="danger"
                onClick={() =>
                  void remove({ id: c.id }, CHANNEL_LIST).then((r) => {
                    if (r.error) return toast(errorText(r.error) ?? '', 'error');
                    toast(t('channels.deleted', { account: c.accountId }));
                  })
                }
              >
                {t('channels.deleteOf', { account: c.accountId })}
              </Button>
            ),
          },
        ]}
      />
      <Deliveries />
      <Dialog open={creating} title={t('channels.create')} onClose={() => setCreating(false)}>
        <ChannelForm
          staffs={staffs}
          onDone={() => {
            setCreating(false);
          }}
        />
      </Dialog>
    </Page>
  );
}

function Deliveries() {
  const { t } = useTranslation('admin');
  const client = useClient();
  const [sessionId, setSessionId] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  const [live, setLive] = useState<Delivery[]>([]);
  const [{ data, fetching, error }] = useQuery({ query: AdminChannelDeliveries, variables: { sessionId: shown ?? 0 }, pause: shown === null, requestPolicy: 'network-only' });
  useEffect(() => {
    const sub = client.subscription(AdminDeliveryChanged, {}).subscribe((r) => {
      const d = r.data?.channelDeliveryChanged;
      if (d) setLive((list) => mergeDeliveries(list, [d]));
    });
    return () => sub.unsubscribe();
  }, [client]);
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

function ChannelForm({ staffs, onDone }: { staffs: readonly { id: number; name: string }[]; onDone(): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [, create] = useMutation(AdminCreateChannel);
  const [channelType, setType] = useState<ChannelType>('WECHAT');
  const [staffId, setStaffId] = useState(String(staffs[0]?.id ?? ''));
  const [f, setF] = useState<Record<string, string>>({});
  const field = (key: keyof ChannelCreateInput, label: string, extra: { type?: string; required?: boolean } = {}) => (
    <Field label={label} value={f[key] ?? ''} onChange={(e) => setF((x) => ({ ...x, [key]: e.target.value }))} required autoComplete="off" {...extra} />
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({ input: { channelType, staffId: Number(staffId), ...f } });
    if (r.error) return toast(errorText(r.error) ?? '', 'error');
    toast(t('channels.created'));
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
        {tc('create')}
      </Button>
    </form>
  );
}

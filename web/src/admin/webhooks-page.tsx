import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button } from '../core/ui/button';
import { ConfirmDelete } from '../core/ui/confirm-delete';
import { Dialog } from '../core/ui/dialog';
import { Field } from '../core/ui/field';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { Table } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import type { AdminWebhookEndpointFieldsFragment } from '../gql/graphql';
import { Checkbox } from './checkbox';
import { CopyButton } from './copy-button';
import {
  AdminCreateWebhook,
  AdminDeleteWebhook,
  AdminRotateWebhookSecret,
  AdminTestWebhook,
  AdminUpdateWebhook,
  AdminWebhooks,
  WEBHOOK_LIST,
} from './webhook-operations';
import { WebhookDeliveries } from './webhook-deliveries';

type Endpoint = AdminWebhookEndpointFieldsFragment;

/** The merchant's webhook endpoints (docs/webhooks.md): register, edit, test, rotate the secret, delete, and each one's delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const errorText = useErrorText();
  const [{ data, fetching, error }] = useQuery({ query: AdminWebhooks, context: WEBHOOK_LIST, requestPolicy: 'cache-and-network' });
  const [, remove] = useMutation(AdminDeleteWebhook);
  const [{ fetching: testing }, test] = useMutation(AdminTestWebhook);
  const [{ fetching: rotating }, rotate] = useMutation(AdminRotateWebhookSecret);
  const [editing, setEditing] = useState<Endpoint | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Endpoint | null>(null);
  // A secret is answered once, by a create or a rotation: shown until the merchant closes it.
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [logOfId, setLogOf] = useState<number | null>(null);
  const endpoints = data?.webhookEndpoints.items ?? [];
  const named = endpointNames(endpoints);
  const nameOf = (e: { id: number; url: string }) => named.get(e.id) ?? e.url;
  const logOf = endpoints.find((e) => e.id === logOfId) ?? null;

  const sendTest = async (e: Endpoint) => {
    const r = await test({ id: e.id });
    if (!r.data) return toast(errorText(r.error) ?? '', 'error');
    const d = r.data.testWebhookEndpoint;
    setLogOf(e.id);
    if (d.state === 'DELIVERED') return toast(t('webhooks.testDelivered', { url: nameOf(e) }));
    toast(t(d.state === 'FAILED' ? 'webhooks.testFailed' : 'webhooks.testRefused', { url: e.url, error: d.lastError ?? '' }), 'error');
  };
  const rotateSecret = async (e: Endpoint) => {
    const r = await rotate({ id: e.id });
    if (!r.data) return toast(errorText(r.error) ?? '', 'error');
    setSecret({ url: e.url, secret: r.data.rotateWebhookSecret.secret });
  };

  return (
    <Page
      title={t('webhooks.title')}
      actions={
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('webhooks.create')}
        </Button>
      }
    >
      <p className="admin-muted">{t('webhooks.intro')}</p>
      <QueryState fetching={fetching && !data} error={error} />
      <Table
        caption={t('webhooks.caption')}
        rowKey={(e) => e.id}
        rows={endpoints}
        columns={[
          { key: 'url', header: t('webhooks.url'), cell: (e) => <code>{e.url}</code> },
          { key: 'description', header: t('webhooks.description'), cell: (e) => e.description },
          { key: 'events', header: t('webhooks.events'), cell: (e) => e.eventTypes.join(', ') },
          { key: 'enabled', header: t('webhooks.state'), cell: (e) => (e.enabled ? t('webhooks.on') : t('webhooks.off')) },
          {
            key: 'actions',
            header: t('actions'),
            cell: (e) => (
              <div className="admin-actions">
                <Button onClick={() => setEditing(e)}>{t('webhooks.editOf', { url: nameOf(e) })}</Button>
                <Button disabled={!e.enabled || testing} onClick={() => void sendTest(e)}>
                  {t('webhooks.testOf', { url: nameOf(e) })}
                </Button>
                <Button onClick={() => setLogOf(e.id)}>{t('webhooks.logOf', { url: nameOf(e) })}</Button>
                <Button disabled={rotating} onClick={() => void rotateSecret(e)}>
                  {t('webhooks.rotateOf', { url: nameOf(e) })}
                </Button>
                <Button variant="danger" onClick={() => setDeleting(e)}>
                  {t('webhooks.deleteOf', { url: nameOf(e) })}
                </Button>
              </div>
            ),
          },
        ]}
      />
      {logOf && <WebhookDeliveries endpoint={logOf} />}
      <ConfirmDelete
        item={deleting}
        title={(e) => t('webhooks.deleteTitle', { url: nameOf(e) })}
        warning={t('webhooks.deleteWarning')}
        onClose={() => setDeleting(null)}
        onConfirm={(e) =>
          void remove({ id: e.id }, WEBHOOK_LIST).then((r) => {
            if (r.error) return toast(errorText(r.error) ?? '', 'error');
            if (logOf?.id === e.id) setLogOf(null);
            toast(t('webhooks.deleted', { url: nameOf(e) }));
          })
        }
      />
      <Dialog open={editing !== null} title={editing === 'new' ? t('webhooks.create') : t('webhooks.editOf', { url: editing ? nameOf(editing) : '' })} onClose={() => setEditing(null)}>
        {editing !== null && (
          <WebhookForm
            endpoint={editing === 'new' ? null : editing}
            eventTypes={data?.webhookEventTypes ?? []}
            onDone={(made) => {
              setEditing(null);
              if (made) setSecret(made);
            }}
          />
        )}
      </Dialog>
      <Dialog open={secret !== null} title={t('webhooks.secretTitle', { url: secret?.url ?? '' })} onClose={() => setSecret(null)}>
        {secret && (
          <>
            <p>{t('webhooks.secretOnce')}</p>
            <Field label={t('webhooks.secret')} value={secret.secret} readOnly onFocus={(e) => e.target.select()} />
            <CopyButton text={secret.secret} label={t('webhooks.copySecret')} />
          </>
        )}
      </Dialog>
    </Page>
  );
}

/** Register an endpoint (answering its secret) or edit one. */
function WebhookForm({ endpoint, eventTypes, onDone }: { endpoint: Endpoint | null; eventTypes: readonly string[]; onDone(made: { url: string; secret: string } | null): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [, create] = useMutation(AdminCreateWebhook);
  const [, update] = useMutation(AdminUpdateWebhook);
  const [url, setUrl] = useState(endpoint?.url ?? 'https://');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [types, setTypes] = useState<string[]>(endpoint?.eventTypes ?? []);
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  const toggle = (type: string, on: boolean) => setTypes((list) => (on ? [...list, type] : list.filter((x) => x !== type)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!types.length) return toast(t('webhooks.pickEvents'), 'error');
    const input = { url, description, eventTypes: types, enabled };
    if (endpoint) {
      const r = await update({ id: endpoint.id, input });
      if (r.error) return toast(errorText(r.error) ?? '', 'error');
      toast(t('webhooks.saved', { url }));
      return onDone(null);
    }
    const r = await create({ input }, WEBHOOK_LIST);
    if (!r.data) return toast(errorText(r.error) ?? '', 'error');
    onDone({ url, secret: r.data.createWebhookEndpoint.secret });
  };
  return (
    <form className="admin-form" aria-label={t('webhooks.form')} onSubmit={(e) => void submit(e)}>
      <Field label={t('webhooks.url')} type="url" value={url} onChange={(e) => setUrl(e.target.value)} required maxLength={1024} />
      <Field label={t('webhooks.description')} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={255} />
      <fieldset>
        <legend>{t('webhooks.events')}</legend>
        {eventTypes.map((type) => (
          <Checkbox key={type} label={type} checked={types.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
        ))}
      </fieldset>
      <Checkbox label={t('webhooks.enabled')} checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
      <Button variant="primary" type="submit">
        {endpoint ? tc('save') : t('webhooks.register')}
      </Button>
    </form>
  );
}

/** What the controls of each endpoint call it: its URL, with its description, and its number where two would still read alike. */
function endpointNames(endpoints: { id: number; url: string; description: string }[]): Map<number, string> {
  const base = (e: { url: string; description: string }) => (e.description ? `${e.url} (${e.description})` : e.url);
  const count = new Map<string, number>();
  for (const e of endpoints) count.set(base(e), (count.get(base(e)) ?? 0) + 1);
  return new Map(endpoints.map((e) => [e.id, (count.get(base(e)) ?? 0) > 1 ? `${base(e)} #${e.id}` : base(e)]));
}

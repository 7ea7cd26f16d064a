import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button } from '../core/ui/button';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Table } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import type { AdminWebhookEndpointFieldsFragment } from '../gql/graphql';
import { AdminRedeliverWebhook, AdminWebhookDeliveries } from './webhook-operations';

/** Context of a delivery log: a test-send or a redelivery (a WebhookDelivery answer) refetches it. */
const DELIVERY_LOG = { additionalTypenames: ['WebhookDelivery'] };

/** One endpoint's delivery log, newest first; a delivered or failed event can be sent again. */
export function WebhookDeliveries({ endpoint }: { endpoint: AdminWebhookEndpointFieldsFragment }) {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const errorText = useErrorText();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminWebhookDeliveries, variables: { endpointId: endpoint.id }, context: DELIVERY_LOG, requestPolicy: 'cache-and-network' });
  const [{ fetching: sending }, redeliver] = useMutation(AdminRedeliverWebhook);
  const again = async (id: number) => {
    const r = await redeliver({ id }, DELIVERY_LOG);
    if (!r.data) return toast(errorText(r.error) ?? '', 'error');
    const d = r.data.redeliverWebhook;
    if (d.state === 'DELIVERED') return toast(t('webhooks.redelivered'));
    toast(t(d.state === 'FAILED' ? 'webhooks.redeliverFailed' : 'webhooks.redeliverRefused', { error: d.lastError ?? '' }), 'error');
  };
  return (
    <section className="admin-panel" aria-labelledby="webhook-log-title">
      <h2 id="webhook-log-title">{t('webhooks.logTitle', { url: endpoint.url })}</h2>
      <Button onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('webhooks.refresh')}</Button>
      <QueryState fetching={fetching && !data} error={error} />
      <Table
        caption={t('webhooks.logCaption', { count: data?.webhookDeliveries.total ?? 0 })}
        rowKey={(d) => d.id}
        rows={data?.webhookDeliveries.items ?? []}
        columns={[
          { key: 'time', header: t('webhooks.time'), cell: (d) => new Date(d.createdAt).toLocaleString() },
          { key: 'type', header: t('webhooks.eventType'), cell: (d) => d.eventType },
          { key: 'state', header: t('deliveries.state'), cell: (d) => <span className={`delivery delivery-${d.state.toLowerCase()}`}>{t(`deliveries.states.${d.state}`)}</span> },
          { key: 'attempts', header: t('deliveries.attempts'), cell: (d) => d.attempts },
          { key: 'status', header: t('webhooks.lastStatus'), cell: (d) => d.lastStatus ?? '' },
          { key: 'error', header: t('deliveries.lastError'), cell: (d) => d.lastError ?? '' },
          {
            key: 'actions',
            header: t('actions'),
            cell: (d) =>
              d.state === 'PENDING' ? (
                d.nextAttemptAt && t('webhooks.nextAt', { time: new Date(d.nextAttemptAt).toLocaleString() })
              ) : (
                <Button disabled={sending} onClick={() => void again(d.id)}>
                  {t('webhooks.redeliverOf', { id: d.id })}
                </Button>
              ),
          },
        ]}
      />
    </section>
  );
}

import { graphql } from '../gql';

// The merchant admin's webhook operations (typed by `npm run web:codegen`; docs/webhooks.md).

/** Context of the endpoint list: a delete (a Boolean answer) refetches it, even while it is empty. */
export const WEBHOOK_LIST = { additionalTypenames: ['WebhookEndpoint'] };

export const WebhookEndpointFields = graphql(`
  fragment AdminWebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    eventTypes
    enabled
  }
`);

export const WebhookDeliveryFields = graphql(`
  fragment AdminWebhookDeliveryFields on WebhookDelivery {
    id
    endpointId
    eventType
    state
    attempts
    lastStatus
    lastError
    nextAttemptAt
    createdAt
  }
`);

export const AdminWebhooks = graphql(`
  query AdminWebhooks {
    webhookEventTypes
    webhookEndpoints(page: { pageSize: 100 }) {
      items {
        ...AdminWebhookEndpointFields
      }
    }
  }
`);

export const AdminWebhookDeliveries = graphql(`
  query AdminWebhookDeliveries($endpointId: Int!) {
    webhookDeliveries(endpointId: $endpointId, page: { pageSize: 50 }) {
      total
      items {
        ...AdminWebhookDeliveryFields
      }
    }
  }
`);

export const AdminCreateWebhook = graphql(`
  mutation AdminCreateWebhook($input: WebhookEndpointCreateInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        ...AdminWebhookEndpointFields
      }
    }
  }
`);

export const AdminUpdateWebhook = graphql(`
  mutation AdminUpdateWebhook($id: Int!, $input: WebhookEndpointUpdateInput!) {
    updateWebhookEndpoint(id: $id, input: $input) {
      ...AdminWebhookEndpointFields
    }
  }
`);

export const AdminDeleteWebhook = graphql(`
  mutation AdminDeleteWebhook($id: Int!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

export const AdminTestWebhook = graphql(`
  mutation AdminTestWebhook($id: Int!) {
    testWebhookEndpoint(id: $id) {
      ...AdminWebhookDeliveryFields
    }
  }
`);

export const AdminRotateWebhookSecret = graphql(`
  mutation AdminRotateWebhookSecret($id: Int!) {
    rotateWebhookSecret(id: $id) {
      secret
      endpoint {
        ...AdminWebhookEndpointFields
      }
    }
  }
`);

export const AdminRedeliverWebhook = graphql(`
  mutation AdminRedeliverWebhook($id: Int!) {
    redeliverWebhook(deliveryId: $id) {
      ...AdminWebhookDeliveryFields
    }
  }
`);

import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DeliveryState } from '../../entities/delivery/delivery-record.js';

const EVENT_TYPES_NOTE = 'session.opened, session.handed_off, session.accepted, session.transferred, session.closed, message.created, trade.paid, trade.refunded, document.synced, document.failed (docs/webhooks.md)';

@ObjectType('WebhookEndpoint', { description: "A merchant's URL that receives the events it subscribed to, signed (Standard Webhooks)" })
export class WebhookEndpointObject {
  @Field(() => Int) id!: number;
  @Field() url!: string;
  @Field() description!: string;
  @Field(() => [String], { description: EVENT_TYPES_NOTE }) eventTypes!: string[];
  @Field() enabled!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class WebhookEndpointPage {
  @Field(() => [WebhookEndpointObject]) items!: WebhookEndpointObject[];
  @Field(() => Int) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType({ description: 'A new endpoint and its signing secret, which is shown this once only' })
export class WebhookEndpointCreated {
  @Field(() => WebhookEndpointObject) endpoint!: WebhookEndpointObject;
  @Field({ description: 'whsec_…: verify webhook-signature with it (any Standard Webhooks library)' }) secret!: string;
}

@ObjectType('WebhookDelivery', { description: 'One event on its way to one endpoint: the delivery log' })
export class WebhookDeliveryObject {
  @Field(() => Int) id!: number;
  @Field(() => Int) endpointId!: number;
  @Field({ description: 'The webhook-id header: the same on every attempt' }) msgId!: string;
  @Field() eventType!: string;
  @Field({ description: 'The JSON body sent: {type, timestamp, data}' }) payload!: string;
  @Field(() => DeliveryState) state!: DeliveryState;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last answer; null when none came' }) lastStatus!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true, description: 'When a pending delivery is tried next' }) nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class WebhookDeliveryPage {
  @Field(() => [WebhookDeliveryObject]) items!: WebhookDeliveryObject[];
  @Field(() => Int) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@InputType()
export class WebhookEndpointCreateInput {
  @Field({ description: 'http(s); private and loopback addresses are refused unless OUTBOUND_ALLOW_PRIVATE' }) url!: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => [String], { description: EVENT_TYPES_NOTE }) eventTypes!: string[];
  @Field({ nullable: true, description: 'Default true' }) enabled?: boolean;
}

@InputType({ description: 'Only the fields given change' })
export class WebhookEndpointUpdateInput {
  @Field({ nullable: true }) url?: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => [String], { nullable: true }) eventTypes?: string[];
  @Field({ nullable: true }) enabled?: boolean;
}

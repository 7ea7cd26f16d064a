import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DeliveryState } from '../../entities/channel/outbound-delivery.entity.js';
import { ChannelType } from '../../entities/contact/contact.entity.js';

registerEnumType(DeliveryState, { name: 'DeliveryState', description: 'pending (being retried), delivered, failed (given up)' });

@ObjectType('Channel', { description: "A merchant's account on WeCom or a gateway; secrets are shown masked only" })
export class ChannelObject {
  @Field(() => Int) id!: number;
  @Field(() => Int) staffId!: number;
  @Field(() => ChannelType) channelType!: ChannelType;
  @Field() accountId!: string;
  @Field({ description: 'Where gateway replies are POSTed' }) outboundUrl!: string;
  @Field(() => String, { nullable: true }) corpId!: string | null;
  @Field(() => String, { nullable: true }) agentId!: string | null;
  @Field({ description: 'Masked (ab****yz); empty when not set' }) secret!: string;
  @Field({ description: 'Masked' }) token!: string;
  @Field({ description: 'Masked' }) encodingAesKey!: string;
  @Field({ description: 'Masked' }) appSecret!: string;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class ChannelPage {
  @Field(() => [ChannelObject]) items!: ChannelObject[];
  @Field(() => Int) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@InputType({ description: 'Gateways need accountId, secret and outboundUrl; WeCom needs token, encodingAesKey, corpId and agentId (and appSecret to reply)' })
export class ChannelCreateInput {
  @Field(() => Int) staffId!: number;
  @Field(() => ChannelType) channelType!: ChannelType;
  @Field({ nullable: true }) accountId?: string;
  @Field({ nullable: true }) secret?: string;
  @Field({ nullable: true }) outboundUrl?: string;
  @Field({ nullable: true }) token?: string;
  @Field({ nullable: true }) encodingAesKey?: string;
  @Field({ nullable: true }) corpId?: string;
  @Field({ nullable: true }) agentId?: string;
  @Field({ nullable: true }) appSecret?: string;
}

@InputType({ description: 'Only the fields given change; the channel that results must be valid' })
export class ChannelUpdateInput {
  @Field(() => Int, { nullable: true }) staffId?: number;
  @Field(() => ChannelType, { nullable: true }) channelType?: ChannelType;
  @Field({ nullable: true }) accountId?: string;
  @Field({ nullable: true }) secret?: string;
  @Field({ nullable: true }) outboundUrl?: string;
  @Field({ nullable: true }) token?: string;
  @Field({ nullable: true }) encodingAesKey?: string;
  @Field({ nullable: true }) corpId?: string;
  @Field({ nullable: true }) agentId?: string;
  @Field({ nullable: true }) appSecret?: string;
}

@ObjectType('ChannelDelivery', { description: 'A reply on its way to the channel (the outbox)' })
export class ChannelDeliveryObject {
  @Field(() => Int) id!: number;
  @Field(() => Int) sessionId!: number;
  @Field(() => Int, { nullable: true, description: 'Null for notices, which are not stored messages' }) messageId!: number | null;
  @Field({ description: 'The msg_id sent on every attempt' }) msgId!: string;
  @Field(() => String, { nullable: true }) replyTo!: string | null;
  @Field(() => DeliveryState) state!: DeliveryState;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true, description: 'When a pending delivery is tried next' }) nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType('ChannelDeliveryState', { description: "How a channel's replies stand (those of its staff's sessions on it)" })
export class ChannelDeliveryStateObject {
  @Field(() => Int, { description: 'Being retried' }) pending!: number;
  @Field(() => Int, { description: 'Given up' }) failed!: number;
  @Field(() => ChannelDeliveryObject, { nullable: true, description: 'The newest reply, in whatever state' }) latest!: ChannelDeliveryObject | null;
}

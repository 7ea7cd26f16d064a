import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChannelType } from '../../entities/contact/contact.entity.js';
import { MessageType, SenderType } from '../../entities/session/message.entity.js';
import { SessionStatus } from '../../entities/session/session.entity.js';

registerEnumType(SessionStatus, { name: 'SessionStatus', description: 'ai → pending → manual → closed (DESIGN.md)' });
registerEnumType(ChannelType, { name: 'ChannelType' });
registerEnumType(MessageType, { name: 'MessageType' });
registerEnumType(SenderType, { name: 'SenderType' });

@ObjectType('Contact', { description: 'The end user of a session' })
export class ContactType {
  @Field(() => Int) id!: number;
  @Field({ description: "The channel's id for the person (agent-console userid)" }) externalId!: string;
  @Field(() => ChannelType) channel!: ChannelType;
  @Field() nickname!: string;
  @Field() avatarUrl!: string;
}

@ObjectType('Media', { description: 'What a picture, voice, video or file message carries; the caption is the message content' })
export class MediaObject {
  @Field() url!: string;
  @Field(() => String, { nullable: true }) mimeType?: string | null;
  @Field(() => Int, { nullable: true, description: 'Bytes' }) size?: number | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Float, { nullable: true, description: 'Seconds, for voice and video' }) duration?: number | null;
}

@InputType()
export class MediaInput {
  @Field() url!: string;
  @Field(() => String, { nullable: true }) mimeType?: string;
  @Field(() => Int, { nullable: true }) size?: number;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => Float, { nullable: true }) duration?: number;
}

@ObjectType('Message')
export class MessageObject {
  @Field(() => Int) id!: number;
  @Field(() => Int, { description: 'Order within the session; pass the last one seen as `after` to catch up' }) seq!: number;
  @Field(() => SenderType) senderType!: SenderType;
  @Field() senderId!: string;
  @Field(() => MessageType) msgType!: MessageType;
  @Field({ description: 'The text, or a media message\'s caption' }) content!: string;
  @Field(() => MediaObject, { nullable: true, description: 'Set for picture, voice, video and file messages' }) media?: MediaObject | null;
  @Field(() => String, { nullable: true }) clientMsgId?: string | null;
  @Field() createdAt!: Date;
  sessionId?: number;
}

@ObjectType('Session')
export class SessionObject {
  @Field(() => Int) id!: number;
  @Field(() => SessionStatus) status!: SessionStatus;
  @Field(() => ChannelType) channel!: ChannelType;
  @Field(() => Int) messageCount!: number;
  @Field() lastMessage!: string;
  @Field(() => Date, { nullable: true }) lastMessageAt!: Date | null;
  @Field(() => Int) lastSeq!: number;
  @Field(() => String, { nullable: true }) handoffReason!: string | null;
  @Field(() => Date, { nullable: true }) queuedAt!: Date | null;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field({ description: "Handed off outside the staff's business hours: waits for the agents while the AI keeps answering" }) offlineMessage!: boolean;
  @Field(() => Int, { nullable: true, description: "The contact's rating once closed, 1 to 5 (CSAT)" }) csatScore!: number | null;
  @Field(() => String, { nullable: true, description: "The contact's comment with its rating" }) csatComment!: string | null;
}

@ObjectType()
export class SessionPage {
  @Field(() => [SessionObject]) items!: SessionObject[];
  @Field(() => Int, { description: 'Matching sessions over all pages' }) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType()
export class SessionChangeEvent {
  @Field() kind!: string;
  @Field(() => SessionStatus) status!: SessionStatus;
  @Field(() => SessionStatus, { nullable: true }) previousStatus!: SessionStatus | null;
  @Field(() => Int, { nullable: true }) previousAgentId!: number | null;
  @Field(() => String, { description: "The merchant's event number of this change: the cursor for `sessionChanged(since:)`" }) eventSeq!: string;
  @Field(() => SessionObject) session!: SessionObject;
}

@InputType()
export class SessionFilterInput {
  @Field(() => SessionStatus, { nullable: true }) status?: SessionStatus;
  @Field(() => ChannelType, { nullable: true }) channel?: ChannelType;
  @Field(() => Int, { nullable: true }) agentId?: number;
  @Field(() => Int, { nullable: true }) staffId?: number;
  @Field(() => Int, { nullable: true, description: "One contact's sessions" }) contactId?: number;
  @Field(() => Int, { nullable: true, description: 'Sessions carrying this label' }) labelId?: number;
  @Field(() => String, { nullable: true, description: 'Sessions carrying the label of this name' }) label?: string;
}

@InputType()
export class SendMessageInput {
  @Field(() => Int) sessionId!: number;
  @Field() content!: string;
  @Field(() => MessageType, { nullable: true }) msgType?: MessageType;
  @Field(() => MediaInput, { nullable: true, description: 'For a media msgType: the file (upload it first); content is then a caption' }) media?: MediaInput;
  @Field({ nullable: true, description: 'Makes a resend idempotent' }) clientMsgId?: string;
}

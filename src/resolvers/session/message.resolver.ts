import { FieldResolver, Resolver, Root } from 'type-graphql';
import { type Message, MessageType } from '../../entities/session/message.entity.js';
import { MediaObject, MessageObject } from './session.types.js';

/** Fields of Message that are not columns (of an entity, or of a history read's plain row). */
@Resolver(() => MessageObject)
export class MessageFieldsResolver {
  @FieldResolver(() => MediaObject, { nullable: true })
  media(@Root() m: Pick<Message, 'msgType' | 'payload'>): MediaObject | null {
    return m.msgType === MessageType.TEXT || !m.payload ? null : (m.payload as unknown as MediaObject);
  }
}

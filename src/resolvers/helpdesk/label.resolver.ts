import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Contact } from '../../entities/contact/contact.entity.js';
import type { Label } from '../../entities/helpdesk/label.entity.js';
import type { Session } from '../../entities/session/session.entity.js';
import type { GqlContext } from '../../graphql/context.js';
import type { Services } from '../../services/index.js';
import { ContactType, SessionObject } from '../session/session.types.js';
import { Role } from '../shared/enums.js';
import { LabelInput, LabelType } from './helpdesk.types.js';

@Resolver(() => LabelType)
export class LabelResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Query(() => [LabelType], { description: "The merchant's labels, by name" })
  async labels(@Ctx() { ctx }: GqlContext): Promise<Label[]> {
    return this.s.labels.list(ctx);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => LabelType)
  async createLabel(@Arg('input') input: LabelInput, @Ctx() { ctx }: GqlContext): Promise<Label> {
    return this.s.labels.create(ctx, input);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => LabelType)
  async updateLabel(@Arg('id', () => Int) id: number, @Arg('input') input: LabelInput, @Ctx() { ctx }: GqlContext): Promise<Label> {
    return this.s.labels.update(ctx, id, input);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => Boolean, { description: 'Also takes it off every session and contact' })
  async deleteLabel(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<boolean> {
    await this.s.labels.delete(ctx, id);
    return true;
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Mutation(() => SessionObject, { description: '`on: false` removes it' })
  async labelSession(
    @Arg('sessionId', () => Int) sessionId: number,
    @Arg('labelId', () => Int) labelId: number,
    @Ctx() { ctx }: GqlContext,
    @Arg('on', () => Boolean, { defaultValue: true }) on: boolean,
  ): Promise<Session> {
    return this.s.labels.setOnSession(ctx, sessionId, labelId, on);
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Mutation(() => ContactType, { description: '`on: false` removes it' })
  async labelContact(
    @Arg('contactId', () => Int) contactId: number,
    @Arg('labelId', () => Int) labelId: number,
    @Ctx() { ctx }: GqlContext,
    @Arg('on', () => Boolean, { defaultValue: true }) on: boolean,
  ): Promise<Contact> {
    return this.s.labels.setOnContact(ctx, contactId, labelId, on);
  }
}

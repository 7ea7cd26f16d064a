import type { ChannelCreateInput, ChannelType } from '../gql/graphql';

type Fields = Omit<ChannelCreateInput, 'channelType' | 'staffId'>;
export type ChannelField = keyof Fields;

/** The fields each kind of channel takes: gateways an account, a secret and where replies go; WeCom its app. */
export const CHANNEL_FIELDS: Record<'GATEWAY' | 'WECOM', readonly ChannelField[]> = {
  GATEWAY: ['accountId', 'secret', 'outboundUrl'],
  WECOM: ['corpId', 'agentId', 'token', 'encodingAesKey', 'appSecret'],
};

/** Secrets come back masked, so the edit form starts them empty, and an empty one keeps what is stored. */
export const SECRET_FIELDS: ReadonlySet<ChannelField> = new Set(['secret', 'token', 'encodingAesKey', 'appSecret']);

export const fieldsOf = (channelType: ChannelType): readonly ChannelField[] => CHANNEL_FIELDS[channelType === 'WECOM' ? 'WECOM' : 'GATEWAY'];

/** How a channel is named in the list and on its buttons: WeCom by corp and app, a gateway by its account. */
export const channelAccount = (c: { channelType: ChannelType; accountId: string; corpId?: string | null; agentId?: string | null }): string =>
  c.channelType === 'WECOM' ? `${c.corpId ?? ''}/${c.agentId ?? ''}` : c.accountId;

/** The edit form's start: what is shown in clear; the masked secrets empty. */
export function channelFormOf(c: { accountId: string; outboundUrl: string; corpId?: string | null; agentId?: string | null }): Record<string, string> {
  return { accountId: c.accountId, outboundUrl: c.outboundUrl, corpId: c.corpId ?? '', agentId: c.agentId ?? '' };
}

/**
 * What is sent: the type, the staff and the filled-in fields of that type only (a field typed before the type
 * was switched is not), so an update changes what was typed and keeps every empty secret.
 */
export function channelInput(channelType: ChannelType, staffId: number, form: Readonly<Record<string, string>>): ChannelCreateInput {
  const given = fieldsOf(channelType).flatMap((k) => (form[k]?.trim() ? [[k, form[k].trim()] as const] : []));
  return { channelType, staffId, ...Object.fromEntries(given) };
}

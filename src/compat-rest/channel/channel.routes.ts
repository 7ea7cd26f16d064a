import { formatSeedTime } from '../../core/time.js';
import type { Services } from '../../services/index.js';
import type { ChannelInput, ChannelView } from '../../services/channel/channel.service.js';
import type { LegacyBody } from '../legacy-body.js';
import { ok, okList, type LegacyRoute } from '../route.js';

/** Secrets appear masked (`ab****yz`), never in clear. */
function presentChannel(v: ChannelView, s: Services) {
  const c = v.channel;
  return {
    id: c.id,
    customer_id: c.merchant.id,
    staff_id: c.staff.id,
    channel_type: c.channelType,
    account_id: c.accountId,
    secret: v.secret,
    outbound_url: c.outboundUrl,
    token: v.token,
    encoding_aes_key: v.encodingAesKey,
    corp_id: c.corpId ?? '',
    agent_id: c.agentId ?? '',
    app_secret: v.appSecret,
    created_time: formatSeedTime(c.createdAt, s.config.timezone),
    updated_time: formatSeedTime(c.updatedAt, s.config.timezone),
  };
}

function channelFields(b: LegacyBody): ChannelInput {
  return {
    staffId: b.int('staff_id'),
    channelType: b.str('channel_type'),
    accountId: b.str('account_id'),
    secret: b.str('secret'),
    outboundUrl: b.str('outbound_url'),
    token: b.str('token'),
    encodingAesKey: b.str('encoding_aes_key'),
    corpId: b.str('corp_id'),
    agentId: b.str('agent_id'),
    // WeCom calls it the app's Secret; its API names it corpsecret.
    appSecret: b.str('app_secret') ?? b.str('corp_secret'),
  };
}

export const channelRoutes: LegacyRoute[] = [
  {
    path: '/api/v1/customer/create/channel',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const channel = await s.channels.create(ctx, channelFields(b));
      return ok({ id: channel.id });
    },
  },
  {
    path: '/api/v1/customer/list/channel',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const page = await s.channels.list(ctx, { id: b.intFilter('id'), staffId: b.intFilter('staff_id'), channelType: b.strFilter('channel_type') }, b.page());
      return okList(page.items.map((c) => presentChannel(s.channels.view(c), s)), page.total);
    },
  },
  {
    path: '/api/v1/customer/edit/channel',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.channels.update(ctx, b.int('id') ?? 0, channelFields(b));
      return ok();
    },
  },
  {
    path: '/api/v1/customer/delete/channel',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.channels.delete(ctx, b.int('id') ?? 0);
      return ok();
    },
  },
];

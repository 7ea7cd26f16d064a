import { formatSeedTime } from '../../core/time.js';
import type { Services } from '../../services/index.js';
import type { ChannelInput, ChannelView } from '../../services/channel/channel.service.js';
import type { LegacyBody } from '../legacy-body.js';
import { z } from 'zod';
import { CONNECTED_CHANNEL_TYPES } from '../../entities/channel/channel.entity.js';
import { createdTime, idData, int, intField, pageFields, str, strField, updatedTime } from '../fields.js';
import { emptyData, legacyRoute, listData, ok, okList, type LegacyRoute } from '../route.js';

const masked = (what: string) => str(`${what}, masked (\`ab****yz\`); "" when not set`);

const channelItem = z
  .strictObject({
    id: int('渠道ID'),
    customer_id: int('归属商户ID'),
    staff_id: int('接待的AI员工ID'),
    channel_type: z.enum(CONNECTED_CHANNEL_TYPES).meta({ description: '渠道类型' }),
    account_id: str('渠道账号ID: the gateway’s account_id, or the WeCom corp’s ToUserName'),
    secret: masked('网关签名密钥'),
    outbound_url: str('回复投递URL (gateways)'),
    token: masked('企业微信回调Token'),
    encoding_aes_key: masked('企业微信EncodingAESKey'),
    corp_id: str('企业微信CorpID'),
    agent_id: str('企业微信应用AgentId'),
    app_secret: masked('企业微信应用Secret'),
    created_time: createdTime,
    updated_time: updatedTime,
  })
  .meta({ id: 'Channel' });

const channelBody = {
  staff_id: intField('接待的AI员工ID'),
  channel_type: strField(`渠道类型: ${CONNECTED_CHANNEL_TYPES.join(', ')}`),
  account_id: strField('渠道账号ID'),
  secret: strField('网关签名密钥 (wechat, douyin, jd)'),
  outbound_url: strField('回复投递URL (wechat, douyin, jd)'),
  token: strField('企业微信回调Token (wecom)'),
  encoding_aes_key: strField('企业微信EncodingAESKey (wecom)'),
  corp_id: strField('企业微信CorpID (wecom)'),
  agent_id: strField('企业微信应用AgentId (wecom)'),
  app_secret: strField('企业微信应用Secret (wecom)'),
  corp_secret: strField('app_secret by its WeCom API name (wecom)'),
};
const optionalChannelBody = z.object(channelBody).partial().shape;

/** Secrets appear masked (`ab****yz`), never in clear. */
function presentChannel(v: ChannelView, s: Services): z.input<typeof channelItem> {
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
  legacyRoute({
    path: '/api/v1/customer/create/channel',
    auth: 'merchant',
    summary: '创建渠道: connects a WeCom app or a gateway to a staff (docs/channels.md)',
    body: z.object(optionalChannelBody),
    data: idData('渠道ID'),
    async handle(ctx, b, s) {
      const channel = await s.channels.create(ctx, channelFields(b));
      return ok({ id: channel.id });
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/list/channel',
    auth: 'merchant',
    summary: '渠道列表',
    body: z.object({ id: intField('按渠道ID查询 (0: all)').optional(), staff_id: intField('按AI员工ID查询 (0: all)').optional(), channel_type: strField('按渠道类型查询 ("": all)').optional(), ...pageFields }),
    data: listData(channelItem),
    async handle(ctx, b, s) {
      const page = await s.channels.list(ctx, { id: b.intFilter('id'), staffId: b.intFilter('staff_id'), channelType: b.strFilter('channel_type') }, b.page());
      return okList(page.items.map((c) => presentChannel(s.channels.view(c), s)), page.total);
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/edit/channel',
    auth: 'merchant',
    summary: '编辑渠道: only the fields sent change',
    body: z.object({ id: intField('渠道ID (必填)'), ...optionalChannelBody }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.channels.update(ctx, b.int('id') ?? 0, channelFields(b));
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/delete/channel',
    auth: 'merchant',
    summary: '删除渠道',
    body: z.object({ id: intField('渠道ID (必填)') }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.channels.delete(ctx, b.int('id') ?? 0);
      return ok();
    },
  }),
];

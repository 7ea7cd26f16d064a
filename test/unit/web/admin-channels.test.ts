import { describe, expect, it } from 'vitest';
import { channelAccount, channelFormOf, channelInput } from '../../../web/src/admin/channel-form';

describe('the channel form', () => {
  it('sends the filled-in fields of the chosen type only, trimmed', () => {
    const typed = { accountId: ' wx-1 ', secret: 's3', outboundUrl: 'https://gw.example/out', corpId: 'left-over' };
    expect(channelInput('WECHAT', 4, typed)).toEqual({ channelType: 'WECHAT', staffId: 4, accountId: 'wx-1', secret: 's3', outboundUrl: 'https://gw.example/out' });
    expect(channelInput('WECOM', 4, { ...typed, agentId: '1000002', token: 'tk', encodingAesKey: 'k'.repeat(43) })).toEqual({
      channelType: 'WECOM',
      staffId: 4,
      corpId: 'left-over',
      agentId: '1000002',
      token: 'tk',
      encodingAesKey: 'k'.repeat(43),
    });
  });

  it('starts an edit with the clear fields and leaves the masked secrets out, so they are kept', () => {
    const form = channelFormOf({ accountId: 'jd-1', outboundUrl: 'https://gw.example/jd', corpId: null, agentId: null });
    expect(form).toEqual({ accountId: 'jd-1', outboundUrl: 'https://gw.example/jd', corpId: '', agentId: '' });
    expect(channelInput('JD', 2, { ...form, outboundUrl: 'https://gw.example/new' })).toEqual({ channelType: 'JD', staffId: 2, accountId: 'jd-1', outboundUrl: 'https://gw.example/new' });
  });

  it('names a gateway by its account and WeCom by corp and app', () => {
    expect(channelAccount({ channelType: 'DOUYIN', accountId: 'dy-9' })).toBe('dy-9');
    expect(channelAccount({ channelType: 'WECOM', accountId: '', corpId: 'ww1', agentId: '1000002' })).toBe('ww1/1000002');
  });
});

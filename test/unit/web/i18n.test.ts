import { describe, expect, it } from 'vitest';
import { resources, toLanguage } from '../../../web/src/core/i18n';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();

describe('the app’s strings', () => {
  it('has every English key in Chinese and no other, in every area', () => {
    for (const ns of Object.keys(resources.en) as (keyof typeof resources.en)[]) expect(keys(resources.zh[ns]), ns).toEqual(keys(resources.en[ns]));
  });

  it('reads any Chinese browser language as Chinese and anything else as English', () => {
    expect(['zh', 'zh-CN', 'zh-TW', 'ZH-hk'].map(toLanguage)).toEqual(['zh', 'zh', 'zh', 'zh']);
    expect(['en-US', 'fr', 'ja', undefined].map(toLanguage)).toEqual(['en', 'en', 'en', 'en']);
  });
});

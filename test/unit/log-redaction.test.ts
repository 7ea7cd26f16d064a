import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { redactStrings, redactUrl } from '../../src/core/log-redaction.js';

describe('redactUrl: secrets in logged URLs', () => {
  it('replaces the value of token, secret and key parameters, and keeps the rest', () => {
    expect(redactUrl('/ws/cs/7?token=abc123&x=1')).toBe('/ws/cs/7?token=[REDACTED]&x=1');
    expect(redactUrl('/ws?contact_id=c-1&secret_key=s3cr3t&api_key=k3y')).toBe('/ws?contact_id=c-1&secret_key=[REDACTED]&api_key=[REDACTED]');
    expect(redactUrl('https://h/cb?access_token=aa;Password=p#frag')).toBe('https://h/cb?access_token=[REDACTED];Password=[REDACTED]#frag');
    expect(redactUrl('/pay?order=42&secret=zz')).toBe('/pay?order=42&secret=[REDACTED]');
  });

  it('recognises encoded names and leaves URLs without secrets, empty values and plain text alone', () => {
    expect(redactUrl('/x?%74oken=abc')).toBe('/x?%74oken=[REDACTED]');
    expect(redactUrl('/chat/SN123/ws?contact_id=page-0f&lang=en')).toBe('/chat/SN123/ws?contact_id=page-0f&lang=en');
    expect(redactUrl('/x?token=&a=b')).toBe('/x?token=&a=b');
    expect(redactUrl('token bucket: key=value')).toBe('token bucket: key=value');
    expect(redactUrl('/bad%ZZ?%E0%A4%A=1&token=t')).toBe('/bad%ZZ?%E0%A4%A=1&token=[REDACTED]');
  });

  it('finds URLs quoted inside text and nested values', () => {
    expect(redactUrl('Invalid URL: //[bad/ws?token=t0k')).toBe('Invalid URL: //[bad/ws?token=[REDACTED]');
    expect(redactStrings({ message: 'm', input: '/a?token=t', cause: { stack: ['/b?key=k'] }, n: 1 })).toEqual({
      message: 'm',
      input: '/a?token=[REDACTED]',
      cause: { stack: ['/b?key=[REDACTED]'] },
      n: 1,
    });
  });

  it('is applied by the logger to every `url` and `err`', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (line: string) => void lines.push(line) });
    const err = Object.assign(new TypeError('Invalid URL'), { input: '//[x?token=t1' });
    log.child({ component: 'c' }).warn({ err, url: '/ws/cs/1?token=t2' }, 'failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/t1|t2/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ url: '/ws/cs/1?token=[REDACTED]', err: { type: 'TypeError', input: '//[x?token=[REDACTED]' } });
  });
});

import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/core/auth/password.js';
import { tokenFromHeaders } from '../../src/core/auth/actor.js';

describe('password hashing', () => {
  it('stores a salted scrypt hash, never the secret', async () => {
    const a = await hashPassword('e10adc3949ba59abbe56e057f20f883e');
    const b = await hashPassword('e10adc3949ba59abbe56e057f20f883e');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toContain('e10adc');
    expect(a).not.toBe(b);
    expect(await verifyPassword('e10adc3949ba59abbe56e057f20f883e', a)).toBe(true);
    expect(await verifyPassword('e10adc3949ba59abbe56e057f20f883f', a)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});

describe('token headers', () => {
  it('reads Auth-Token or Authorization: Bearer', () => {
    expect(tokenFromHeaders({ 'auth-token': ' abc ' })).toBe('abc');
    expect(tokenFromHeaders({ authorization: 'Bearer xyz' })).toBe('xyz');
    expect(tokenFromHeaders({ authorization: 'bearer  xyz ' })).toBe('xyz');
    expect(tokenFromHeaders({ authorization: 'Basic abc' })).toBeUndefined();
    expect(tokenFromHeaders({})).toBeUndefined();
  });
});

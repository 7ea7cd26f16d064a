import { rateLimited } from '../errors.js';
import type { RateLimiter } from '../rate-limit.js';

const WINDOW_MS = 10 * 60_000;
const FAILURES_PER_USER = 10;
const FAILURES_PER_IP = 50;

/**
 * Failed-login limits for every kind of account. The limit is checked before
 * the password, so once an account or address is over it even the right
 * password is refused: a guesser learns nothing and burns no scrypt time.
 */
export class LoginThrottle {
  constructor(private readonly limiter: RateLimiter) {}

  async check(scope: string, userName: string, ip: string): Promise<void> {
    const [byUser, byIp] = await Promise.all([this.limiter.count(this.userKey(scope, userName)), this.limiter.count(this.ipKey(scope, ip))]);
    if (byUser >= FAILURES_PER_USER || byIp >= FAILURES_PER_IP) throw rateLimited('Too many failed logins, try again in a few minutes');
  }

  async failed(scope: string, userName: string, ip: string): Promise<void> {
    await Promise.all([this.limiter.hit(this.userKey(scope, userName), FAILURES_PER_USER, WINDOW_MS), this.limiter.hit(this.ipKey(scope, ip), FAILURES_PER_IP, WINDOW_MS)]);
  }

  async succeeded(scope: string, userName: string): Promise<void> {
    await this.limiter.reset(this.userKey(scope, userName));
  }

  private userKey(scope: string, userName: string): string {
    return `login:${scope}:user:${userName.toLowerCase()}`;
  }

  private ipKey(scope: string, ip: string): string {
    return `login:${scope}:ip:${ip}`;
  }
}

import { AppError, ErrorCode, isAppError, rateLimited } from '../errors.js';
import type { RateLimiter } from '../rate-limit.js';

const WINDOW_MS = 10 * 60_000;
const FAILURES_PER_USER = 10;
const FAILURES_PER_IP = 50;

/**
 * Failed-login limits for every kind of account. The limit is checked before
 * the password, so once an account or address is over it even the right
 * password is refused: a guesser learns nothing and burns no scrypt time.
 *
 * When the counters cannot be read (Redis down or not answering within REDIS_COMMAND_TIMEOUT_MS) logins fail
 * closed with a clear error: unthrottled logins during an outage would let a guesser try without limit.
 */
export class LoginThrottle {
  constructor(private readonly limiter: RateLimiter) {}

  async check(scope: string, userName: string, ip: string): Promise<void> {
    const [byUser, byIp] = await this.guard(Promise.all([this.limiter.count(this.userKey(scope, userName)), this.limiter.count(this.ipKey(scope, ip))]));
    if (byUser >= FAILURES_PER_USER || byIp >= FAILURES_PER_IP) throw rateLimited('Too many failed logins, try again in a few minutes');
  }

  async failed(scope: string, userName: string, ip: string): Promise<void> {
    await this.guard(Promise.all([this.limiter.hit(this.userKey(scope, userName), FAILURES_PER_USER, WINDOW_MS), this.limiter.hit(this.ipKey(scope, ip), FAILURES_PER_IP, WINDOW_MS)]));
  }

  async succeeded(scope: string, userName: string): Promise<void> {
    await this.guard(this.limiter.reset(this.userKey(scope, userName)));
  }

  private async guard<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (err) {
      if (isAppError(err)) throw err;
      throw new AppError(ErrorCode.Internal, 'Login is unavailable for a moment (its rate-limit store does not answer), try again shortly');
    }
  }

  private userKey(scope: string, userName: string): string {
    return `login:${scope}:user:${userName.toLowerCase()}`;
  }

  private ipKey(scope: string, ip: string): string {
    return `login:${scope}:ip:${ip}`;
  }
}

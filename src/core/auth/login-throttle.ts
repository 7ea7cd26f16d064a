import { AppError, ErrorCode, isAppError, rateLimited } from '../errors.js';
import type { RateLimiter } from '../rate-limit.js';

const MINUTE = 60_000;
const PAIR_WINDOW_MS = 15 * MINUTE;
const FAILURES_PER_ACCOUNT_AND_IP = 5;
const ACCOUNT_WINDOW_MS = 15 * MINUTE;
const FAILURES_PER_ACCOUNT_FROM_NEW_ADDRESSES = 20;
// Three weeks: in-memory counters expire by timer, and Node's timers cannot wait longer than 24.8 days.
const KNOWN_ADDRESS_MS = 21 * 24 * 60 * MINUTE;

export interface LoginThrottleOptions {
  failuresPerIpPerMinute: number;
}

/**
 * Failed-login limits for every kind of account (merchant, admin, agent).
 *
 * Each attempt is reserved (an atomic increment, shared through Redis) before the password is
 * hashed, and given back only if it succeeds, so concurrent guesses cannot all be checked: once the
 * limit is reached the rest answer 429 at once, without scrypt. Three counters, checked in order:
 *
 * - per client address, any account: `failuresPerIpPerMinute` a minute;
 * - per account and address: 5 in 15 minutes, so one address cannot keep guessing one account;
 * - per account, from addresses that never logged in to it: 20 in 15 minutes, so many addresses
 *   together cannot either. An address that logged in to the account in the last three weeks is exempt
 *   from this one, so an attack from elsewhere never locks the real user out.
 *
 * A limited attempt is refused even with the right password: 429 is no oracle for a guesser.
 *
 * While Redis does not answer, the limiter counts in each instance's memory (its insurance limiter), so the
 * limits still hold per instance. Should the counters fail all the same, logins fail closed with a clear
 * error: unthrottled logins would let a guesser try without limit.
 */
export class LoginThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly opts: LoginThrottleOptions,
  ) {}

  /**
   * Runs `check` (find the account, verify the password) under the limits. A null answer is a
   * failure and stays counted; an account is a success, which gives the reservations back.
   */
  async attempt<T>(scope: string, userName: string, ip: string, check: () => Promise<T | null>): Promise<T | null> {
    // Encoded, so no user name can spell another account's or address's key.
    const account = `${scope}:${encodeURIComponent(userName.trim().toLowerCase())}`;
    const keys = {
      ip: `login:ip:${ip}`,
      pair: `login:pair:${account}:${ip}`,
      account: `login:account:${account}`,
      known: `login:known:${account}:${ip}`,
    };
    const known = (await this.guard(this.limiter.count(keys.known, KNOWN_ADDRESS_MS))) > 0;
    const reserved: Array<[key: string, windowMs: number]> = [];
    const reserve = async (key: string, limit: number, windowMs: number) => {
      const within = await this.guard(this.limiter.hit(key, limit, windowMs));
      reserved.push([key, windowMs]);
      if (!within) throw rateLimited('Too many failed logins, try again in a few minutes');
    };
    await reserve(keys.ip, this.opts.failuresPerIpPerMinute, MINUTE);
    await reserve(keys.pair, FAILURES_PER_ACCOUNT_AND_IP, PAIR_WINDOW_MS);
    if (!known) await reserve(keys.account, FAILURES_PER_ACCOUNT_FROM_NEW_ADDRESSES, ACCOUNT_WINDOW_MS);

    let result: T | null;
    try {
      result = await check();
    } catch (err) {
      // Not an answer about the password (e.g. the database failed): the attempt does not count.
      await this.giveBack(reserved);
      throw err;
    }
    if (result === null) return null;
    await this.giveBack(reserved.filter(([k]) => k !== keys.pair));
    await this.guard(
      (async () => {
        await this.limiter.reset(keys.pair, PAIR_WINDOW_MS);
        // Known for three weeks from its latest successful login.
        await this.limiter.reset(keys.known, KNOWN_ADDRESS_MS);
        await this.limiter.hit(keys.known, Number.MAX_SAFE_INTEGER, KNOWN_ADDRESS_MS);
      })(),
    );
    return result;
  }

  private async giveBack(reserved: Array<[key: string, windowMs: number]>): Promise<void> {
    await this.guard(Promise.all(reserved.map(([key, windowMs]) => this.limiter.release(key, windowMs))));
  }

  private async guard<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (err) {
      if (isAppError(err)) throw err;
      throw new AppError(ErrorCode.Internal, 'Login is unavailable for a moment (its rate-limit store does not answer), try again shortly');
    }
  }
}

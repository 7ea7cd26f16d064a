import type { AppConfig } from '../core/config.js';
import type { EventBus } from '../core/events/event-bus.js';
import type { JobQueue } from '../core/jobs/job-queue.js';
import type { Logger } from '../core/logger.js';
import type { RateLimiter } from '../core/rate-limit.js';
import { AccountService } from './account/account.service.js';
import { AdminService } from './admin/admin.service.js';
import { TokenService } from './auth/token.service.js';
import type { Mailer } from './mail/mailer.js';
import { ProductService } from './product/product.service.js';
import { StaffService } from './staff/staff.service.js';

/** The services every surface calls; built once per process. */
export interface Services {
  config: AppConfig;
  bus: EventBus;
  jobs: JobQueue;
  tokens: TokenService;
  accounts: AccountService;
  admins: AdminService;
  staff: StaffService;
  products: ProductService;
}

export function createServices(config: AppConfig, log: Logger, deps: { bus: EventBus; jobs: JobQueue; mailer: Mailer; limiter: RateLimiter }): Services {
  const tokens = new TokenService(config.tokenTtlHours);
  return {
    config,
    bus: deps.bus,
    jobs: deps.jobs,
    tokens,
    accounts: new AccountService(tokens, deps.mailer, deps.limiter, log.child({ component: 'account' }), config.codeSendsPerIpPerMinute),
    admins: new AdminService(tokens, deps.limiter, log.child({ component: 'admin' })),
    staff: new StaffService(deps.bus, { trialDays: config.staffTrialDays, warningDays: config.staffExpiryWarningDays }),
    products: new ProductService(),
  };
}

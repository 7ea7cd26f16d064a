import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Cost, Weight } from '../../graphql/cost.js';
import type { GqlContext } from '../../graphql/context.js';
import type { Report } from '../../services/helpdesk/report.service.js';
import type { Services } from '../../services/index.js';
import { Role } from '../shared/enums.js';
import { ReportInput, ReportType } from './helpdesk.types.js';

@Resolver(() => ReportType)
export class ReportResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT)
  @Weight(Cost.heavyMutation)
  @Query(() => ReportType, { description: 'Helpdesk figures for sessions started in [from, to), per staff, agent and day (CSV: GET /api/v1/reports.csv)' })
  async helpdeskReport(@Arg('input') input: ReportInput, @Ctx() { ctx }: GqlContext): Promise<Report> {
    return this.s.reports.report(ctx, { ...input, staffId: input.staffId ?? undefined, timeZone: input.timeZone ?? undefined });
  }
}

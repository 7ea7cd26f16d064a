import type { RequestContext } from '../../core/context.js';
import { conflict, notFound } from '../../core/errors.js';
import { Agent, AgentStatus } from '../../entities/agent/agent.entity.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import type { Answerer } from '../session/answerer.js';
import type { SessionService } from '../session/session.service.js';
import type { StaffService } from '../staff/staff.service.js';

/** What an agent's console asks of the AI and of its colleagues, within the agent's staff. */
export class AgentAssistService {
  constructor(
    private readonly sessions: SessionService,
    private readonly staffService: StaffService,
    private readonly answerer: Answerer,
  ) {}

  /** The staff's answer to a question, whole (agent-console `get_answer_from_ai`); the staff must be able to chat. */
  async answerFor(ctx: RequestContext, staffId: number, question: string): Promise<string> {
    const actor = ctx.requireTenant();
    if (actor.kind === 'agent' && !(await this.sessions.staffIdsOfCaller(ctx)).includes(staffId)) throw notFound(`Staff ${staffId}`);
    const staff = await ctx.em.findOne(Staff, { id: staffId, isDeleted: false }, { populate: ['merchant'] });
    if (!staff) throw notFound(`Staff ${staffId}`);
    const refusal = this.staffService.refusalOf(staff);
    if (refusal) throw conflict(refusal);
    let text = '';
    for await (const piece of this.answerer.answer(ctx.em, staff, question)) text += piece;
    return text;
  }

  /** The merchant's agents who are not offline, for the console's colleague list. */
  async colleaguesPresent(ctx: RequestContext): Promise<Agent[]> {
    ctx.requireTenant();
    return ctx.em.find(Agent, { isDeleted: false, status: { $ne: AgentStatus.OFFLINE } }, { orderBy: { id: 'asc' } });
  }
}

import { Router, type Request, type Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { errorEnvelope } from '../../compat-rest/envelope.js';
import { AppError, ErrorCode, badInput, isAppError } from '../../core/errors.js';
import { contextOf } from '../../core/http/request-context.js';
import type { Logger } from '../../core/logger.js';
import type { Report, ReportFigures } from '../../services/helpdesk/report.service.js';
import type { Services } from '../../services/index.js';
import { z } from 'zod';
import { aiStaffError } from '../openapi/envelopes.js';
import { mountOperations, type Operation } from '../openapi/operation.js';

const httpStatus: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
};

const HEADERS = ['scope', 'id', 'name', 'conversations', 'ai_only', 'ai_only_rate', 'handed_off', 'handoff_rate', 'handoff_reasons', 'avg_queue_wait_seconds', 'avg_first_response_seconds', 'avg_resolution_seconds', 'csat_average', 'csat_count', 'contact_messages'];

const figures = (f: ReportFigures) => [
  f.conversations,
  f.aiOnly,
  f.aiOnlyRate,
  f.handedOff,
  f.handoffRate,
  f.handoffReasons.map((r) => `${r.reason}=${r.count}`).join(';'),
  f.avgQueueWaitSeconds ?? '',
  f.avgFirstResponseSeconds ?? '',
  f.avgResolutionSeconds ?? '',
  f.csatAverage ?? '',
  f.csatCount,
  '',
];

const errorAnswer = (description: string) => ({ description, content: { 'application/json': aiStaffError } });

export const reportOperations = {
  csv: {
    method: 'get',
    path: '/api/v1/reports.csv',
    operationId: 'reportCsv',
    surface: 'ai-staff: staff',
    summary: 'The helpdesk report of a period as CSV: the total, each staff, each agent and each busy hour (docs/helpdesk.md)',
    security: ['token'],
    roles: ['merchant'],
    query: z.object({
      from: z.string().meta({ description: 'start of the period, an ISO date-time (inclusive)' }),
      to: z.string().meta({ description: 'end of the period, an ISO date-time (exclusive)' }),
      staffId: z.string().optional().meta({ description: 'only this staff' }),
      timeZone: z.string().optional().meta({ description: 'IANA zone for the busiest hours (default TIMEZONE)' }),
    }),
    responses: {
      200: { description: `CSV with the columns ${HEADERS.join(', ')}.`, content: { 'text/csv': z.string() } },
      400: errorAnswer('A missing or bad period, staff or time zone: code 1003.'),
      401: errorAnswer('No valid token: code 1001.'),
      403: errorAnswer('Not a merchant: code 1000.'),
      404: errorAnswer('No such staff (also another merchant’s): code 1006.'),
      500: errorAnswer('Internal error: code 500.'),
    },
  },
} satisfies Record<string, Operation>;

/** One row per scope: the total, each staff, each agent, then each busy hour (conversations and contact messages). */
function csvRows(r: Report): (string | number)[][] {
  const blank = Array.from({ length: HEADERS.length - 4 }, () => '');
  return [
    ['total', '', '', ...figures(r.total)],
    ...r.byStaff.map((s) => ['staff', s.id, s.name, ...figures(s)]),
    ...r.byAgent.map((a) => ['agent', a.id, a.name, ...figures(a)]),
    ...r.busiestHours.map((h) => ['hour', h.hour, '', h.conversations, ...blank.slice(0, -1), h.contactMessages]),
  ];
}

const dateOf = (req: Request, key: string): Date => {
  const v = req.query[key];
  if (typeof v !== 'string' || !v.trim()) throw badInput(`${key} is required (an ISO date-time)`);
  return new Date(v);
};

const optional = (req: Request, key: string): string | undefined => (typeof req.query[key] === 'string' && req.query[key] ? (req.query[key] as string) : undefined);

/**
 * `GET /api/v1/reports.csv?from=…&to=…[&staffId=…][&timeZone=…]`: the helpdesk report as CSV, for the merchant
 * whose token is sent (Auth-Token or Authorization: Bearer). Errors are the ai-staff envelope with an HTTP status.
 */
export function reportRouter(services: Services, log: Logger): Router {
  return mountOperations(Router(), reportOperations, {
    csv: async (req: Request, res: Response) => {
    try {
      const ctx = contextOf(req);
      const staff = optional(req, 'staffId');
      const report = await services.reports.report(ctx, {
        from: dateOf(req, 'from'),
        to: dateOf(req, 'to'),
        staffId: staff === undefined ? undefined : Number(staff),
        timeZone: optional(req, 'timeZone'),
      });
      const csv = stringify([HEADERS, ...csvRows(report)]);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="report-${report.from.toISOString().slice(0, 10)}.csv"`)
        .send(csv);
    } catch (err) {
      const appErr = isAppError(err) ? err : new AppError(ErrorCode.Internal, 'Internal server error');
      if (!isAppError(err)) log.error({ err }, 'report export failed');
      const rendered = errorEnvelope(appErr);
      res.status(httpStatus[appErr.code] ?? rendered.status).json(rendered.body);
    }
    },
  });
}

import { pino, type DestinationStream, type Logger } from 'pino';
import { redactStrings, redactUrl } from './log-redaction.js';
import { currentTraceId } from './trace.js';

export type { Logger };

/** JSON lines to stdout (or `destination`); tokens are never written, not even inside a logged URL or error. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'cs-platform' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The conversation being worked on, if any (src/core/trace.ts).
      mixin: () => {
        const traceId = currentTraceId();
        return traceId ? { traceId } : {};
      },
      redact: { paths: ['req.headers.authorization', 'req.headers["auth-token"]', '*.password', '*.token'], remove: true },
      serializers: {
        // A URL that failed to parse is quoted in the error (message, `input`) as well as logged beside it.
        err: (err: Error) => redactStrings(pino.stdSerializers.err(err)),
        url: (url: unknown) => (typeof url === 'string' ? redactUrl(url) : url),
      },
    },
    destination,
  );
}

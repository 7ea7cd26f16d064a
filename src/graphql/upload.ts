import type { RequestHandler, Response } from 'express';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import { ErrorCode } from '../core/errors.js';

/** A body this much over the file limit is refused before it is read; smaller overruns are read and refused by storage. */
const hopeless = (maxBytes: number) => maxBytes * 2 + 1024 * 1024;

const refuse = (res: Response, status: 400 | 413, message: string) =>
  void res.status(status).json({
    errors: [{ message, extensions: { code: 'BAD_USER_INPUT', reason: status === 413 ? ErrorCode.PayloadTooLarge : ErrorCode.BadUserInput } }],
  });

/**
 * GraphQL multipart requests (file uploads) at /graphql, one file a request.
 * Storage counts a file exactly and refuses it past `maxBytes` with the
 * documented PAYLOAD_TOO_LARGE error; the parser's own cap, higher, only
 * bounds what a client without a Content-Length can send (the resolver fails
 * a part cut there). A request that is not a well-formed multipart operation
 * is answered in the GraphQL error envelope.
 */
export function graphqlUpload(maxBytes: number): RequestHandler {
  const parse = graphqlUploadExpress({ maxFileSize: hopeless(maxBytes), maxFiles: 1, maxFieldSize: 1024 * 1024 });
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    if (Number(req.headers['content-length'] ?? 0) > hopeless(maxBytes)) {
      res.setHeader('Connection', 'close');
      return refuse(res, 413, `The file is larger than the ${Math.round(maxBytes / (1024 * 1024))} MB upload limit`);
    }
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const tooLarge = (err as { status?: number }).status === 413;
      refuse(res, tooLarge ? 413 : 400, err instanceof Error && (err as { expose?: boolean }).expose ? err.message : 'Malformed GraphQL multipart request');
    });
  };
}

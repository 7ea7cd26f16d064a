import { ErrorCode } from '../../core/errors.js';

/**
 * The web-chat stream's vocabulary (`/ws` and `/chat/:serialNo/ws`; docs/protocols.md, "Web chat").
 * The client sends `{"action":"chat","type":"text"|"audio"|"image","content":…}` or, after a close,
 * `{"action":"rate","score":1..5,"comment"?}`; every answer is text frames or one
 * `|=JSON=|{code,message,result?}` frame, then exactly `|=EOF=|`. A client that connects with
 * `after_msg_id` resumes (docs/protocols.md, "Resuming"): the messages it missed, then each message, as
 * `|=JSON=|{"code":0,"message":"OK","result":{"msgId","senderType","msgType","content","media"}}`, and
 * `result: {msgId}` alone for one it already shows (its own, the AI's streamed answer).
 */
export const CHAT_CODES = {
  ok: 0,
  tooManyRequests: 429,
  internal: 500,
  speechUnavailable: 502,
  invalidParams: 1003,
  invalidJson: 1004,
  /** The conversation was already rated. */
  alreadyDone: 1005,
  /** Nothing to act on: no conversation closed lately to rate. */
  notFound: 1006,
  /** The staff cannot chat: deleted, frozen, expired or not activated (the seed's "account frozen or banned"). */
  staffUnavailable: 1012,
} as const;

export const CHAT_CLOSE = {
  tooManyFrames: { code: 1008, reason: 'too many frames waiting for an answer' },
  shuttingDown: { code: 1001, reason: 'server shutting down' },
} as const;

/** The one error model (src/core/errors.ts) in this protocol's codes. */
const errorMap: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BadUserInput]: CHAT_CODES.invalidParams,
  [ErrorCode.InvalidJson]: CHAT_CODES.invalidJson,
  [ErrorCode.RateLimited]: CHAT_CODES.tooManyRequests,
  [ErrorCode.AccountFrozen]: CHAT_CODES.staffUnavailable,
  [ErrorCode.Conflict]: CHAT_CODES.alreadyDone,
  [ErrorCode.NotFound]: CHAT_CODES.notFound,
};

export const chatCodeOf = (code: ErrorCode): number => errorMap[code] ?? CHAT_CODES.internal;

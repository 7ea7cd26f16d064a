/**
 * The answering service's public surface, for the conversation and channel
 * code: `services.answers.answer(em, staff, question, opts)` returns an
 * AnswerStream — iterate it for text, then await `.result` for
 * {grounded, confidence, sources}.
 */
export { AnswerService, toSource } from './answer.service.js';
export { answerStream, collectAnswer } from './answer-stream.js';
export type { AnswerOptions, AnswerResult, AnswerSource, AnswerStream, Answerer, ChatTurn, Persona } from './answer.types.js';
export { BuiltinAnswerer } from './builtin.answerer.js';
export { LlmAnswerer, LlmError, type LlmErrorKind, type LlmSettings } from './llm.answerer.js';
export { refusalText, replyLanguage, type ReplyLanguage } from './reply-phrases.js';
export { smallTalkOf, smallTalkReply } from './small-talk.js';

import { intVar as int } from '../env-vars.js';

/** Limits of the contact-facing chat surfaces (web chat, the chat page, channels). */
export interface ConversationConfig {
  /** Messages one contact may send per minute on any surface; more are refused (and not stored). */
  messagesPerContactPerMinute: number;
  /** Messages all contacts of one staff may send per minute, so one tenant cannot spend the capacity or LLM budget of others. */
  messagesPerStaffPerMinute: number;
  /** Frames a chat connection may have waiting to be handled; past it the socket is closed (1008). */
  maxQueuedFrames: number;
  /** Minutes after a close in which the contact may rate the conversation (on a channel: reply "1".."5"). */
  csatWindowMinutes: number;
}

export const conversationEnvShape = {
  CHAT_MESSAGES_PER_CONTACT_PER_MINUTE: int(30, 1, 100_000),
  CHAT_MESSAGES_PER_STAFF_PER_MINUTE: int(1200, 1, 10_000_000),
  CHAT_MAX_QUEUED_FRAMES: int(20, 1, 10_000),
  CSAT_REPLY_WINDOW_MINUTES: int(30, 1, 10_080),
};

export function conversationConfigFrom(e: {
  CHAT_MESSAGES_PER_CONTACT_PER_MINUTE: number;
  CHAT_MESSAGES_PER_STAFF_PER_MINUTE: number;
  CHAT_MAX_QUEUED_FRAMES: number;
  CSAT_REPLY_WINDOW_MINUTES: number;
}): ConversationConfig {
  return {
    messagesPerContactPerMinute: e.CHAT_MESSAGES_PER_CONTACT_PER_MINUTE,
    messagesPerStaffPerMinute: e.CHAT_MESSAGES_PER_STAFF_PER_MINUTE,
    maxQueuedFrames: e.CHAT_MAX_QUEUED_FRAMES,
    csatWindowMinutes: e.CSAT_REPLY_WINDOW_MINUTES,
  };
}

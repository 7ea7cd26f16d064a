/** The /ws chat framing (ai-staff seed §4): answers stream as text frames and end with this frame. */
export const EOF_FRAME = '|=EOF=|';
/** A frame carrying JSON (errors, audio results) starts with this marker. */
export const JSON_PREFIX = '|=JSON=|';

export const jsonFrame = (value: unknown) => `${JSON_PREFIX}${JSON.stringify(value)}`;

/** Largest WebSocket frame accepted on every legacy socket; larger ones close the socket with 1009. */
export const MAX_FRAME_BYTES = 1024 * 1024;

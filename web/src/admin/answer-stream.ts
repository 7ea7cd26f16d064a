/** One question of the try-out pane and its answer so far. */
export interface Turn {
  id: number;
  question: string;
  answer: string;
  done: boolean;
  error?: string;
  grounded?: boolean;
  /** File names the answer came from, each once. */
  sources: string[];
}

/** The fields of an askStaffStream event the pane reads. */
export interface AnswerEvent {
  delta?: string | null;
  done: boolean;
  error?: string | null;
  answer?: { text: string; grounded: boolean; sources: readonly { fileName: string }[] } | null;
}

/** A turn after one event: deltas append; the last event brings the whole answer (its text wins) or an error. */
export function foldAnswer(turn: Turn, e: AnswerEvent): Turn {
  if (!e.done) return { ...turn, answer: turn.answer + (e.delta ?? '') };
  return {
    ...turn,
    done: true,
    answer: e.answer?.text ?? turn.answer,
    grounded: e.answer?.grounded,
    error: e.error ?? undefined,
    sources: [...new Set(e.answer?.sources.map((s) => s.fileName) ?? [])],
  };
}

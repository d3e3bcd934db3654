/**
 * The rules of the account feed (pure): what a cursor looks like, and whether a resume from it can
 * be honoured. A cursor names the last event the client received (the user's event number). It is
 * unknown when it is malformed or ahead of the user's last event; expired when events after it have
 * already been dropped (older than the retention), so a replay would have a hole: the client then
 * reloads the current state and subscribes again without `after`.
 */
/** A refused resume: the `rule` extension the client acts on, and the message. */
export interface Refusal {
  rule: 'CURSOR_UNKNOWN' | 'CURSOR_EXPIRED';
  message: string;
}

const PREFIX = 'u1.';

export const encodeCursor = (seq: number): string => `${PREFIX}${seq.toString(36)}`;

export function decodeCursor(cursor: string): number | null {
  if (!cursor.startsWith(PREFIX)) return null;
  const body = cursor.slice(PREFIX.length);
  if (!/^[0-9a-z]{1,12}$/.test(body)) return null;
  const seq = parseInt(body, 36);
  return Number.isSafeInteger(seq) ? seq : null;
}

/** Why a resume after `seq` cannot be served (null: it can). `oldest` is the first event still kept. */
export function resumeRefusal(seq: number | null, head: number, oldest: number | null): Refusal | null {
  if (seq === null || seq > head) return { rule: 'CURSOR_UNKNOWN', message: 'Курсор не найден: загрузите текущее состояние и подпишитесь заново без after' };
  const firstNeeded = seq + 1;
  const kept = oldest ?? head + 1;
  if (firstNeeded < kept && firstNeeded <= head) return { rule: 'CURSOR_EXPIRED', message: 'События после этого курсора уже удалены: загрузите текущее состояние и подпишитесь заново без after' };
  return null;
}

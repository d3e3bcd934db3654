/**
 * The lifecycle of an application as data: which status may follow which, and who may make each
 * move. Everything that changes a status asks `canMove`; the test walks every pair. Also the
 * application number and the words a citizen reads for each status.
 */
export type ApplicationStatusName =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'ACCEPTED'
  | 'IN_PROGRESS'
  | 'ACTION_REQUIRED'
  | 'READY_FOR_PICKUP'
  | 'COMPLETED'
  | 'REJECTED'
  | 'CANCELLED';

export type Actor = 'CITIZEN' | 'OPERATOR' | 'ADMIN' | 'SYSTEM';

export const STATUSES: readonly ApplicationStatusName[] = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'ACTION_REQUIRED', 'READY_FOR_PICKUP', 'COMPLETED', 'REJECTED', 'CANCELLED'];

const STAFF = ['OPERATOR', 'ADMIN'] as const;

/**
 * DRAFT → SUBMITTED → ACCEPTED → IN_PROGRESS → READY_FOR_PICKUP → COMPLETED, with
 * ACTION_REQUIRED (back to IN_PROGRESS when the citizen gives what was asked), REJECTED, and
 * CANCELLED by the citizen until work starts. COMPLETED, REJECTED and CANCELLED are final.
 */
export const TRANSITIONS: Readonly<Record<ApplicationStatusName, Partial<Record<ApplicationStatusName, readonly Actor[]>>>> = {
  DRAFT: { SUBMITTED: ['CITIZEN'] },
  SUBMITTED: { ACCEPTED: [...STAFF, 'SYSTEM'], REJECTED: STAFF, CANCELLED: ['CITIZEN'] },
  ACCEPTED: { IN_PROGRESS: STAFF, REJECTED: STAFF, CANCELLED: ['CITIZEN'] },
  IN_PROGRESS: { ACTION_REQUIRED: STAFF, READY_FOR_PICKUP: STAFF, REJECTED: STAFF },
  ACTION_REQUIRED: { IN_PROGRESS: ['CITIZEN', ...STAFF], REJECTED: STAFF },
  READY_FOR_PICKUP: { COMPLETED: STAFF },
  COMPLETED: {},
  REJECTED: {},
  CANCELLED: {},
};

export function canMove(from: ApplicationStatusName, to: ApplicationStatusName, actor: Actor): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** Moves that must say why (the citizen reads it). */
export const COMMENT_REQUIRED: ReadonlySet<ApplicationStatusName> = new Set(['REJECTED', 'ACTION_REQUIRED']);

/** While the citizen may still send a new version. */
export const AMENDABLE: ReadonlySet<ApplicationStatusName> = new Set(['SUBMITTED', 'ACCEPTED', 'ACTION_REQUIRED']);

export const isFinal = (s: ApplicationStatusName): boolean => Object.keys(TRANSITIONS[s]).length === 0;

export const canCancel = (s: ApplicationStatusName): boolean => canMove(s, 'CANCELLED', 'CITIZEN');

export const canAmend = (s: ApplicationStatusName): boolean => AMENDABLE.has(s);

/** What the citizen reads in messages. */
export const STATUS_WORDS: Record<ApplicationStatusName, string> = {
  DRAFT: 'черновик',
  SUBMITTED: 'подано',
  ACCEPTED: 'принято',
  IN_PROGRESS: 'рассматривается',
  ACTION_REQUIRED: 'нужны исправления или документы',
  READY_FOR_PICKUP: 'готово к выдаче',
  COMPLETED: 'услуга оказана',
  REJECTED: 'отказ',
  CANCELLED: 'отменено',
};

/**
 * MFC-2026-0000123: the year of submission and a per-year sequence. Seven digits on purpose:
 * six-digit numbers in messages are one-time codes, and phones offer to autofill them.
 */
export const applicationNumber = (year: number, seq: number): string => `MFC-${year}-${String(seq).padStart(7, '0')}`;

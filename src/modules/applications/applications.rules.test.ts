import { describe, expect, it } from 'vitest';
import { STATUSES, TRANSITIONS, canAmend, canCancel, canMove, isFinal, applicationNumber, type Actor, type ApplicationStatusName } from './applications.rules.js';

/** The lifecycle of DOMAIN.md written out pair by pair: [from, to, who may]. */
const ALLOWED: Array<[ApplicationStatusName, ApplicationStatusName, Actor[]]> = [
  ['DRAFT', 'SUBMITTED', ['CITIZEN']],
  ['SUBMITTED', 'ACCEPTED', ['OPERATOR', 'ADMIN', 'SYSTEM']],
  ['SUBMITTED', 'REJECTED', ['OPERATOR', 'ADMIN']],
  ['SUBMITTED', 'CANCELLED', ['CITIZEN']],
  ['ACCEPTED', 'IN_PROGRESS', ['OPERATOR', 'ADMIN']],
  ['ACCEPTED', 'REJECTED', ['OPERATOR', 'ADMIN']],
  ['ACCEPTED', 'CANCELLED', ['CITIZEN']],
  ['IN_PROGRESS', 'ACTION_REQUIRED', ['OPERATOR', 'ADMIN']],
  ['IN_PROGRESS', 'READY_FOR_PICKUP', ['OPERATOR', 'ADMIN']],
  ['IN_PROGRESS', 'REJECTED', ['OPERATOR', 'ADMIN']],
  ['ACTION_REQUIRED', 'IN_PROGRESS', ['CITIZEN', 'OPERATOR', 'ADMIN']],
  ['ACTION_REQUIRED', 'REJECTED', ['OPERATOR', 'ADMIN']],
  ['READY_FOR_PICKUP', 'COMPLETED', ['OPERATOR', 'ADMIN']],
];
const ACTORS: Actor[] = ['CITIZEN', 'OPERATOR', 'ADMIN', 'SYSTEM'];

describe('application status graph', () => {
  it('allows exactly the listed moves, to exactly the listed actors, for every pair of statuses', () => {
    let checked = 0;
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        const allowed = ALLOWED.find(([f, t]) => f === from && t === to)?.[2] ?? [];
        for (const actor of ACTORS) {
          expect(canMove(from, to, actor), `${from} → ${to} by ${actor}`).toBe(allowed.includes(actor));
          checked += 1;
        }
      }
    }
    expect(checked).toBe(STATUSES.length * STATUSES.length * ACTORS.length);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });

  it('COMPLETED, REJECTED and CANCELLED are final; nothing returns to DRAFT', () => {
    expect(STATUSES.filter(isFinal).sort()).toEqual(['CANCELLED', 'COMPLETED', 'REJECTED']);
    for (const from of STATUSES) for (const actor of ACTORS) expect(canMove(from, 'DRAFT', actor)).toBe(false);
  });

  it('the citizen cancels until work starts and amends until then or when action is required', () => {
    expect(STATUSES.filter(canCancel)).toEqual(['SUBMITTED', 'ACCEPTED']);
    expect(STATUSES.filter(canAmend)).toEqual(['SUBMITTED', 'ACCEPTED', 'ACTION_REQUIRED']);
  });

  it('numbers applications per year with seven digits (six-digit numbers are codes)', () => {
    expect(applicationNumber(2026, 123)).toBe('MFC-2026-0000123');
    expect(applicationNumber(2027, 1)).toBe('MFC-2027-0000001');
  });
});

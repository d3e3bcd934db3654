import { describe, expect, it } from 'vitest';
import { demoForms } from '../../../scripts/demo-forms.js';
import {
  versionSigningText,
  AMENDABLE,
  COMMENT_REQUIRED,
  RESULT_STATUSES,
  STATUSES,
  STATUS_WORDS,
  TRANSITIONS,
  actorOf,
  applicationNumber,
  canAmend,
  canCancel,
  canMove,
  commentAuthorName,
  dueHorizonDays,
  isFinal,
  meetsTrust,
  missingAsProblems,
  missingDocuments,
  prefillForDependant,
  pageLimit,
  prefill,
  prefillSourceOf,
  quoteComment,
  ruDate,
  type Actor,
  type ApplicationStatusName,
} from './applications.rules.js';

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

describe('application rules around the lifecycle', () => {
  it('REJECTED and ACTION_REQUIRED need a comment; results attach to applications in work or done', () => {
    expect([...COMMENT_REQUIRED].sort()).toEqual(['ACTION_REQUIRED', 'REJECTED']);
    expect([...AMENDABLE]).toEqual(['SUBMITTED', 'ACCEPTED', 'ACTION_REQUIRED']);
    expect([...RESULT_STATUSES]).toEqual(['IN_PROGRESS', 'READY_FOR_PICKUP', 'COMPLETED']);
    expect(Object.keys(STATUS_WORDS).sort()).toEqual([...STATUSES].sort());
  });

  it('the actor is the highest role of the viewer', () => {
    expect(actorOf(['CITIZEN', 'OPERATOR', 'ADMIN'])).toBe('ADMIN');
    expect(actorOf(['OPERATOR'])).toBe('OPERATOR');
    expect(actorOf(['CITIZEN'])).toBe('CITIZEN');
  });

  it('lists page 1 to 100 applications', () => {
    expect(pageLimit(0)).toBe(1);
    expect(pageLimit(20)).toBe(20);
    expect(pageLimit(1000)).toBe(100);
  });

  it('comments: staff are shown by first name, the applicant by full name; long staff comments are quoted to 300 characters', () => {
    expect(commentAuthorName(true, { lastName: 'Петрова', firstName: 'Анна' })).toBe('Специалист МФЦ Анна');
    expect(commentAuthorName(false, { lastName: 'Петрова', firstName: 'Анна' })).toBe('Петрова Анна');
    expect(quoteComment('коротко')).toBe('коротко');
    expect(quoteComment('я'.repeat(301))).toBe(`${'я'.repeat(300)}…`);
  });

  it('a service asks for an account level at least as high as its minimum', () => {
    expect(meetsTrust('STANDARD', 'SIMPLIFIED')).toBe(true);
    expect(meetsTrust('STANDARD', 'STANDARD')).toBe(true);
    expect(meetsTrust('SIMPLIFIED', 'STANDARD')).toBe(false);
    expect(meetsTrust('STANDARD', 'CONFIRMED')).toBe(false);
  });

  it('due dates: closed days are read far enough ahead, dates shown as DD.MM.YYYY', () => {
    expect(dueHorizonDays(10)).toBe(80);
    expect(ruDate('2026-12-02')).toBe('02.12.2026');
  });
});

describe('missing documents', () => {
  const required = [
    { kind: 'PASSPORT_RF', title: 'Паспорт', optional: false },
    { kind: 'SNILS', title: 'СНИЛС', description: 'номер', optional: true },
    { kind: null, title: 'Квитанция', optional: false },
    { kind: null, title: 'Справка', optional: false },
  ];

  it('a kind is provided by a held document, a document without kind by an attached scan each; optional ones never miss', () => {
    expect(missingDocuments(required, new Set(['PASSPORT_RF']), 2)).toEqual([]);
    expect(missingDocuments(required, new Set(), 1)).toEqual([
      { kind: 'PASSPORT_RF', title: 'Паспорт', description: null, optional: false },
      { kind: null, title: 'Справка', description: null, optional: false },
    ]);
  });

  it('each missing document is a problem on its kind, or on the attachments', () => {
    expect(missingAsProblems(missingDocuments(required, new Set(), 0)).map((p) => p.field)).toEqual(['documents.PASSPORT_RF', 'attachmentIds', 'attachmentIds']);
  });
});

describe('prefill', () => {
  const passportForm = demoForms['passport-rf'] ?? {};

  it('prefills string fields from the profile, top level and one level down, keeping what is given', () => {
    const filled = prefill(passportForm, { lastName: 'Петрова', firstName: 'Мария', birthDate: '1990-01-15', passportSeries: '4508', registrationAddress: 'г. Москва', snils: '11223344595', phone: null }, { applicant: { firstName: 'Маша' } });
    expect(filled).toEqual({
      applicant: { firstName: 'Маша', lastName: 'Петрова', birthDate: '1990-01-15', passportSeries: '4508', snils: '11223344595' },
      registrationAddress: 'г. Москва',
    });
    const custom = prefill({ type: 'object', properties: { surname: { type: 'string', 'x-prefill': 'lastName' }, age: { type: 'integer' } } }, { lastName: 'Петрова' });
    expect(custom).toEqual({ surname: 'Петрова' });
    expect(prefill(null, { lastName: 'Петрова' }, { a: 1 })).toEqual({ a: 1 });
  });

  it('takes the profile, the e-mail only once confirmed, and the passport details', () => {
    const user = { lastName: 'Петрова', firstName: 'Мария', middleName: null, birthDate: null, snils: null, inn: null, registrationAddress: null, residentialAddress: null, phone: '+79990000000', email: 'm@example.org', emailVerified: false };
    expect(prefillSourceOf(user, undefined)).toMatchObject({ lastName: 'Петрова', phone: '+79990000000', email: null, passportSeries: null });
    expect(prefillSourceOf({ ...user, emailVerified: true }, { series: '4508', number: '123456', issuedBy: 'ОВД', issuedAt: '2010-01-01' })).toMatchObject({ email: 'm@example.org', passportSeries: '4508', passportNumber: '123456', passportIssuedBy: 'ОВД', passportIssuedAt: '2010-01-01' });
  });
});

describe('prefill for a dependant', () => {
  const schema = {
    properties: {
      applicant: { type: 'object', properties: { lastName: { type: 'string' }, birthDate: { type: 'string' }, phone: { type: 'string' } } },
      representative: { type: 'object', properties: { lastName: { type: 'string' }, phone: { type: 'string' } } },
      lastName: { type: 'string' },
    },
  };
  it('fills the applicant from the dependant and the representative from the parent; given values win', () => {
    const data = prefillForDependant(schema, { lastName: 'Петров', birthDate: '2017-09-01' }, { lastName: 'Петрова', phone: '+79161234567' }, { representative: { lastName: 'Иванова' } });
    expect(data).toEqual({ applicant: { lastName: 'Петров', birthDate: '2017-09-01' }, representative: { lastName: 'Иванова', phone: '+79161234567' }, lastName: 'Петров' });
  });
  it('a form without a representative takes only the dependant', () => {
    expect(prefillForDependant({ properties: { lastName: { type: 'string' } } }, { lastName: 'Петров' }, { lastName: 'Петрова' })).toEqual({ lastName: 'Петров' });
  });
});

describe('the signed text of a version', () => {
  const app = { id: 'a1', number: 'MFC-2026-0000001', serviceId: 's1', forDependantId: null };
  const v = { version: 2, data: { b: 1, a: { d: [1, 'x'], c: null } }, attachmentIds: ['f1'], branchId: 'b1', createdAt: new Date('2026-01-02T03:04:05Z') };
  it('is a heading and canonical JSON: keys sorted, no spaces, the same for the same version', () => {
    const text = versionSigningText(app, v);
    expect(text).toBe(
      'Заявление MFC-2026-0000001 в МФЦ, версия 2\n{"application":"a1","attachments":["f1"],"branch":"b1","createdAt":"2026-01-02T03:04:05.000Z","data":{"a":{"c":null,"d":[1,"x"]},"b":1},"forDependant":null,"number":"MFC-2026-0000001","service":"s1","version":2}',
    );
    expect(versionSigningText(app, { ...v, data: { a: { c: null, d: [1, 'x'] }, b: 1 } })).toBe(text);
    expect(versionSigningText(app, { ...v, data: { ...v.data, b: 2 } })).not.toBe(text);
  });
});

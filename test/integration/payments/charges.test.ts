/**
 * Accruals through the API: admins issue fines and taxes by user id or verified SNILS with a
 * checked УИН, the citizen is told; bad input with the field at fault; cancelling; the discount
 * period; reminders of an approaching due date (once); and, without a provider in development,
 * the sandbox's page driving the same state machine.
 */
import type { Job } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CancelChargeDocument, ChargeDocument, IssueChargeDocument, PayChargeDocument } from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { loadConfig } from '../../../src/config/env.js';
import { notifications } from '../../../src/db/schema/index.js';
import { remindDueCharges } from '../../../src/modules/payments/index.js';
import { addDays, localDay } from '../../../src/shared/days.js';
import { processors } from '../../../workers/main.js';
import { addVerifiedIdentifier, createAccount, loginAs } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { freshSnils } from '../../factories/identifiers.js';
import { RETURN_URL, freshUin, issueFine } from '../../helpers/payments.js';

// No PAYMENT_SHOP_ID in development: the built-in sandbox.
const t = useTestApp({ NODE_ENV: 'development', PAYMENT_RETURN_URLS: 'https://mfc.example/pay/' });
let admin: MfcClient;

beforeAll(async () => {
  admin = (await createAccount(t, 'ADMIN')).client;
});

const today = () => localDay(t.clock.now(), 'Europe/Moscow');
const base = { kind: 'FINE' as const, purpose: 'Штраф ГИБДД', payee: 'УФК по г. Москве', amount: '1000' };

describe('issuing charges', () => {
  it('by a verified SNILS: the citizen sees it and is told; an unverified SNILS finds no one', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const snils = freshSnils();
    const unverified = await errorOf(admin.request(IssueChargeDocument, { input: { ...base, snils, uin: freshUin() } }));
    expect(unverified.extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'snils' }] });
    await addVerifiedIdentifier(t, c.client, 'SNILS', snils);
    const { issueCharge } = await admin.request(IssueChargeDocument, { input: { ...base, snils, uin: freshUin(), dueDate: addDays(today(), 30) } });
    expect((await c.client.request(ChargeDocument, { id: issueCharge.id })).charge).toMatchObject({ kind: 'FINE', status: 'UNPAID', amount: { amount: '1000.00' } });
    const told = await t.running.app.db.db.select().from(notifications).where(and(eq(notifications.template, 'charge.issued'), eq(notifications.subjectId, issueCharge.id)));
    expect(told).toHaveLength(1);
  });

  it('refuses bad input field by field, a duplicate УИН, and anyone but admins', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const uin = freshUin();
    const wrongDigit = `${uin.slice(0, -1)}${(Number(uin.slice(-1)) + 1) % 10}`;
    const bad = await errorOf(admin.request(IssueChargeDocument, { input: { ...base, userId: c.id, amount: '10.555', uin: wrongDigit, dueDate: '2020-01-01' } }));
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect((bad.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['amount', 'dueDate', 'uin']);
    await admin.request(IssueChargeDocument, { input: { ...base, userId: c.id, uin } });
    expect((await errorOf(admin.request(IssueChargeDocument, { input: { ...base, userId: c.id, uin } }))).extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'uin' }] });
    expect((await errorOf(c.client.request(IssueChargeDocument, { input: { ...base, userId: c.id, uin: freshUin() } }))).extensions.code).toBe('FORBIDDEN');
    const both = await errorOf(admin.request(IssueChargeDocument, { input: { ...base, uin: freshUin() } }));
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a fine costs half within its discount period, the full amount after it', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const fine = await issueFine(admin, c.id, { amount: '1000', discountPercent: 50, discountUntil: addDays(today(), 19), dueDate: addDays(today(), 60) });
    expect(fine.payableAmount.amount).toBe('500.00');
    try {
      t.clock.advance(21 * 24 * 3600_000);
      const later = await loginAs(t, c.phone);
      expect((await later.client.request(ChargeDocument, { id: fine.id })).charge?.payableAmount.amount).toBe('1000.00');
    } finally {
      t.clock.reset();
    }
  });

  it('a cancelled charge cannot be paid; cancelling needs a reason and an unpaid charge', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const fine = await issueFine(admin, c.id);
    expect((await errorOf(admin.request(CancelChargeDocument, { id: fine.id, reason: ' ' }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'reason' }] });
    expect((await admin.request(CancelChargeDocument, { id: fine.id, reason: 'Постановление отменено судом' })).cancelCharge.status).toBe('CANCELLED');
    expect((await errorOf(admin.request(CancelChargeDocument, { id: fine.id, reason: 'ещё раз' }))).extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'CHARGE_NOT_UNPAID' });
    const pay = await errorOf(c.client.request(PayChargeDocument, { chargeId: fine.id, method: 'CARD', returnUrl: RETURN_URL }));
    expect(pay.extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'CHARGE_CANCELLED' });
  });

  it('the citizen is reminded once of a due date within PAYMENT_DUE_REMINDER_DAYS', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const soon = await issueFine(admin, c.id, { dueDate: addDays(today(), 2) });
    const later = await issueFine(admin, c.id, { dueDate: addDays(today(), 20) });
    const remind = processors[remindDueCharges.name];
    await remind?.({ name: remindDueCharges.name, data: {} } as Job, t.running.app);
    await remind?.({ name: remindDueCharges.name, data: {} } as Job, t.running.app);
    const told = await t.running.app.db.db.select().from(notifications).where(eq(notifications.template, 'charge.due'));
    expect(told.filter((n) => n.subjectId === soon.id)).toHaveLength(1);
    expect(told.filter((n) => n.subjectId === later.id)).toHaveLength(0);
  });
});

describe('the development sandbox', () => {
  it('its marked page pays through the same state machine; "Отказаться" declines', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const fine = await issueFine(admin, c.id, { amount: '150' });
    const { payCharge } = await c.client.request(PayChargeDocument, { chargeId: fine.id, method: 'SBP', returnUrl: RETURN_URL });
    const path = new URL(payCharge.confirmationUrl ?? '').pathname;
    expect(path).toMatch(/^\/payments\/sandbox\//);
    const page = await (await fetch(`${t.url}${path}`)).text();
    expect(page).toContain('ПЕСОЧНИЦА');
    expect(page).toContain('Оплатить');
    expect(page).toContain('Отказаться');
    expect((await fetch(`${t.url}${path}/decline`, { method: 'POST' })).status).toBe(200);
    expect((await c.client.request(ChargeDocument, { id: fine.id })).charge).toMatchObject({ status: 'UNPAID', payments: [{ status: 'CANCELLED' }] });
    const { payCharge: second } = await c.client.request(PayChargeDocument, { chargeId: fine.id, method: 'CARD', returnUrl: RETURN_URL });
    await fetch(`${t.url}${new URL(second.confirmationUrl ?? '').pathname}/pay`, { method: 'POST' });
    expect((await c.client.request(ChargeDocument, { id: fine.id })).charge?.status).toBe('PAID');
  });

  it('production refuses to start with the sandbox', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x', REDIS_URL: 'redis://x', SMS_GATEWAY_URL: 'http://sms', SMS_GATEWAY_TOKEN: 'x', SMTP_URL: 'smtp://x', DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') })).toThrow(/PAYMENT_SHOP_ID.*sandbox/);
  });
});

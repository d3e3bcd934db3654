/**
 * The ApplicationSubjects seam that the applications module plugs into: with a lookup that knows
 * an application, a chat about it goes to the application's branch and feedback on it is its
 * owner's; someone else's application is NOT_FOUND. (On this branch the app is wired to a lookup
 * that knows none; here a map stands in for the applications repository.)
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChatDocument, LeaveFeedbackDocument, OpenChatDocument, SupportChatsDocument } from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createStaff, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { operatorOf } from '../../helpers/staff.js';
import { buildBranch } from '../../factories/catalog.js';

const known = new Map<string, { userId: string; branchId: string | null }>();
const t = useTestApp({}, { applications: { find: (id) => Promise.resolve(known.get(id) ?? null) } });

let admin: MfcClient;
beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
});

describe('applications as subjects of chats and feedback', () => {
  it('a chat about an application goes to its branch; feedback on it is for its owner only', async () => {
    const branch = await buildBranch(admin);
    const operator = await operatorOf(t, branch.id);
    const elsewhere = await operatorOf(t, (await buildBranch(admin)).id);
    const owner = await registerCitizen(t);
    const other = await registerCitizen(t);
    const applicationId = randomUUID();
    known.set(applicationId, { userId: owner.id, branchId: branch.id });

    const { openChat } = await owner.client.request(OpenChatDocument, { subject: 'Вопрос по заявлению', applicationId });
    expect(openChat).toMatchObject({ applicationId, branchId: branch.id });
    expect((await operator.client.request(SupportChatsDocument, {})).supportChats.map((c) => c.id)).toContain(openChat.id);
    expect((await elsewhere.client.request(ChatDocument, { id: openChat.id })).chat).toBeNull();
    expect((await errorOf(other.client.request(OpenChatDocument, { subject: 'Чужое', applicationId }))).code).toBe('NOT_FOUND');

    const { leaveFeedback } = await owner.client.request(LeaveFeedbackDocument, { input: { kind: 'REMARK', rating: 4, text: 'Долго ждал ответа', applicationId } });
    expect(leaveFeedback).toMatchObject({ applicationId, branchId: branch.id, bookingId: null });
    expect((await errorOf(other.client.request(LeaveFeedbackDocument, { input: { kind: 'PRAISE', rating: 5, applicationId } }))).code).toBe('NOT_FOUND');
  });
});

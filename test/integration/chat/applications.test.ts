/**
 * Applications as subjects of chats and feedback: a chat about an application goes to the
 * application's branch and feedback on it is its owner's; someone else's application is NOT_FOUND.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ChatDocument, CreateApplicationDraftDocument, LeaveFeedbackDocument, OpenChatDocument, SubmitApplicationDocument, SupportChatsDocument } from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createStaff, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { operatorOf } from '../../helpers/staff.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp();

let admin: MfcClient;
beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
});

describe('applications as subjects of chats and feedback', () => {
  it('a chat about an application goes to its branch; feedback on it is for its owner only', async () => {
    const service = await buildService(admin, (await buildCategory(admin)).id, { availableOnline: true, requiredDocuments: [] });
    const branch = await buildBranch(admin, {}, [service.id]);
    const operator = await operatorOf(t, branch.id);
    const elsewhere = await operatorOf(t, (await buildBranch(admin)).id);
    const owner = await registerCitizen(t);
    const other = await registerCitizen(t);
    const { createApplicationDraft } = await owner.client.request(CreateApplicationDraftDocument, { input: { serviceId: service.id, branchId: branch.id, data: {} } });
    const applicationId = (await owner.client.request(SubmitApplicationDocument, { id: createApplicationDraft.id })).submitApplication.id;

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

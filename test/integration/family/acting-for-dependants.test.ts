/**
 * A parent acting for a dependant: bookings allowed before the dependant's document is verified,
 * applications not (DEPENDANT_NOT_VERIFIED); the operator of the branch where the parent booked
 * reviews it; the dependant's documents count for the service's required documents and fill the
 * applicant's fields, the parent's fill the representative's; Booking.forDependant and
 * Application.forDependant; another citizen's dependant is NOT_FOUND.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddDependantDocument,
  AddDocumentDocument,
  ApplicationForDependantDocument,
  AvailableSlotsDocument,
  BookAppointmentDocument,
  BookingForDependantDocument,
  CreateApplicationDraftDocument,
  RemoveDependantDocument,
  ReviewDependantDocument,
  SubmitApplicationDocument,
  UpdateProfileDocument,
  ValidateApplicationDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { uploadScan } from '../../helpers/files.js';
import { errorOf } from '../../helpers/graphql.js';
import { operatorOf } from '../../helpers/staff.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp();
const FORM = {
  type: 'object',
  required: ['applicant', 'representative'],
  properties: {
    applicant: { type: 'object', required: ['lastName', 'firstName', 'birthDate'], properties: { lastName: { type: 'string' }, firstName: { type: 'string' }, birthDate: { type: 'string' } } },
    representative: { type: 'object', required: ['lastName', 'passportNumber'], properties: { lastName: { type: 'string' }, firstName: { type: 'string' }, passportNumber: { type: 'string' } } },
  },
};

let admin: MfcClient;
let serviceId: string;
let branchId: string;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  const categoryId = (await buildCategory(admin)).id;
  serviceId = (
    await buildService(admin, categoryId, {
      title: 'Оформление полиса ОМС ребёнку',
      availableOnline: true,
      applicationForm: FORM,
      requiredDocuments: [
        { kind: 'BIRTH_CERTIFICATE', title: 'Свидетельство о рождении', optional: false },
        { kind: 'PASSPORT_RF', title: 'Паспорт представителя', optional: false },
      ],
    })
  ).id;
  branchId = (await buildBranch(admin, { workingHours: EVERY_DAY }, [serviceId])).id;
});

/** A parent (surname Петрова, with a passport) and a child whose birth certificate waits for review. */
async function family() {
  const parent = await createAccount(t, 'CITIZEN');
  await parent.client.request(UpdateProfileDocument, { input: { birthDate: '1988-01-01' } });
  await parent.client.request(AddDocumentDocument, { input: { kind: 'PASSPORT_RF', series: '4508', number: '123456', issuedAt: '2015-05-05' } });
  const scan = await uploadScan(t, parent.accessToken, 'свидетельство.pdf');
  const { addDependant } = await parent.client.request(AddDependantDocument, {
    input: { lastName: 'Петров', firstName: 'Илья', birthDate: '2017-09-01', relation: 'CHILD', document: { kind: 'BIRTH_CERTIFICATE', series: 'II-МЮ', number: '222333', issuedAt: '2017-09-10', attachmentIds: [scan] } },
  });
  return { parent, child: addDependant };
}

async function firstSlot(): Promise<string> {
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  const slots = (await t.client.request(AvailableSlotsDocument, { branchId, serviceId, from, to })).availableSlots;
  const slot = slots[Math.floor(Math.random() * slots.length)];
  if (!slot) throw new Error('no slot');
  return slot.startsAt;
}

describe('a parent acting for a child', () => {
  it('books before verification, applies only after: the operator where they booked verifies; documents and prefill come from both', async () => {
    const { parent, child } = await family();
    expect(child.verification).toBe('PENDING');

    // Booking while PENDING is allowed, and the booking says for whom.
    const { bookAppointment } = await parent.client.request(BookAppointmentDocument, { input: { branchId, serviceId, startsAt: await firstSlot(), forDependantId: child.id } });
    expect((await parent.client.request(BookingForDependantDocument, { id: bookAppointment.id })).booking?.forDependant).toEqual({ id: child.id, firstName: 'Илья' });

    // An application is not, until the document is verified.
    const early = await errorOf(parent.client.request(CreateApplicationDraftDocument, { input: { serviceId, branchId, forDependantId: child.id } }));
    expect([early.code, early.extensions.rule]).toEqual(['PRECONDITION_FAILED', 'DEPENDANT_NOT_VERIFIED']);

    // The booking is business at the branch: its operator may review the child's document.
    const operator = await operatorOf(t, branchId);
    await operator.client.request(ReviewDependantDocument, { id: child.id, status: 'VERIFIED' });
    expect((await operator.client.request(BookingForDependantDocument, { id: bookAppointment.id })).booking?.forDependant?.id).toBe(child.id);

    const { createApplicationDraft: draft } = await parent.client.request(CreateApplicationDraftDocument, { input: { serviceId, branchId, forDependantId: child.id } });
    const { application } = await parent.client.request(ApplicationForDependantDocument, { id: draft.id });
    expect(application?.forDependant).toEqual({ id: child.id, firstName: 'Илья' });
    expect(application?.data).toMatchObject({
      applicant: { lastName: 'Петров', firstName: 'Илья', birthDate: '2017-09-01' },
      representative: { passportNumber: '123456' },
    });
    expect((application?.data as { representative: { lastName: string } }).representative.lastName).not.toBe('Петров');
    const { validateApplication } = await parent.client.request(ValidateApplicationDocument, { id: draft.id });
    expect(validateApplication).toMatchObject({ valid: true, missingDocuments: [] });
    expect((await parent.client.request(SubmitApplicationDocument, { id: draft.id })).submitApplication.status).toBe('ACCEPTED');
  });

  it('without the child, the birth certificate is missing from the parent\'s own application', async () => {
    const { parent } = await family();
    const { createApplicationDraft: draft } = await parent.client.request(CreateApplicationDraftDocument, { input: { serviceId, branchId, data: { applicant: { birthDate: '2017-09-01' } } } });
    const { validateApplication } = await parent.client.request(ValidateApplicationDocument, { id: draft.id });
    expect(validateApplication.missingDocuments.map((d) => d.kind)).toEqual(['BIRTH_CERTIFICATE']);
  });

  it('a child removed before submission: the draft cannot be submitted for them (NOT_FOUND), the booking keeps them as history', async () => {
    const { parent, child } = await family();
    const { bookAppointment } = await parent.client.request(BookAppointmentDocument, { input: { branchId, serviceId, startsAt: await firstSlot(), forDependantId: child.id } });
    const operator = await operatorOf(t, branchId);
    await operator.client.request(ReviewDependantDocument, { id: child.id, status: 'VERIFIED' });
    const { createApplicationDraft: draft } = await parent.client.request(CreateApplicationDraftDocument, { input: { serviceId, branchId, forDependantId: child.id } });
    await parent.client.request(RemoveDependantDocument, { id: child.id });
    const err = await errorOf(parent.client.request(SubmitApplicationDocument, { id: draft.id }));
    expect([err.code, err.extensions.fields]).toEqual(['NOT_FOUND', [expect.objectContaining({ field: 'forDependantId' })]]);
    expect((await parent.client.request(BookingForDependantDocument, { id: bookAppointment.id })).booking?.forDependant?.id).toBe(child.id);
    const again = await errorOf(parent.client.request(BookAppointmentDocument, { input: { branchId, serviceId, startsAt: await firstSlot(), forDependantId: child.id } }));
    expect(again.code).toBe('NOT_FOUND');
  });
});

describe('another citizen\'s dependant', () => {
  it('is NOT_FOUND for bookAppointment and createApplicationDraft, with the field at fault; a malformed id is refused by the input guard', async () => {
    const { child } = await family();
    const other = await createAccount(t, 'CITIZEN');
    const booking = await errorOf(other.client.request(BookAppointmentDocument, { input: { branchId, serviceId, startsAt: await firstSlot(), forDependantId: child.id } }));
    expect([booking.code, booking.extensions.fields]).toEqual(['NOT_FOUND', [expect.objectContaining({ field: 'input.forDependantId' })]]);
    const draft = await errorOf(other.client.request(CreateApplicationDraftDocument, { input: { serviceId, forDependantId: child.id } }));
    expect([draft.code, draft.extensions.fields]).toEqual(['NOT_FOUND', [expect.objectContaining({ field: 'input.forDependantId' })]]);
    const malformed = await errorOf(other.client.request(BookAppointmentDocument, { input: { branchId, serviceId, startsAt: await firstSlot(), forDependantId: 'not-an-id' } }));
    expect(malformed.code).toBe('BAD_USER_INPUT');
  });
});

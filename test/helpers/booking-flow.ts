/** A booking confirmed by its citizen, and the SMS that tells them (ops tests follow it through). */
import { randomUUID } from 'node:crypto';
import { AvailableSlotsDocument, BookAppointmentDocument, ConfirmBookingDocument } from '../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../src/sdk/client.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../factories/catalog.js';
import { createAccount } from './accounts.js';
import type { TestApp } from './app.js';


export async function confirmedBooking(t: TestApp, admin: MfcClient, headers: Record<string, string> = {}) {
  const category = await buildCategory(admin);
  const service = await buildService(admin, category.id, { appointmentMinutes: 15 });
  const branch = await buildBranch(admin, { timezone: 'Europe/Moscow', workingHours: EVERY_DAY }, [service.id]);
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from, to: from });
  const slot = availableSlots[0];
  if (!slot) throw new Error('no slot');
  const citizen = await createAccount(t, 'CITIZEN');
  const input = { branchId: branch.id, serviceId: service.id, startsAt: slot.startsAt };
  const { bookAppointment: booking } = await citizen.client.request(BookAppointmentDocument, { input });
  const since = t.sms.messages.length;
  const requestId = `confirm-${randomUUID()}`;
  const confirmed = await citizen.client.raw(ConfirmBookingDocument, { id: booking.id }, { 'x-request-id': requestId, ...headers });
  if (confirmed.errors) throw new Error(JSON.stringify(confirmed.errors));
  const sms = await t.sms.waitFor((m) => m.to === citizen.phone && m.text.includes(booking.number) && t.sms.messages.indexOf(m) >= since);
  return { citizen, booking, input, requestId, sms };
}

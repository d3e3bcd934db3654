/**
 * Demo data for the dev command and `cli seed-demo`: idempotent (existing accounts are kept).
 * An administrator, an operator-to-be and a citizen with SNILS and INN (so every login kind can
 * be tried), all with DEMO_PASSWORD. Later modules add their catalog, branches and bookings here.
 */
import type { App } from '../src/app.js';
import { insertUser, findUserByLogin } from '../src/modules/accounts/accounts.repository.js';
import { AppError } from '../src/shared/errors.js';
import { hashPassword } from '../src/shared/passwords.js';
import { piiHash } from '../src/shared/pii.js';

export const DEMO_PASSWORD = 'Demo-Пароль-2026';

const META = { ip: null, userAgent: 'seed-demo' };

export async function seedDemo(app: App): Promise<string[]> {
  const out: string[] = [];
  try {
    await app.services.accounts.profile.createStaff(
      { role: 'ADMIN', phone: '+79990000001', email: 'admin@mfc.local', password: DEMO_PASSWORD, lastName: 'Администраторова', firstName: 'Анна' },
      META,
      null,
    );
    out.push(`admin:   +79990000001 / ${DEMO_PASSWORD}`);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
    out.push(`admin:   +79990000001 (exists)`);
  }

  const citizenPhone = '+79990000003';
  if (await findUserByLogin(app.db.db, { kind: 'phone', value: citizenPhone })) {
    out.push(`citizen: ${citizenPhone} (exists)`);
  } else {
    const hashKey = app.services.accounts.auth.hashKeyForSeeding();
    await insertUser(app.db.db, {
      phone: citizenPhone,
      phoneVerified: true,
      email: 'ivanov@mfc.local',
      emailVerified: true,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      lastName: 'Иванов',
      firstName: 'Иван',
      middleName: 'Иванович',
      birthDate: '1985-04-12',
      snils: '11223344595',
      snilsHash: piiHash(hashKey, 'snils', '11223344595'),
      inn: '500100732259',
      innHash: piiHash(hashKey, 'inn', '500100732259'),
      registrationAddress: 'г. Москва, ул. Тверская, д. 1, кв. 1',
      termsAcceptedAt: new Date(),
    });
    out.push(`citizen: ${citizenPhone} or ivanov@mfc.local or СНИЛС 112-233-445 95 or ИНН 500100732259 / ${DEMO_PASSWORD}`);
  }
  return out;
}

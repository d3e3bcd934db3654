/**
 * Operations CLI (npm run cli -- <command>):
 *   create-user --role ADMIN|OPERATOR --phone +7... --password '...' --last-name X --first-name Y [--middle-name Z] [--email e] [--branch <id>]
 *   seed-demo   demo accounts (idempotent)
 *   migrate     apply pending migrations
 *   rotate-data-key  re-seal every value at rest not sealed with DATA_ENCRYPTION_KEY (keep the old
 *                    key in DATA_ENCRYPTION_PREVIOUS_KEYS until this has run on every table)
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { migrate } from '../src/db/migrate.js';
import { AppError } from '../src/shared/errors.js';
import { seedDemo } from './seed-demo.js';

const CLI_META = { ip: null, userAgent: 'mfc-cli' };

export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig({ LOG_LEVEL: 'warn', ...env });
  if (command === 'migrate') {
    await migrate(config.DATABASE_DIRECT_URL || config.DATABASE_URL);
    console.log('migrations applied');
    return 0;
  }
  if (command !== 'create-user' && command !== 'seed-demo' && command !== 'rotate-data-key') {
    console.error('usage: cli create-user --role ADMIN|OPERATOR --phone ... --password ... --last-name ... --first-name ... [--branch id] | seed-demo | migrate | rotate-data-key');
    return 64;
  }
  if (config.MIGRATE_ON_START) await migrate(config.DATABASE_DIRECT_URL || config.DATABASE_URL);
  const app = await createApp(config);
  try {
    if (command === 'seed-demo') {
      const summary = await seedDemo(app);
      for (const line of summary) console.log(line);
      return 0;
    }
    if (command === 'rotate-data-key') {
      for (const { table, resealed } of await app.resealData(config.DATA_ROTATION_BATCH_SIZE)) console.log(`${table}: ${resealed} resealed`);
      return 0;
    }
    const { values } = parseArgs({
      args: rest,
      options: {
        role: { type: 'string' },
        phone: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        'last-name': { type: 'string' },
        'first-name': { type: 'string' },
        'middle-name': { type: 'string' },
        branch: { type: 'string' },
      },
    });
    const role = values.role?.toUpperCase();
    if (role !== 'ADMIN' && role !== 'OPERATOR') {
      console.error('--role must be ADMIN or OPERATOR');
      return 64;
    }
    const user = await app.services.accounts.profile.createStaff(
      {
        role,
        phone: values.phone ?? '',
        email: values.email ?? null,
        password: values.password ?? '',
        lastName: values['last-name'] ?? '',
        firstName: values['first-name'] ?? '',
        middleName: values['middle-name'] ?? null,
        branchId: values.branch ?? null,
      },
      CLI_META,
      null,
    );
    console.log(`created ${role} ${user.id} (${user.phone})`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      const fields = (err.extensions.fields as Array<{ field: string; message: string }> | undefined) ?? [];
      console.error(`${err.code}: ${err.message}`);
      for (const f of fields) console.error(`  --${f.field}: ${f.message}`);
      return 1;
    }
    throw err;
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runCli(process.argv.slice(2));

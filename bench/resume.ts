/**
 * The resume of accountUpdates (npm run bench:resume): a citizen's client subscribes, takes its
 * cursor and disconnects; BENCH_MISSED (1,000) events are made for the citizen while it is away
 * (in-app notifications, each appended to the account feed in its own transaction); the client
 * reconnects with its cursor and the time until it has caught up with all of them is printed,
 * with the rate, next to the time of one live event (the floor of a round trip).
 */
import './production.js';
import 'reflect-metadata';
import { MfcClient } from '../src/sdk/client.js';
import { AccountUpdatesDocument, LoginDocument } from '../src/sdk/generated/graphql.js';
import { queryText } from '../src/sdk/client.js';
import { DEMO_CITIZEN_PHONE, DEMO_PASSWORD } from '../scripts/seed-demo.js';
import { startBenchApp } from './setup.js';

const MISSED = Number(process.env.BENCH_MISSED ?? 1000);
const bench = await startBenchApp();
const { app } = bench.running;
const url = bench.running.api?.url ?? '';
const login = await new MfcClient({ url }).request(LoginDocument, { input: { login: DEMO_CITIZEN_PHONE, password: DEMO_PASSWORD } });
if (login.login.__typename !== 'AuthPayload') throw new Error('the demo citizen could not log in');
const client = new MfcClient({ url }).withToken(login.login.accessToken);
const userId = login.login.user.id;

/** Subscribes and resolves once `count` updates arrived; gives the cursors received and the elapsed milliseconds. */
function receive(after: string | null, count: number, onReady: () => Promise<void>): Promise<{ cursors: string[]; ms: number }> {
  const ws = client.websocket();
  const cursors: string[] = [];
  let started = 0;
  return new Promise((resolve, reject) => {
    ws.subscribe<{ accountUpdates: { cursor: string } }>(
      { query: queryText(AccountUpdatesDocument), variables: after ? { after } : {} },
      {
        next: (r) => {
          if (r.errors) reject(new Error(JSON.stringify(r.errors)));
          const cursor = r.data?.accountUpdates.cursor;
          if (cursor) cursors.push(cursor);
          if (cursors.length === count) {
            const ms = performance.now() - started;
            void Promise.resolve(ws.dispose()).then(() => resolve({ cursors, ms }));
          }
        },
        error: reject,
        complete: () => undefined,
      },
    );
    ws.on('connected', () => {
      // The subscription is registered a moment after the socket opens.
      setTimeout(() => {
        started = performance.now();
        onReady().catch(reject);
      }, 300);
    });
  });
}

const notifyOnce = (i: number) =>
  app.db.db.transaction((tx) => app.services.notifications.notify(tx, { userId, template: 'booking.slot_freed', vars: { branch: `МФЦ №${i}`, date: '01.01.2027' }, subjectType: 'Bench', subjectId: String(i) }));

const live = await receive(null, 1, () => notifyOnce(0).then(() => undefined));
const cursor = live.cursors[0] ?? '';
console.log(`one live event: ${live.ms.toFixed(1)} ms from the commit's start to the client`);

const made = performance.now();
for (let i = 1; i <= MISSED; i++) await notifyOnce(i);
console.log(`${MISSED} events made while the client was away in ${((performance.now() - made) / 1000).toFixed(1)} s`);

const resumed = await receive(cursor, MISSED, () => Promise.resolve());
const inOrder = resumed.cursors.every((c, i) => i === 0 || parseInt(c.slice(3), 36) === parseInt(resumed.cursors[i - 1]?.slice(3) ?? '', 36) + 1);
console.log(`resume after ${MISSED} missed events: caught up in ${resumed.ms.toFixed(0)} ms (${((MISSED / resumed.ms) * 1000).toFixed(0)} events/s), in order: ${inOrder}`);
await bench.stop();
process.exit(0);

/**
 * A real browser as the user: headless Chromium (Debian's `chromium`, driven by playwright-core)
 * loads a page from another origin (a tiny static server here) whose script is the packed SDK
 * bundled by esbuild. The page logs in, runs a query and a subscription through CORS and the
 * WebSocket Origin check, then the signed PDF ticket link is fetched by the page and opened as a
 * link (a download) without any header. Skipped when /usr/bin/chromium is absent
 * (`apt-get install -y chromium`). Run with `npm run test:sdk`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvailableSlotsDocument, BookAppointmentDocument, ConfirmBookingDocument } from '../../src/sdk/index.js';
import { createAccount, createStaff, PASSWORD } from '../helpers/accounts.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../factories/catalog.js';
import { installPackedSdk } from './install.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

interface Browser {
  newContext(o: { acceptDownloads: boolean }): Promise<{ newPage(): Promise<Page> }>;
  close(): Promise<void>;
}
interface Page {
  goto(url: string): Promise<unknown>;
  title(): Promise<string>;
  evaluate<T>(fn: string): Promise<T>;
  setContent(html: string): Promise<void>;
  waitForEvent(e: 'download'): Promise<{ path(): Promise<string | null>; suggestedFilename(): string }>;
  click(selector: string): Promise<void>;
}

/** The page's origin: index.html and the bundled app.js. */
async function staticServer(files: Record<string, { type: string; body: string }>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const file = files[req.url === '/' ? '/index.html' : (req.url ?? '')];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe.skipIf(!existsSync(CHROMIUM))('the SDK in headless Chromium on another origin', () => {
  let dir = '';
  let t: TestApp;
  let site: { server: Server; origin: string };
  let browser: Browser;

  beforeAll(async () => {
    dir = (await installPackedSdk({ graphql: '16.15.0', 'playwright-core': '1.65.1' })).dir;
    await copyFile(join(repo, 'test/sdk/consumer/page.mjs'), join(dir, 'page.mjs'));
    await run(join(repo, 'node_modules/.bin/esbuild'), ['page.mjs', '--bundle', '--format=esm', '--platform=browser', `--outfile=${join(dir, 'app.js')}`], { cwd: dir });
    site = await staticServer({
      '/index.html': { type: 'text/html', body: '<!doctype html><title>loading</title><script type="module" src="/app.js"></script>' },
      '/app.js': { type: 'text/javascript', body: await readFile(join(dir, 'app.js'), 'utf8') },
    });
    t = await startTestApp({ CORS_ORIGINS: site.origin });
    const { chromium } = (await import(join(dir, 'node_modules/playwright-core/index.mjs'))) as { chromium: { launch(o: object): Promise<Browser> } };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    site?.server.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('logs in, queries, subscribes, and opens the signed PDF ticket without a header', async () => {
    // Given a citizen with a confirmed booking
    const admin = (await createStaff(t, 'ADMIN')).client;
    const service = await buildService(admin, (await buildCategory(admin)).id);
    const branch = await buildBranch(admin, { workingHours: EVERY_DAY, windows: 2 }, [service.id]);
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day });
    const citizen = await createAccount(t, 'CITIZEN');
    const { bookAppointment } = await citizen.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: availableSlots[1]?.startsAt ?? '' } });
    await citizen.client.request(ConfirmBookingDocument, { id: bookAppointment.id });

    // When the page on another origin runs the SDK
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(`${site.origin}/`);
    for (let i = 0; i < 100 && (await page.title()) !== 'ready'; i += 1) await new Promise((r) => setTimeout(r, 50));
    const args = JSON.stringify({ url: t.url, login: citizen.phone, password: PASSWORD, branchId: branch.id, bookingId: bookAppointment.id });
    const result = await page.evaluate<{ phone: string; load: string; ticketUrl: string; fetchedStatus: number; fetchedHead: string }>(`window.runScenario(${args})`);

    // Then it got through CORS and the WebSocket, and the link opened with no header
    expect(result).toMatchObject({ phone: citizen.phone, load: branch.id, fetchedStatus: 200, fetchedHead: '%PDF-' });
    await page.setContent(`<a id="ticket" href="${result.ticketUrl}">талон</a>`);
    const download = page.waitForEvent('download');
    await page.click('#ticket');
    const file = await (await download).path();
    expect((await readFile(file ?? '')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

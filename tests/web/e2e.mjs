// End-to-end: the real binary serving a fresh demo, driven in Debian's
// Chromium through playwright-core (no browser download, no network).
// It logs in, switches to Northern Sámi and back, opens every page the
// roles allow and saves a screenshot of each, and shows that a
// Kautokeino user is refused Karasjok's data in the browser too.
//
// Usage: node tests/web/e2e.mjs BINARY OUTDIR
// Prints one line per test and "[  PASSED  ] N test(s)." like cmocka,
// so tests/run.sh counts it with the rest.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '../../web/package.json'));
const { chromium } = require('playwright-core');

const bin = resolve(process.argv[2] || 'build/ovttas');
const shots = resolve(process.argv[3] || 'build/e2e');
mkdirSync(shots, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'ovttas-e2e-'));
const db = join(dir, 'e2e.db');

const init = JSON.parse(execFileSync(bin, ['--db', db, 'init', '--demo', '--json'], { encoding: 'utf8' }));
const password = (u) => init.users.find((x) => x.username === u).password;

// The server on a free port; it prints the one it got.
const server = spawn(bin, ['--db', db, 'serve', '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((ok, fail) => {
  let out = '';
  server.stdout.on('data', (b) => {
    out += b;
    const m = out.match(/127\.0\.0\.1:(\d+)/);
    if (m) ok(Number(m[1]));
  });
  server.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;

// A fresh profile directory (playwright passes it as --user-data-dir).
let browser;
try {
  browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
} catch (e) {
  server.kill('SIGTERM');
  throw e;
}

let passed = 0;
let failed = 0;
async function test(name, fn) {
  // each test starts logged out, in Bokmål
  await browser.clearCookies();
  const page = await browser.newPage();
  page.setDefaultTimeout(15000);
  try {
    await fn(page);
    passed++;
    console.log(`[       OK ] ${name}`);
  } catch (e) {
    failed++;
    console.log(`[  FAILED  ] ${name}: ${e.stack || e}`);
    await page.screenshot({ path: join(shots, `FAILED-${name}.png`), fullPage: true }).catch(() => {});
  }
  await page.close();
}

function check(cond, what) {
  if (!cond) throw new Error(what);
}

async function logIn(page, user) {
  await page.goto(base + '/');
  await page.fill('#username', user);
  await page.fill('#password', password(user));
  await page.click('#login');
  await page.waitForSelector('#logout');
}

async function waitPage(page, id) {
  await page.waitForSelector(`.page[data-page="${id}"][aria-busy="false"]`);
  const err = await page.$(`.page[data-page="${id}"] .error`);
  check(!err, `page ${id} shows an error: ${err && (await err.textContent())}`);
}

await test('wrong password is refused with a message', async (page) => {
  await page.goto(base + '/');
  await page.fill('#username', 'karasjok.leader');
  await page.fill('#password', 'not-the-password');
  await page.click('#login');
  await page.waitForFunction(() => document.querySelector('#login-error').textContent.length > 0);
  check(await page.$('#logout') === null, 'logged in with a wrong password');
  await page.screenshot({ path: join(shots, 'login.png') });
});

await test('every page in Bokmål and Northern Sámi, for every role', async (page) => {
  const roles = ['leader', 'admin', 'homecare_coordinator', 'budget_holder', 'steering_group', 'rota_planner', 'case_worker', 'employee'];
  for (const role of roles) {
    await logIn(page, `karasjok.${role}`);
    const ids = await page.$$eval('nav a', (as) => as.map((a) => a.dataset.page));
    check(ids.length > 0, `${role} has no pages`);
    for (const lang of ['nb', 'se']) {
      await page.click(`button[data-lang="${lang}"]`);
      await page.waitForSelector(`button[data-lang="${lang}"][aria-pressed="true"]`);
      for (const id of ids) {
        await page.click(`nav a[data-page="${id}"]`);
        await waitPage(page, id);
        await page.screenshot({ path: join(shots, `${id}-${role}-${lang}.png`), fullPage: true });
      }
    }
    await page.click(`button[data-lang="nb"]`);
    await page.click('#logout');
    await page.waitForSelector('#login');
  }
});

await test('a rota planner plans a rota in the browser', async (page) => {
  await logIn(page, 'karasjok.rota_planner');
  await page.goto(base + '/rota?from=2027-01-04');
  await waitPage(page, 'rota');
  await page.selectOption('#rota-unit', '3100');
  await page.click('#plan-rota');
  await page.waitForSelector('#rota-status.running');
  await page.waitForSelector('#rota-status.done, #rota-status.failed', { timeout: 120000 });
  check(await page.$('#rota-status.done'), `rota job: ${await page.textContent('#rota-status')}`);
  await page.waitForSelector('#rota-detail section[data-unit="3100"] table.rota');
  const rows = await page.$$eval('#rota-detail tbody tr', (trs) => trs.length);
  check(rows > 5, `only ${rows} rows in the rota`);
  const cells = await page.$$eval('#rota-grid tr[data-unit="3100"] td.cell.none', (tds) => tds.length);
  check(cells === 0, `${cells} days of 3100 have no rota after planning`);
  await page.screenshot({ path: join(shots, 'rota-planned.png'), fullPage: true });
});

await test('a coordinator plans the day and re-plans on a sick call', async (page) => {
  await logIn(page, 'karasjok.homecare_coordinator');
  await page.goto(base + '/routes?date=2027-01-05&shift=day');
  await waitPage(page, 'routes');
  await page.click('#plan-routes');
  await page.waitForSelector('#route-status.done, #route-status.failed', { timeout: 120000 });
  check(await page.$('#route-status.done'), `routes job: ${await page.textContent('#route-status')}`);
  await page.waitForSelector('section.caregiver');
  await page.waitForSelector('svg.map circle');
  const before = await page.$$eval('section.caregiver', (s) => s.map((x) => x.dataset.employee));
  check(before.length > 3, `only ${before.length} lists`);
  await page.screenshot({ path: join(shots, 'routes-planned.png'), fullPage: true });
  await page.click(`section.caregiver[data-employee="${before[0]}"] button.sick`);
  await page.waitForSelector('#route-status.running');
  await page.waitForSelector('#route-status.done, #route-status.failed', { timeout: 120000 });
  check(await page.$('#route-status.done'), `replan job: ${await page.textContent('#route-status')}`);
  await page.waitForSelector('section.caregiver');
  const after = await page.$$eval('section.caregiver', (s) => s.map((x) => x.dataset.employee));
  check(!after.includes(before[0]), `the sick caregiver ${before[0]} still has a list`);
  await page.screenshot({ path: join(shots, 'routes-replanned.png'), fullPage: true });
});

await test('an employee sees their own rota only', async (page) => {
  await logIn(page, 'karasjok.employee');
  await page.goto(base + '/rota?from=2027-01-04');
  await waitPage(page, 'rota');
  await page.waitForSelector('#rota-detail table.rota');
  const rows = await page.$$eval('#rota-detail tbody tr:not(.coverage)', (trs) => trs.length);
  check(rows === 1, `the employee sees ${rows} rows`);
  const grid = await page.evaluate(async () => (await fetch('/api/v1/rota?from=2027-01-04')).status);
  check(grid === 403, `the unit grid answers ${grid} to an employee`);
  await page.screenshot({ path: join(shots, 'rota-employee.png'), fullPage: true });
});

await test('the language choice is remembered', async (page) => {
  await logIn(page, 'karasjok.leader');
  const nb = await page.textContent('nav a[data-page="dashboard"]');
  await page.click('button[data-lang="se"]');
  await page.waitForSelector('button[data-lang="se"][aria-pressed="true"]');
  const se = await page.textContent('nav a[data-page="dashboard"]');
  check(nb !== se, `the dashboard link reads "${nb}" in both languages`);
  await page.reload();
  await page.waitForSelector('button[data-lang="se"][aria-pressed="true"]');
  check(await page.textContent('nav a[data-page="dashboard"]') === se, 'Sámi not kept after reload');
  check(await page.getAttribute('html', 'lang') === 'se', 'html lang is not se');
});

await test('a Kautokeino user is refused Karasjok data', async (page) => {
  await logIn(page, 'kautokeino.homecare_coordinator');
  await page.click('nav a[data-page="recipients"]');
  await waitPage(page, 'recipients');
  const statuses = await page.evaluate(async () => {
    const get = async (q) => (await fetch(`/api/v1/recipients${q}`)).status;
    return [await get('?municipality=5610'), await get('?municipality=Karasjok'), await get('?municipality=5612')];
  });
  check(statuses[0] === 403 && statuses[1] === 403, `Karasjok recipients: ${statuses}`);
  check(statuses[2] === 200, `own recipients: ${statuses[2]}`);
  const munis = await page.evaluate(async () =>
    [...new Set((await (await fetch('/api/v1/recipients')).json()).map((r) => r.municipality_id))]);
  check(munis.length === 1, `recipients of ${munis.length} municipalities`);
  await page.screenshot({ path: join(shots, 'recipients-kautokeino.png'), fullPage: true });
});

await test('logging out ends the session', async (page) => {
  await logIn(page, 'kautokeino.leader');
  await page.click('#logout');
  await page.waitForSelector('#login');
  const status = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  check(status === 401, `me after log-out: ${status}`);
});

await browser.close();
server.kill('SIGTERM');
const code = await new Promise((ok) => server.on('exit', (c) => ok(c)));
if (code !== 0) {
  failed++;
  console.log(`[  FAILED  ] the server stopped with exit code ${code}`);
}
rmSync(dir, { recursive: true, force: true });
console.log(`[==========] ${passed + failed} test(s) run.`);
if (failed) console.log(`[  FAILED  ] ${failed} test(s)`);
console.log(`[  PASSED  ] ${passed} test(s).`);
process.exit(failed ? 1 : 0);

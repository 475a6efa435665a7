// The results page in a real browser against `closeloop demo`: seeded answers over the past weeks, the NPS figure
// they make, detractors clicked through to their responses (read state kept per member), CSV downloads checked
// byte for byte, root causes period by period, axe-core on both pages, and screenshots at desktop and phone width,
// light and dark.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, signIn } from './fixtures/console.js';
import { startDemoServer, type DemoServer } from './fixtures/demo-server.js';
import { seedAnswerHistory, type SeededAnswer } from './fixtures/results-history.js';

const screens = process.env.CLOSELOOP_SCREENS ?? 'test-results/console';

const HISTORY: SeededAnswer[] = [
  { score: 10, page: '/', daysAgo: 20, plan: 'pro' },
  { score: 9, page: '/products', daysAgo: 20 },
  { score: 3, comment: 'Delivery was late, again.', page: '/checkout', daysAgo: 20, plan: 'pro' },
  { score: 8, comment: 'Fine, but shipping is slow.', page: '/products', daysAgo: 12 },
  { score: 2, comment: 'Late delivery and a rude driver.', page: '/checkout', daysAgo: 12 },
  { score: 10, comment: 'Great prices!', page: '/', daysAgo: 12, plan: 'pro' },
  { score: 6, comment: '=HYPERLINK("http://evil.example","Checkout page kept crashing")', page: '/checkout', daysAgo: 5 },
  { score: 9, page: '/cart', daysAgo: 5 },
  { score: 7, page: '/cart', daysAgo: 5 },
  { score: 0, comment: 'Charged twice, and late delivery.', page: '/account', daysAgo: 1 },
  { score: 10, comment: 'Très bien, merci', page: '/', daysAgo: 1 },
];
const detractors = HISTORY.filter((a) => a.score <= 6);
const promoters = HISTORY.filter((a) => a.score >= 9);
/** The NPS the seeded answers make, as the page writes it (+9, −4, 0). */
const expectedNps = (() => {
  const nps = Math.round(((promoters.length - detractors.length) / HISTORY.length) * 100);
  return nps > 0 ? `+${nps}` : nps < 0 ? `−${-nps}` : '0';
})();

/** Cases resolved with a root cause: two for late deliveries, eight days apart, and yesterday's for billing. */
const RESOLVED: { daysAgo: number; rootCause: string }[] = [
  { daysAgo: 20, rootCause: 'delivery' },
  { daysAgo: 12, rootCause: 'delivery' },
  { daysAgo: 1, rootCause: 'billing' },
];

let server: DemoServer;
test.beforeAll(async () => {
  server = await startDemoServer();
  const cases = await seedAnswerHistory(server.dataDir, server.origin, HISTORY);
  const api = (method: string, path: string, body: unknown) =>
    fetch(`${server.origin}/api/v1${path}`, { method, headers: { authorization: 'Bearer sk_demo', 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (res) => {
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    });
  await api('PATCH', '/settings', { rootCauses: [{ id: 'delivery', label: 'Late delivery' }, { id: 'billing', label: 'Billing' }] });
  for (const { daysAgo, rootCause } of RESOLVED) {
    const caseId = cases[HISTORY.findIndex((a) => a.daysAgo === daysAgo && a.score <= 6)];
    await api('POST', `/follow-ups/${caseId}/resolve`, { resolution: 'fixed', summary: 'Sorted out', rootCause });
  }
});
test.afterAll(async () => {
  await server.stop();
});

async function openResults(page: Page) {
  await signIn(page, server.origin, 'agent', '/console/results');
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expect(page.getByTestId('nps-value')).toHaveText(expectedNps);
}

/** The CSV a download link gives, BOM checked and removed. */
async function downloaded(page: Page, linkName: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8');
}

test('the NPS of the seeded answers, detractors clicked through, read state kept, CSV downloaded', async ({ page }) => {
  await openResults(page);
  const groups = page.getByRole('list', { name: 'Answers by group' });
  await expect(groups.getByRole('link', { name: /Detractors/ })).toContainText(String(detractors.length));
  await expect(groups.getByRole('link', { name: /Promoters/ })).toContainText(String(promoters.length));
  await expect(page.getByText(`NPS · ${HISTORY.length} answers`)).toBeVisible();
  // Themes: "delivery" and "late" come from three detractor comments; the checkout produces the most detractors.
  await expect(page.getByRole('list', { name: 'Words, most frequent first' }).getByRole('listitem').first()).toContainText(/delivery|late/);
  await expect(page.getByRole('region', { name: 'Pages with the most detractors' }).getByRole('listitem').first()).toContainText('/demo/checkout');

  const csv = await downloaded(page, 'Download responses (CSV)');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]?.split(',').map((cell) => cell.replace(/"/g, ''))).toEqual(
    ['id', 'survey_id', 'received_at', 'answered_at', 'finished', 'nps_score', 'group', 'comment', 'answers_json', 'page_url', 'locale', 'user_id', 'verified', 'anonymous_id', 'attributes_json', 'case_id', 'read'],
  );
  expect(csv.match(/^"[0-9a-f-]{36}"/gm)).toHaveLength(HISTORY.length);
  expect(csv).toContain('"Très bien, merci"');
  // The hostile comment is text behind a quote mark, not a formula.
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Checkout page kept crashing"")"`);

  await groups.getByRole('link', { name: /Detractors/ }).click();
  await expect(page.getByRole('heading', { name: 'Responses' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Responses, newest first' });
  await expect(list.getByRole('listitem')).toHaveCount(detractors.length);
  for (const item of await list.getByRole('listitem').all()) await expect(item).toContainText('Detractor');
  await expect(list.getByRole('listitem').first()).toContainText('Charged twice');
  await expect(list.getByRole('listitem').first().getByRole('link', { name: 'Open its case' })).toBeVisible();

  // Read state is the member's and the server's: still read after a reload.
  await list.getByRole('listitem').first().getByRole('button', { name: 'Mark read' }).click();
  await expect(list.getByRole('listitem').first().getByRole('button', { name: 'Mark unread' })).toBeVisible();
  await page.reload();
  await expect(list.getByRole('listitem').first().getByRole('button', { name: 'Mark unread' })).toBeVisible();
  await page.getByRole('link', { name: 'Unread', exact: true }).click();
  await expect(list.getByRole('listitem')).toHaveCount(detractors.length - 1);

  const detractorCsv = await downloaded(page, 'Download these (CSV)');
  expect(detractorCsv.match(/,"detractor",/g)).toHaveLength(detractors.length - 1);
});

test('the root causes the resolutions named, period by period, from the one stats read', async ({ page }) => {
  const statsReads: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v1/stats/follow-ups') statsReads.push(request.url());
  });
  await openResults(page);
  const table = page.getByRole('region', { name: 'Follow-up outcomes' }).getByRole('table', { name: 'Cases resolved with each root cause, per period' });
  // The default 30 days: four weeks and the two days left, oldest first (waiting for the panel, which loads apart).
  await expect(table.getByRole('columnheader')).toHaveCount(6);
  const headers = await table.getByRole('columnheader').allTextContents();
  expect(headers.slice(1).every((h) => /^From \d{1,2} [A-Z][a-z]{2}$/.test(h))).toBe(true);
  const counts = async (cause: string) => (await table.getByRole('row', { name: new RegExp(`^${cause}`) }).getByRole('cell').allTextContents()).slice(1);
  // Eight days apart, the two late deliveries fall in two different weeks; yesterday's billing case in the last period.
  const delivery = await counts('Late delivery');
  expect(delivery.filter((n) => n === '1')).toHaveLength(2);
  expect(delivery.filter((n) => n === '0')).toHaveLength(3);
  expect(await counts('Billing')).toEqual(['0', '0', '0', '0', '1']);
  expect(statsReads).toHaveLength(1);
});

test.describe('axe and screenshots', () => {
  // axe is injected as a script the console's strict CSP refuses (rightly); the test above runs under the CSP.
  test.use({ bypassCSP: true });
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390] as const) {
      test(`results and responses have no axe violations (${scheme}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await openResults(page);
      await expect(page.getByRole('region', { name: 'Follow-up outcomes' })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screens}/results-${scheme}-${width}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);

      await page.getByRole('list', { name: 'Answers by group' }).getByRole('link', { name: /Detractors/ }).click();
      await expect(page.getByRole('list', { name: 'Responses, newest first' }).getByRole('listitem')).toHaveCount(detractors.length);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screens}/responses-${scheme}-${width}.png`, fullPage: true });
    });
  }
}
});

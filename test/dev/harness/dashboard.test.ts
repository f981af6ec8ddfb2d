/**
 * The demo dashboard (`/dashboard`): two health gadget instances framed side by side, each with its own
 * stored configuration; in Chromium both gadgets render their own panels, each frame as tall as its gadget.
 */
import { chromium, type Browser } from 'playwright-core';
import { seedDemoDashboard } from '../../../dev/harness/dashboard';
import { startLocalServer, type LocalServer } from '../../../dev/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer({ port: 0, harness: { log: () => undefined } });
  seedDemoDashboard(server.harness);
});
afterAll(() => server.close());

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));

it('frames two gadget instances with their distinct stored configurations', async () => {
  const response = await fetch(`${server.url}/dashboard?as=local-po`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const frames = [...html.matchAll(/<iframe class="vr-dashboard__frame"([^>]*)>/g)].map((m) => {
    const attr = (name: string) => decode(new RegExp(`${name}="([^"]*)"`).exec(m[1] ?? '')?.[1] ?? '');
    return {
      src: attr('src'),
      id: attr('data-gadget-id'),
      config: JSON.parse(attr('data-config')) as unknown,
    };
  });
  expect(frames).toHaveLength(2);
  expect(frames.map((f) => f.id)).toEqual(['101', '102']);
  for (const f of frames) {
    expect(f.src).toContain('/module/valuerank-health-gadget?');
    expect(f.src).toContain(`gadget=${f.id}`);
    expect(f.src).toContain('embed=1');
  }
  expect(frames[0]?.config).toMatchObject({ boardId: 1, model: 'wsjf', topN: 10 });
  expect(frames[1]?.config).toEqual({
    boardId: 2,
    model: 'rice',
    topN: 5,
    panels: ['readiness', 'order'],
    refreshMinutes: 0,
  });

  // Each frame's shell hands its own configuration to the gadget.
  const stored = await Promise.all(
    ['101', '102'].map(async (id) =>
      (await fetch(`${server.url}/_local/gadget-config/valuerank-health-gadget%3Agadget-${id}`)).json(),
    ),
  );
  expect(stored).toEqual(frames.map((f) => f.config));
  const shell = await (await fetch(`${server.url}${frames[1]?.src ?? ''}`)).text();
  expect(shell).toContain('class="vr-embedded"');
  expect(shell).toContain('"gadgetConfiguration":{"boardId":2');

  // The index page links the dashboard.
  expect(await (await fetch(`${server.url}/`)).text()).toContain('href="/dashboard?as=local-po"');
});

describe('in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => browser?.close());

  it('renders both gadgets, each with its own panels', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/dashboard?as=local-po`);
    const gadget = (id: string) =>
      page.frameLocator(`iframe[data-gadget-id="${id}"]`).frameLocator('#vr-frame');
    const first = gadget('101');
    const second = gadget('102');
    await first.getByRole('heading', { name: 'Top 10 by value' }).waitFor({ timeout: 30_000 });
    await first.getByRole('heading', { name: 'Goal coverage' }).waitFor();
    await second.getByRole('heading', { name: 'Order health' }).waitFor({ timeout: 30_000 });
    await second.getByRole('heading', { name: 'Readiness' }).waitFor();
    expect(await first.getByText(/ · WSJF · /).count()).toBe(1);
    expect(await second.getByText(/ · RICE · /).count()).toBe(1);
    expect(await second.getByRole('heading', { name: /^Top \d+ by value$/ }).count()).toBe(0);
    // Each gadget's frame takes its content's height, as Jira sizes gadgets (no fixed height cutting it).
    for (const id of ['101', '102']) {
      await page.waitForFunction(
        `Number(document.querySelector('iframe[data-gadget-id="${id}"]')?.getAttribute('data-content-height')) > 240`,
        undefined,
        { timeout: 30_000 },
      );
    }
    // Once a gadget has settled, its frame is exactly as tall as the gadget's document.
    const gap = async (id: string) => {
      const app = page
        .frames()
        .find((f) => f.url().includes('/ui/') && f.parentFrame()?.url().includes(`gadget=${id}`));
      const documentHeight = await app!.evaluate<number>(
        'Math.ceil(document.documentElement.getBoundingClientRect().height)',
      );
      const box = await page.locator(`iframe[data-gadget-id="${id}"]`).boundingBox();
      return Math.abs(box!.height - documentHeight);
    };
    for (const id of ['101', '102']) {
      let last = await gap(id);
      for (let tries = 0; last > 1 && tries < 50; tries++) {
        await page.waitForTimeout(100);
        last = await gap(id);
      }
      expect(last).toBeLessThanOrEqual(1);
    }
    await page.screenshot({ path: '/tmp/valuerank-dashboard.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});

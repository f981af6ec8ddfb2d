/**
 * Browser tests on the local site: one local server and one Chromium per test file, a module page opened
 * with its errors collected, the Custom UI frame, and the luminance of a computed colour.
 */
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import type { LocalServer } from '../../dev/server';
import { launchChromium } from './browser';
import { lateServer, resetLocalServer, startTestServer, type LocalServerSetup } from './local-server';

export interface LocalSite {
  /** The running server (its properties throw before `beforeAll` has started it). */
  readonly server: LocalServer;
  /** The running browser (throws before `beforeAll` has launched it). */
  readonly browser: Browser;
}

/**
 * Registers `beforeAll` (start the local server and launch Chromium, together), `afterAll` (close both)
 * and, with `setup.reset`, `beforeEach` (put the server back) for this file; answers getters for both.
 */
export function useLocalSite(setup: LocalServerSetup = {}): LocalSite {
  let server: LocalServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(setup), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const late = lateServer(() => server);
  if (setup.reset?.length) beforeEach(() => resetLocalServer(late.url, setup.reset ?? []));
  return {
    server: late,
    get browser() {
      if (!browser) throw new Error('Chromium is not running: use it inside a test or a hook.');
      return browser;
    },
  };
}

export interface OpenModuleOptions {
  /** Default 1280 × 1000. */
  viewport?: { width: number; height: number };
  /** Also count every HTTP response of 400 or more as an error (`<status> <url>`); default true. */
  failedResponses?: boolean;
}

export interface OpenedModule {
  page: Page;
  /** The Custom UI's iframe in the Jira shell. */
  ui: FrameLocator;
  /** Console errors (but Chromium's "Failed to load resource" lines), page errors and, if asked, failed responses. */
  errors: string[];
}

/** Opens `url` (a `/module/...` page of the local site) in a new page, collecting its errors from the start. */
export async function openModule(
  browser: Browser,
  url: string,
  options: OpenModuleOptions = {},
): Promise<OpenedModule> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.failedResponses ?? true)
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
  await page.goto(url);
  return { page, ui: page.frameLocator('#vr-frame'), errors };
}

/** The Custom UI's frame (the first whose URL contains `urlPart`), for evaluating code in it. */
export function appFrame(page: Page, urlPart = '/ui/'): Frame {
  const frame = page.frames().find((f) => f.url().includes(urlPart));
  if (!frame) throw new Error('The Custom UI iframe is not there');
  return frame;
}

/** The relative luminance (0–255) of a computed `rgb(r, g, b)` colour: dark surfaces are low, light text high. */
export function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

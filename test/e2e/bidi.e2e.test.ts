/**
 * User text is isolated (bidi): a right-to-left override (U+202E) in an issue summary reverses the summary
 * itself, never the text after it. Seeded on the local site and seen in Chromium in the health gadget's top
 * list: the summary stands in a <bdi> whose computed `unicode-bidi` is `isolate`, and the text after it in
 * the row (the next cells) stays in order, to the right of it.
 */
import { appFrame, openModule, useLocalSite } from '../support/e2e';

const site = useLocalSite({ reset: ['site', 'kvs'] });
const RLO = '\u202E';

const open = (params: string, as = 'local-po') =>
  openModule(
    site.browser,
    `${site.server.url}/module/valuerank-health-gadget?as=${as}&${params}&theme=light`,
    { viewport: { width: 1100, height: 1400 }, failedResponses: false },
  );

async function setSummary(key: string, summary: string): Promise<void> {
  const r = await fetch(`${site.server.url}/rest/api/3/issue/${key}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'X-Local-User': 'local-po' },
    body: JSON.stringify({ fields: { summary } }),
  });
  expect(r.status).toBe(204);
}

interface Layout {
  tag: string;
  unicodeBidi: string;
  text: string;
  summary: { left: number; right: number };
  next: { left: number; right: number };
}

// Browser-side code as a string: the root tsconfig has no DOM types.
const layoutOf = (text: string) => `(() => {
  const el = Array.from(document.querySelectorAll('.vr-user-text')).find((e) => e.textContent.includes(${JSON.stringify(text)}));
  if (!el) return null;
  const cell = el.closest('td, th');
  const next = cell.nextElementSibling;
  const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right }; };
  return { tag: el.tagName, unicodeBidi: getComputedStyle(el).unicodeBidi, text: el.textContent, summary: box(el), next: box(next) };
})()`;

it('isolates a summary with U+202E: the text after it is not reversed', async () => {
  const edit = await open('gadget=31&edit=1');
  await edit.ui.getByRole('form', { name: 'Backlog health settings' }).waitFor();
  await edit.ui.getByLabel('Board').selectOption('1');
  await edit.ui.getByLabel('Items in the top list (1–50)').fill('5');
  await edit.ui.getByRole('button', { name: 'Save' }).click();
  const top = edit.ui.getByRole('table', { name: 'Top 5 by value' });
  await top.waitFor({ timeout: 30_000 });
  const row = (await top.locator('tbody tr').first().textContent()) ?? '';
  const key = /TRAIL-\d+/.exec(row)?.[0] as string;
  expect(key).toMatch(/^TRAIL-\d+$/);
  await edit.page.close();

  await setSummary(key, `${RLO}Reversed on purpose`);
  // Another viewer: the gadget caches each viewer's answer for a minute.
  const { page, ui, errors } = await open('gadget=31', 'local-dev');
  await ui.getByRole('table', { name: 'Top 5 by value' }).waitFor({ timeout: 30_000 });
  await ui.getByText('Reversed on purpose').first().waitFor({ timeout: 30_000 });
  const layout = (await appFrame(page).evaluate<Layout | null>(layoutOf('Reversed on purpose')))!;
  expect(layout).not.toBeNull();
  expect(layout.tag).toBe('BDI');
  expect(layout.unicodeBidi).toBe('isolate');
  expect(layout.text).toBe(`${RLO}Reversed on purpose`);
  // The row reads on, left to right: what follows the summary stands to its right.
  expect(layout.next.left).toBeGreaterThanOrEqual(layout.summary.right - 1);
  await page.screenshot({ path: '/tmp/valuerank-bidi-gadget.png' });
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

/**
 * The "Backlog health" dashboard gadget in a real browser (Chromium through playwright-core): the edit view
 * lists the viewer's boards; choosing board 1, a top 5 and every panel and saving (`view.submit`) shows the
 * view, where each panel renders, in light and dark. Screenshots go to /tmp/valuerank-gadget-*.png.
 */
import { openModule, useLocalSite, type OpenedModule } from '../support/e2e';

const SHOTS = '/tmp/valuerank-gadget';

const site = useLocalSite();
const { server } = site;

function open(params: string, theme: 'light' | 'dark' = 'light'): Promise<OpenedModule> {
  return openModule(
    site.browser,
    `${server.url}/module/valuerank-health-gadget?as=local-po&${params}&theme=${theme}`,
    { viewport: { width: 1100, height: 1400 }, failedResponses: false },
  );
}

it('is configured in the edit view, saved with view.submit, and shows every panel', async () => {
  const { page, ui, errors } = await open('gadget=7&edit=1');
  const form = ui.getByRole('form', { name: 'Backlog health settings' });
  await form.waitFor();
  await ui.getByLabel('Board').selectOption('1');
  await ui.getByLabel('Items in the top list (1–50)').fill('5');
  await ui.getByLabel('Refresh').selectOption('15');
  await page.screenshot({ path: `${SHOTS}-edit.png` });
  await ui.getByRole('button', { name: 'Save' }).click();

  // The shell stores the configuration per gadget and reopens the view.
  await ui.getByRole('heading', { name: 'Top 5 by value' }).waitFor({ timeout: 20_000 });
  const saved = (await (
    await fetch(`${server.url}/_local/gadget-config/valuerank-health-gadget%3Agadget-7`)
  ).json()) as {
    boardId: number;
    topN: number;
    refreshMinutes: number;
  };
  expect(saved).toMatchObject({ boardId: 1, topN: 5, refreshMinutes: 15 });

  for (const heading of [
    'Readiness',
    'Value vs effort',
    'Order health',
    'Refinement agenda',
    'Trend',
    'Goal coverage',
  ])
    await ui.getByRole('heading', { name: heading }).waitFor();
  const topRows = ui.getByRole('table', { name: 'Top 5 by value' }).locator('tbody tr');
  expect(await topRows.count()).toBe(5);
  await expect(ui.getByTestId('ready-all').textContent()).resolves.toMatch(/^\d+% \(\d+ of \d+\)$/);
  await expect(ui.getByTestId('order-overlap').textContent()).resolves.toMatch(/^\d+%|—$/);
  expect(
    await ui
      .getByRole('table', { name: 'Items per quadrant (split at the medians)' })
      .locator('tbody tr')
      .count(),
  ).toBe(4);
  await ui.getByRole('button', { name: 'Show the chart as a table' }).click();
  await ui.getByRole('table', { name: 'Value and effort per item' }).waitFor();
  await page.screenshot({ path: `${SHOTS}-view.png`, fullPage: true });
  expect(errors).toEqual([]);
  await page.close();

  // The same gadget in the dark theme: the saved configuration, every panel.
  const dark = await open('gadget=7', 'dark');
  await dark.ui.getByRole('heading', { name: 'Refinement agenda' }).waitFor({ timeout: 20_000 });
  await dark.page.screenshot({ path: `${SHOTS}-dark.png`, fullPage: true });
  expect(dark.errors).toEqual([]);
  await dark.page.close();
}, 90_000);

it('asks for a board when the gadget has no configuration yet', async () => {
  const { page, ui } = await open('gadget=8');
  await ui.getByText('Choose a board', { exact: true }).waitFor({ timeout: 20_000 });
  await page.close();
});

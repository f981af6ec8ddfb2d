/**
 * The "Backlog health" dashboard gadget in a real browser (Chromium through playwright-core): the edit view
 * lists the viewer's boards and every scoring model, refuses a top list over 50 with a message; choosing
 * board 1, a top 5 and every panel and saving (`view.submit`) shows the view, where each panel renders
 * (with "Waiting for the PO"), in light and dark. Set to ICE, which reads the demo's percentages as 1–10
 * points, the gadget says why nothing is scored and what to do, never "0 of 0" or "every item is ready".
 * Screenshots go to /tmp/valuerank-gadget-*.png.
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
  const models = await ui.getByLabel('Scoring model').locator('option').allTextContents();
  expect(models).toEqual([
    "The project's model",
    'WSJF',
    'RICE',
    'ICE',
    'Value / effort',
    'MoSCoW',
    'CD3',
    'Custom formula',
  ]);
  const top = ui.getByLabel('Items in the top list (1–50)');
  await top.fill('500');
  await ui.getByText('The top list shows at most 50 items; 500 is more. Enter 1 to 50.').first().waitFor();
  await ui.getByRole('button', { name: 'Save' }).click();
  await ui
    .getByRole('alert')
    .getByText(/at most 50 items/)
    .waitFor();
  await top.fill('5');
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
    'Waiting for the PO',
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

  // ICE on the demo scores nothing until told confidence is a percentage: the gadget says why, and what next.
  const edit = await open('gadget=7&edit=1');
  await edit.ui.getByLabel('Scoring model').selectOption('ice');
  expect(await edit.ui.getByLabel('ICE reads confidence as').inputValue()).toBe('points');
  await edit.ui.getByRole('button', { name: 'Save' }).click();
  const notice = edit.ui.getByRole('status').filter({ hasText: 'ICE scores none of' });
  await notice.waitFor({ timeout: 20_000 });
  await notice.getByText(/^ICE scores none of \d+ issues: Confidence is \d+, above 10/).waitFor();
  await notice.getByText(/Set how ICE reads confidence/).waitFor();
  await edit.ui.getByText('No issue has a score, so there is no top list.', { exact: false }).waitFor();
  const shown = (await edit.ui.locator('.vr-gadget').textContent()) ?? '';
  expect(shown).not.toMatch(/0% \(0 of 0\)|Every scored (item|issue) is ready/);
  await edit.page.screenshot({ path: `${SHOTS}-ice.png`, fullPage: true });
  expect(edit.errors).toEqual([]);
  await edit.page.close();
}, 120_000);

it('asks for a board when the gadget has no configuration yet', async () => {
  const { page, ui } = await open('gadget=8');
  await ui.getByText('Choose a board', { exact: true }).waitFor({ timeout: 20_000 });
  await page.close();
});

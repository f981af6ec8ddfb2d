/**
 * Field mapping with the picker, in a real browser on the local site (real resolvers, the local Jira's field
 * search). The Product Owner makes ICE score the demo (confidence is a percentage there, which ICE reads as
 * points until told), then maps Business Value to another field by searching and picking it: a field of the
 * wrong type cannot be picked, the new field's coverage shows, a select list gets a scale (and MoSCoW its
 * buckets), the mapping is saved and the scores read it. axe-core finds no serious or critical violation
 * with the picker open, nor with the scale and bucket editors shown.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { invokeData } from '../support/invoke';
import { appFrame, openModule, useLocalSite } from '../support/e2e';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical WCAG 2.1 A/AA violations in the app's frame, as it is now. */
async function serious(page: Page): Promise<string[]> {
  const frame = appFrame(page);
  if (!(await frame.evaluate<boolean>("'axe' in window"))) await frame.evaluate(AXE);
  const result = await frame.evaluate<{
    violations: Array<{ id: string; impact: string | null; nodes: unknown[] }>;
  }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length})`);
}

const site = useLocalSite({ reset: ['kvs'] });
const { server } = site;

it('searches a field, picks it, saves the mapping, and the scores read it; ICE scores once told the unit', async () => {
  const opened = await openModule(
    site.browser,
    `${server.url}/module/valuerank-project-page?as=local-po&project=TRAIL&theme=light`,
  );
  const { ui, errors } = opened;
  await ui.getByRole('heading', { name: /^TRAIL board, ranked by / }).waitFor({ timeout: 30_000 });

  // ICE: every issue unscored while confidence (a percentage in the demo) is read as ICE points.
  await ui.getByLabel('Scoring model').selectOption('ice');
  await ui.getByRole('heading', { name: 'TRAIL board, ranked by ICE' }).waitFor({ timeout: 30_000 });
  const asPoints = await invokeData(server.url, 'prioritize.load', { boardId: 1, model: { kind: 'ice' } });
  if ('pending' in asPoints) throw new Error('pending');
  await ui.getByLabel('ICE reads confidence as').selectOption('percent');
  await ui.getByText('Use ICE for TRAIL').waitFor({ timeout: 30_000 });
  await opened.page.screenshot({ path: '/tmp/valuerank-mapping-model.png' });
  const asPercent = await invokeData(server.url, 'prioritize.load', {
    boardId: 1,
    model: { kind: 'ice', confidenceUnit: 'percent' },
  });
  if ('pending' in asPercent) throw new Error('pending');
  expect(asPercent.unscored).toBeLessThan(asPoints.unscored);
  await ui.getByLabel('Scoring model').selectOption('wsjf');
  await ui.getByRole('heading', { name: 'TRAIL board, ranked by WSJF' }).waitFor({ timeout: 30_000 });

  // The mapping: every mapped input says what it covers on this board.
  await ui
    .getByText(/^Field mapping/)
    .first()
    .click();
  const coverage = ui.locator('[data-coverage="businessValue"]');
  await coverage.getByText(/^Business Value: set on \d+ of \d+/).waitFor({ timeout: 30_000 });

  // The picker: search, a field of the wrong type is greyed out with why, pick Impact with the keyboard.
  await ui.getByRole('button', { name: 'Change the field for Business Value' }).click();
  const search = ui.getByRole('combobox', { name: /Search the site's fields for Business Value/ });
  await search.fill('assig');
  const assignee = ui.getByRole('option', { name: /Assignee/ });
  await assignee.waitFor();
  expect(await assignee.getAttribute('aria-disabled')).toBe('true');
  await assignee.getByText(/needs a number or select field/).waitFor();
  expect(await serious(opened.page)).toEqual([]);
  await search.fill('impa');
  await ui.getByRole('option', { name: /Impact.*customfield_10034/ }).waitFor();
  await search.press('Enter');
  await coverage.getByText(/^Impact: set on \d+ of \d+/).waitFor({ timeout: 30_000 });

  // A select list feeds a number through a scale: Team for Confidence, each option given a number.
  await ui.getByRole('button', { name: 'Change the field for Confidence' }).click();
  await ui.getByRole('combobox', { name: /for Confidence/ }).fill('team');
  await ui.getByRole('option', { name: /^Team.*Select List/ }).click();
  const confidence = ui.locator('[data-coverage="confidence"]');
  await confidence.getByText(/^Team: set on \d+ of \d+, none usable/).waitFor({ timeout: 30_000 });
  const scale = ui.getByRole('group', { name: "Scale for Confidence: each option's number" });
  const inputs = scale.getByRole('textbox');
  const options = await inputs.count();
  expect(options).toBeGreaterThan(1);
  await inputs.first().fill('-1');
  await scale.getByText('Scores are not negative: enter 0 or more.').waitFor();
  expect(await ui.getByRole('button', { name: /^Save/ }).isDisabled()).toBe(true);
  for (let i = 0; i < options; i++) await inputs.nth(i).fill(String(50 + 10 * i));
  await confidence.getByText(/^Team: set on \d+ of \d+, all usable/).waitFor({ timeout: 30_000 });
  // MoSCoW reads buckets: options the default table does not know are put in one.
  await ui.getByRole('button', { name: 'Change the field for MoSCoW' }).click();
  await ui.getByRole('combobox', { name: /for MoSCoW/ }).fill('team');
  await ui.getByRole('option', { name: /^Team.*Select List/ }).click();
  const moscow = ui.locator('[data-coverage="moscow"]');
  await moscow.getByText(/^Team: set on \d+ of \d+, none usable/).waitFor({ timeout: 30_000 });
  const buckets = ui.getByRole('group', { name: 'MoSCoW bucket of each option' }).getByRole('combobox');
  const teams = await buckets.count();
  for (let i = 0; i < teams; i++) await buckets.nth(i).selectOption(i === 0 ? 'must' : 'could');
  await moscow.getByText(/^Team: set on \d+ of \d+, all usable/).waitFor({ timeout: 30_000 });
  await opened.page.screenshot({ path: '/tmp/valuerank-mapping.png', fullPage: true });
  expect(await serious(opened.page)).toEqual([]);

  await ui.getByRole('button', { name: /^Save/ }).click();
  await ui.getByText('Mapping saved. The scores now read these fields.').waitFor({ timeout: 30_000 });

  const view = await invokeData(server.url, 'prioritize.load', { boardId: 1 });
  if ('pending' in view) throw new Error('pending');
  expect(view.mappingProposed).toBe(false);
  expect(view.mapping.businessValue).toEqual({ fieldId: 'customfield_10034', fieldName: 'Impact' });
  expect(view.mapping.confidence).toMatchObject({ fieldId: 'customfield_10038', fieldName: 'Team' });
  expect(Object.values(view.mapping.confidence?.options ?? {})).toHaveLength(options);
  expect(view.mapping.moscow?.fieldId).toBe('customfield_10038');
  expect(Object.values(view.mapping.moscow?.table ?? {})).toContain('must');
  const scored = view.rows.find((r) => r.score !== null);
  expect(JSON.stringify(scored?.explanation)).toContain('customfield_10034');
  expect(errors).toEqual([]);
  await opened.page.close();
}, 120_000);

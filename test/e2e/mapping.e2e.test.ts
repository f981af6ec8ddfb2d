/**
 * Field mapping with the picker, in a real browser on the local site (real resolvers, the local Jira's field
 * search). The Product Owner makes ICE score the demo (confidence is a percentage there, which ICE reads as
 * points until told), then maps Business Value to another field by searching and picking it: a field of the
 * wrong type cannot be picked, the new field's coverage shows, the mapping is saved and the scores read it.
 */
import { invokeData } from '../support/invoke';
import { openModule, useLocalSite } from '../support/e2e';

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
  await search.fill('impa');
  await ui.getByRole('option', { name: /Impact.*customfield_10034/ }).waitFor();
  await search.press('Enter');
  await coverage.getByText(/^Impact: set on \d+ of \d+/).waitFor({ timeout: 30_000 });

  await ui.getByRole('button', { name: /^Save/ }).click();
  await ui.getByText('Mapping saved. The scores now read these fields.').waitFor({ timeout: 30_000 });

  const view = await invokeData(server.url, 'prioritize.load', { boardId: 1 });
  if ('pending' in view) throw new Error('pending');
  expect(view.mappingProposed).toBe(false);
  expect(view.mapping.businessValue).toEqual({ fieldId: 'customfield_10034', fieldName: 'Impact' });
  const scored = view.rows.find((r) => r.score !== null);
  expect(JSON.stringify(scored?.explanation)).toContain('customfield_10034');
  expect(errors).toEqual([]);
  await opened.page.close();
}, 120_000);

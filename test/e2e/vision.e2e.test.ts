/**
 * The Vision tab in a real browser (Chromium through playwright-core): the built Custom UI in the Jira shell,
 * the real bridge and resolvers on the emulated Forge runtime and KVS.
 *
 * The Product Owner edits the vision board and saves it, adds a note, and is stopped by a conflict when
 * someone saved in between (simulated with a save through /_local/invoke): the merge view shows theirs and
 * yours side by side, and the merge saves as a new version with nothing lost. The viewer gets a read view.
 * The PO picks the role whose members may also edit (ADR 6): then the developer edits, the viewer still reads.
 * The dark theme renders with token colours. Screenshots go to /tmp/valuerank-vision-*.png.
 */
import { appFrame, luminance, openModule, useLocalSite, type OpenedModule } from '../support/e2e';
import { invokeData, invokeResolver, type InvokeContext } from '../support/invoke';
import { seedDemoVision } from '../../dev/demo/vision';

const SHOTS = '/tmp/valuerank-vision';

const site = useLocalSite({ reset: ['kvs'] });
const { server } = site;

async function open(accountId: string, theme: 'light' | 'dark' = 'light'): Promise<OpenedModule> {
  const opened = await openModule(
    site.browser,
    `${server.url}/module/valuerank-project-page?as=${accountId}&project=TRAIL&theme=${theme}`,
  );
  await opened.ui.getByRole('tab', { name: 'Vision' }).click({ timeout: 30_000 });
  return opened;
}

/** The project page's context for the saves and reads made beside the browser (the project by key only). */
const PROJECT_PAGE: InvokeContext = {
  moduleKey: 'valuerank-project-page',
  extension: { project: { key: 'TRAIL' } },
};

it('the PO edits and saves the board, adds a note, and merges after a conflicting save', async () => {
  const { page, ui, errors } = await open('local-po');
  const board = ui.getByRole('region', { name: 'Product vision board' });
  await board.getByText('No vision yet.').waitFor();

  // Edit and save: version 1.
  await ui.getByRole('button', { name: 'Edit vision' }).click();
  const form = ui.getByRole('form', { name: 'Edit the product vision board' });
  await form.getByLabel('Vision', { exact: true }).fill('Every hiker finds a trail <b>they</b> can finish.');
  await form.getByLabel('Needs').fill('Offline maps');
  await form.getByRole('button', { name: 'Add goal' }).click();
  await form.getByLabel('Goal 1 name').fill('Hikers come back');
  await form.getByLabel('Goal 1 measurable target').fill('40% monthly return');
  await form.getByLabel('Goal 1 weight').fill('8');
  await form.getByRole('button', { name: 'Save as version 1' }).click();
  await ui.getByText('Saved as version 1.').waitFor();
  // User text is shown as text, never as HTML.
  await board.getByText('Every hiker finds a trail <b>they</b> can finish.').waitFor();
  await board.getByRole('cell', { name: 'Hikers come back' }).waitFor();
  const stored = await invokeData(
    server.url,
    'vision.get',
    { projectKey: 'TRAIL' },
    'local-po',
    PROJECT_PAGE,
  );
  expect(stored.current?.board).toMatchObject({
    needs: 'Offline maps',
    goals: [{ name: 'Hikers come back', target: '40% monthly return', weight: 8, status: 'active' }],
  });

  // A note.
  await ui.getByText('Add a note').click();
  const noteForm = ui.getByRole('form', { name: 'Add note' });
  await noteForm.getByLabel('Title').fill('Hikers plan on Thursday');
  await noteForm.getByLabel('Tags (comma-separated)').fill('analytics, planning');
  await noteForm.getByLabel('Note').fill('Most weekend hikes are planned mid-week.');
  await noteForm.getByRole('button', { name: 'Add note' }).click();
  const notes = ui.getByRole('list', { name: 'Notes' });
  await notes.getByText('Hikers plan on Thursday', { exact: true }).waitFor();
  await notes.getByText('by Amara Okafor', { exact: false }).waitFor();

  // Someone saves version 2 while the PO edits version 1.
  await ui.getByRole('button', { name: 'Edit vision' }).click();
  await form.getByLabel('Needs').fill('Offline maps and live trail conditions');
  const theirs = await invokeResolver(
    server.url,
    'vision.save',
    {
      projectKey: 'TRAIL',
      board: { ...stored.current?.board, product: 'Trailhead, the trail finder' },
      expectedVersion: 1,
    },
    'local-po',
    PROJECT_PAGE,
  );
  expect(theirs.ok).toBe(true);
  await form.getByRole('button', { name: 'Save as version 2' }).click();
  const merge = ui.getByRole('region', { name: 'Merge your changes' });
  await merge.getByText('Someone else saved the vision while you were editing.').waitFor();
  // Both texts side by side: their product, your needs.
  await merge.getByText('Trailhead, the trail finder').waitFor();
  await merge.getByText('Offline maps and live trail conditions').waitFor();
  await page.screenshot({ path: `${SHOTS}-merge.png` });
  // Only they changed the product: theirs is preselected there, yours where you edited.
  expect(await merge.getByRole('group', { name: 'Product' }).getByLabel('Keep theirs').isChecked()).toBe(
    true,
  );
  expect(await merge.getByRole('group', { name: 'Needs' }).getByLabel('Keep yours').isChecked()).toBe(true);
  await merge.getByRole('button', { name: 'Save merge as version 3' }).click();
  await ui.getByText('Saved as version 3.').waitFor();
  const merged = await invokeData(
    server.url,
    'vision.get',
    { projectKey: 'TRAIL' },
    'local-po',
    PROJECT_PAGE,
  );
  expect(merged.current?.board).toMatchObject({
    product: 'Trailhead, the trail finder',
    needs: 'Offline maps and live trail conditions',
  });

  // History shows three versions with who saved them.
  await ui.getByRole('table', { name: 'Versions of the vision' }).getByRole('row').nth(3).waitFor();
  await page.screenshot({ path: `${SHOTS}-saved.png`, fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
}, 90_000);

it('the viewer reads the board without edit controls', async () => {
  seedDemoVision(server.harness.kvs);
  const { page, ui, errors } = await open('local-viewer');
  await ui.getByText('Editors: project administrators only.').waitFor();
  await ui
    .getByRole('region', { name: 'Product vision board' })
    .getByText('Anyone can book a great guided trip outdoors in two minutes', { exact: false })
    .waitFor();
  expect(await ui.getByRole('button', { name: 'Edit vision' }).count()).toBe(0);
  await ui.getByRole('list', { name: 'Notes' }).getByText('Alps launch goal achieved').waitFor();
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

it('the PO lets the Developers role edit; the developer then edits, the viewer reads who may', async () => {
  seedDemoVision(server.harness.kvs);
  const po = await open('local-po');
  const picker = po.ui.getByRole('form', { name: 'Who can edit the vision' });
  const select = picker.getByLabel('Who can edit');
  await select.waitFor();
  expect(await select.inputValue()).toBe('');
  await select.selectOption({ label: 'Project administrators and members of Developers' });
  await picker.getByRole('button', { name: 'Save editors' }).click();
  await picker.getByText('Saved. Editors: project administrators and members of Developers.').waitFor();
  await po.page.screenshot({ path: `${SHOTS}-editors.png` });
  expect(po.errors).toEqual([]);
  await po.page.close();

  const dev = await open('local-dev');
  await dev.ui.getByText('Editors: project administrators and members of Developers.').waitFor();
  await dev.ui.getByRole('button', { name: 'Edit vision' }).waitFor();
  expect(await dev.ui.getByRole('form', { name: 'Who can edit the vision' }).count()).toBe(0);
  expect(dev.errors).toEqual([]);
  await dev.page.close();

  const viewer = await open('local-viewer');
  await viewer.ui.getByText('Editors: project administrators and members of Developers.').waitFor();
  expect(await viewer.ui.getByRole('button', { name: 'Edit vision' }).count()).toBe(0);
  await viewer.page.close();
}, 90_000);

it('renders the demo vision in the dark theme with token colours', async () => {
  seedDemoVision(server.harness.kvs);
  const { page, ui, errors } = await open('local-po', 'dark');
  const frame = appFrame(page);
  await frame.waitForFunction("document.documentElement.getAttribute('data-color-mode') === 'dark'");
  await ui
    .getByRole('region', { name: 'Product vision board' })
    .getByText('Anyone can book a great guided trip outdoors in two minutes', { exact: false })
    .waitFor();
  const colours = await frame.evaluate<{ body: string; text: string; cell: string }>(`(() => {
    const cell = document.querySelector('.vr-vision__cell');
    const text = document.querySelector('.vr-vision__text');
    return {
      body: getComputedStyle(document.body).backgroundColor,
      text: text ? getComputedStyle(text).color : '',
      cell: cell ? getComputedStyle(cell).backgroundColor : '',
    };
  })()`);
  expect(luminance(colours.body)).toBeLessThan(80);
  expect(luminance(colours.cell)).toBeLessThan(80);
  expect(luminance(colours.text)).toBeGreaterThan(150);
  await page.screenshot({ path: `${SHOTS}-dark.png`, fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

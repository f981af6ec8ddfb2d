/**
 * The Prioritize view and preview whole, as tests check them: `prioritize.load` answers counts and the first
 * rows and `prioritize.preview` a summary (docs/adr/0011-view-snapshots.md); these read the rest the way the
 * UI does (`prioritize.rows`), or the orders from the analysis.
 */
import { analyzeBoard, previewPrioritize, type ServiceDeps } from '../../src/features/prioritize';
import type { BoardInput } from '../../src/features/prioritize';
import type { PrioritizedItem, PrioritizeView, ResolverKey } from '../../src/resolvers/api';
import type { Answers } from '../../src/resolvers/api';

type Data = <K extends ResolverKey>(key: K, payload: unknown) => Promise<Answers[K]>;

/** `prioritize.load`, then every row in current order through `prioritize.rows` (as `items`). */
export async function loadWholeView(
  data: Data,
  payload: Record<string, unknown>,
): Promise<PrioritizeView & { items: PrioritizedItem[] }> {
  const view = await data('prioritize.load', payload);
  if ('pending' in view) throw new Error(`prioritize.load answered pending: ${JSON.stringify(view.status)}`);
  const items: PrioritizedItem[] = [];
  for (let from = 0; from < view.total; from += 200)
    items.push(...(await data('prioritize.rows', { ...payload, order: 'current', from, count: 200 })).rows);
  return { ...view, items };
}

/** The preview service's answer (never pending here), with the orders it was planned between. */
export async function plannedPreview(deps: ServiceDeps, input: BoardInput) {
  const preview = await previewPrioritize(deps, input);
  if ('pending' in preview) throw new Error('prioritize.preview answered pending');
  const a = await analyzeBoard(deps, input.boardId, { model: input.model, otherBoards: false });
  return { ...preview, before: a.before, after: a.after };
}

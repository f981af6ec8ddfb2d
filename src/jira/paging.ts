/** Jira Software answers at most 50 items a page on its Agile API. */
export const AGILE_PAGE_SIZE = 50;

/**
 * Every item of a list Jira pages by `startAt`, read one page after another from 0: `read` fetches the page
 * at `startAt`, `items` are its items, and `isLast(page, next)` says whether it was the last (`next` is the
 * `startAt` of the page after it). An empty page is always the last.
 */
export async function readAllByStartAt<P, T>(
  read: (startAt: number) => Promise<P>,
  items: (page: P) => readonly T[],
  isLast: (page: P, next: number) => boolean,
): Promise<T[]> {
  const all: T[] = [];
  for (let startAt = 0; ;) {
    const page = await read(startAt);
    const got = items(page);
    all.push(...got);
    startAt += got.length;
    if (got.length === 0 || isLast(page, startAt)) return all;
  }
}

/** Every item of every page, in order. */
export async function collect<T>(pages: AsyncGenerator<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

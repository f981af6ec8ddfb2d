import Resolver from '@forge/resolver';
import { payloads, type Answers, type ResolverKey } from './api';
import { defineResolver, type ResolverRequest } from './define';
import { boardBacklog, siteOverview } from './overview';
import type { ResolverResult } from './result';

type Definitions = { [K in ResolverKey]: (request: ResolverRequest) => Promise<ResolverResult<Answers[K]>> };

/** Every resolver the UI can invoke, by key. */
export const definitions: Definitions = {
  'site.overview': defineResolver(payloads['site.overview'], siteOverview),
  'board.backlog': defineResolver(payloads['board.backlog'], boardBacklog),
};

const resolver = new Resolver();
for (const [key, fn] of Object.entries(definitions))
  resolver.define(key, fn as Parameters<typeof resolver.define>[1]);

export const handler = resolver.getDefinitions();

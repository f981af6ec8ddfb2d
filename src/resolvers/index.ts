import Resolver from '@forge/resolver';
import { payloads, type Answers, type ResolverKey } from './api';
import { defineResolver, type ResolverRequest } from './define';
import { boardBacklog, siteOverview } from './overview';
import * as prioritize from './prioritize';
import type { ResolverResult } from './result';

type Definitions = { [K in ResolverKey]: (request: ResolverRequest) => Promise<ResolverResult<Answers[K]>> };

/** Every resolver the UI can invoke, by key. */
export const definitions: Definitions = {
  'site.overview': defineResolver(payloads['site.overview'], siteOverview),
  'board.backlog': defineResolver(payloads['board.backlog'], boardBacklog),
  'prioritize.load': defineResolver(payloads['prioritize.load'], prioritize.load),
  'prioritize.preview': defineResolver(payloads['prioritize.preview'], prioritize.preview),
  'prioritize.apply': defineResolver(payloads['prioritize.apply'], prioritize.apply),
  'prioritize.progress': defineResolver(payloads['prioritize.progress'], prioritize.progress),
  'prioritize.undo': defineResolver(payloads['prioritize.undo'], prioritize.undo),
  'prioritize.history': defineResolver(payloads['prioritize.history'], prioritize.history),
  'prioritize.pin': defineResolver(payloads['prioritize.pin'], prioritize.pin),
  'prioritize.setModel': defineResolver(payloads['prioritize.setModel'], prioritize.setModel),
  'mapping.save': defineResolver(payloads['mapping.save'], prioritize.saveMapping),
  'score.history': defineResolver(payloads['score.history'], prioritize.scoreHistory),
};

const resolver = new Resolver();
for (const [key, fn] of Object.entries(definitions))
  resolver.define(key, fn as Parameters<typeof resolver.define>[1]);

export const handler = resolver.getDefinitions();

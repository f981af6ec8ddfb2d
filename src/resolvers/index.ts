import Resolver from '@forge/resolver';
import { payloads, type Answers, type ResolverKey } from './api';
import * as goals from '../features/goals/service';
import { boardBacklog, siteOverview } from '../features/overview';
import * as vision from '../features/vision/service';
import type { ResolverResult } from '../shared/errors';
import { defineResolver, projectOf, type ResolverRequest } from './define';
import * as gadget from './health';
import * as mapping from './mapping';
import * as prioritize from './prioritize';
import * as questions from './questions';
import * as readiness from './readiness';
import * as sessions from './sessions';

type Definitions = { [K in ResolverKey]: (request: ResolverRequest) => Promise<ResolverResult<Answers[K]>> };

/** Every resolver the UI can invoke, by key. */
export const definitions: Definitions = {
  'vision.get': defineResolver(payloads['vision.get'], vision.get),
  'vision.save': defineResolver(payloads['vision.save'], vision.save),
  'vision.history': defineResolver(payloads['vision.history'], vision.history),
  'vision.restore': defineResolver(payloads['vision.restore'], vision.restore),
  'vision.notes.list': defineResolver(payloads['vision.notes.list'], vision.listNotesPage),
  'vision.notes.add': defineResolver(payloads['vision.notes.add'], vision.addNote),
  'vision.notes.update': defineResolver(payloads['vision.notes.update'], vision.updateNote),
  'vision.notes.delete': defineResolver(payloads['vision.notes.delete'], vision.removeNote),
  'vision.export': defineResolver(payloads['vision.export'], vision.exportMarkdown),
  'vision.settings.get': defineResolver(payloads['vision.settings.get'], vision.getSettings),
  'vision.settings.save': defineResolver(payloads['vision.settings.save'], vision.saveSettings),
  'goals.tag': defineResolver(payloads['goals.tag'], goals.tag),
  'goals.bulkTag': defineResolver(payloads['goals.bulkTag'], goals.bulkTag),
  'goals.forIssue': defineResolver(payloads['goals.forIssue'], goals.forIssue),
  'site.overview': defineResolver(payloads['site.overview'], (_p, call) =>
    siteOverview(call, { projectKey: projectOf(call) }),
  ),
  'board.backlog': defineResolver(payloads['board.backlog'], (p, call) =>
    boardBacklog(call, { boardId: p.boardId, projectKey: projectOf(call) }),
  ),
  'prioritize.load': defineResolver(payloads['prioritize.load'], prioritize.load),
  'prioritize.preview': defineResolver(payloads['prioritize.preview'], prioritize.preview),
  'prioritize.rows': defineResolver(payloads['prioritize.rows'], prioritize.rows),
  'prioritize.apply': defineResolver(payloads['prioritize.apply'], prioritize.apply),
  'prioritize.progress': defineResolver(payloads['prioritize.progress'], prioritize.progress),
  'prioritize.resume': defineResolver(payloads['prioritize.resume'], prioritize.resume),
  'prioritize.abandon': defineResolver(payloads['prioritize.abandon'], prioritize.abandon),
  'prioritize.undo': defineResolver(payloads['prioritize.undo'], prioritize.undo),
  'prioritize.history': defineResolver(payloads['prioritize.history'], prioritize.history),
  'prioritize.pin': defineResolver(payloads['prioritize.pin'], prioritize.pin),
  'prioritize.pinMany': defineResolver(payloads['prioritize.pinMany'], prioritize.pinMany),
  'prioritize.setModel': defineResolver(payloads['prioritize.setModel'], prioritize.setModel),
  'prioritize.find': defineResolver(payloads['prioritize.find'], prioritize.find),
  'prioritize.setInput': defineResolver(payloads['prioritize.setInput'], prioritize.setInput),
  'mapping.save': defineResolver(payloads['mapping.save'], prioritize.saveMapping),
  'mapping.fields': defineResolver(payloads['mapping.fields'], mapping.fields),
  'mapping.coverage': defineResolver(payloads['mapping.coverage'], mapping.coverage),
  'score.history': defineResolver(payloads['score.history'], prioritize.scoreHistory),
  'readiness.check': defineResolver(payloads['readiness.check'], readiness.check),
  'readiness.badge': defineResolver(payloads['readiness.badge'], readiness.badge),
  'readiness.recheck.start': defineResolver(payloads['readiness.recheck.start'], readiness.startRecheckRun),
  'readiness.recheck.progress': defineResolver(payloads['readiness.recheck.progress'], readiness.recheckRun),
  'readiness.recheck.resume': defineResolver(
    payloads['readiness.recheck.resume'],
    readiness.resumeRecheckRun,
  ),
  'readiness.recheck.abandon': defineResolver(
    payloads['readiness.recheck.abandon'],
    readiness.abandonRecheckRun,
  ),
  'readiness.rules.get': defineResolver(payloads['readiness.rules.get'], readiness.getRules),
  'readiness.rules.save': defineResolver(payloads['readiness.rules.save'], readiness.saveRules),
  'readiness.rules.reset': defineResolver(payloads['readiness.rules.reset'], readiness.resetRules),
  'readiness.rules.try': defineResolver(payloads['readiness.rules.try'], readiness.tryRules),
  'gadget.health': defineResolver(payloads['gadget.health'], gadget.health),
  'gadget.boards': defineResolver(payloads['gadget.boards'], gadget.boards),
  'questions.forIssue': defineResolver(payloads['questions.forIssue'], questions.forIssue),
  'questions.ask': defineResolver(payloads['questions.ask'], questions.ask),
  'questions.answer': defineResolver(payloads['questions.answer'], questions.answer),
  'questions.list': defineResolver(payloads['questions.list'], questions.list),
  'sessions.list': defineResolver(payloads['sessions.list'], sessions.list),
  'sessions.options': defineResolver(payloads['sessions.options'], sessions.options),
  'sessions.users': defineResolver(payloads['sessions.users'], sessions.users),
  'sessions.start': defineResolver(payloads['sessions.start'], sessions.start),
  'sessions.get': defineResolver(payloads['sessions.get'], sessions.get),
  'sessions.rate': defineResolver(payloads['sessions.rate'], sessions.rate),
  'sessions.reveal': defineResolver(payloads['sessions.reveal'], sessions.reveal),
  'sessions.commit': defineResolver(payloads['sessions.commit'], sessions.commit),
  'sessions.close': defineResolver(payloads['sessions.close'], sessions.close),
  'sessions.issueHistory': defineResolver(payloads['sessions.issueHistory'], sessions.issueHistory),
};

const resolver = new Resolver();
for (const [key, fn] of Object.entries(definitions))
  resolver.define(key, fn as Parameters<typeof resolver.define>[1]);

export const handler = resolver.getDefinitions();

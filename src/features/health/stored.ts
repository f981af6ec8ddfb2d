/** The health feature wired to the app's storage: settings, readiness rules and the board trends. */
import type { JiraClient } from '../../jira/client';
import { getHealthTrend, rememberSnapshotBoard, saveHealthTrend } from '../../store/health';
import { storedSettings } from '../prioritize/stored';
import { storedConfigs } from '../readiness/stored';
import type { HealthDeps, TrendStore } from './index';

/** For a viewer (the gadget): reads trends, and remembers the board for the daily snapshot. */
export const storedHealthDeps = (jira: JiraClient): HealthDeps => ({
  jira,
  settings: storedSettings,
  configs: storedConfigs,
  trend: { read: getHealthTrend, write: saveHealthTrend, remember: rememberSnapshotBoard },
});

/** For the daily snapshot, as the app. */
export const snapshotDeps = (jira: JiraClient): HealthDeps & { trend: TrendStore } => ({
  jira,
  settings: storedSettings,
  configs: storedConfigs,
  trend: { read: getHealthTrend, write: saveHealthTrend },
});

export { getSnapshotBoards } from '../../store/health';

/** How the sync status panel reads a sync result: its status text, the status filter, and the texts the text filter searches. */

import type { SyncResult, SyncStatus } from '../shared/api/panelApi';
import type { SyncStrings } from './manifest';

export type SyncStatusFilter = SyncStatus | 'all';

export function syncStatusText(status: SyncStatus, strings: SyncStrings): string {
  switch (status) {
    case 'succeeded':
      return strings.statusSucceeded;
    case 'failed':
      return strings.statusFailed;
    case 'retrying':
      return strings.statusRetrying;
    case 'deadLettered':
      return strings.statusDeadLettered;
  }
}

export function syncStatusOptions(strings: SyncStrings): { key: SyncStatusFilter; text: string }[] {
  return [
    { key: 'all', text: strings.statusAll },
    ...(['failed', 'deadLettered', 'retrying', 'succeeded'] as const).map((status) => ({ key: status, text: syncStatusText(status, strings) })),
  ];
}

export function withStatus(results: readonly SyncResult[], filter: SyncStatusFilter): SyncResult[] {
  return filter === 'all' ? [...results] : results.filter((result) => result.status === filter);
}

export function syncResultTexts(strings: SyncStrings): (result: SyncResult) => string[] {
  return (result) => [result.flow, result.message, result.sapDocumentNumber, result.correlationId, syncStatusText(result.status, strings)];
}

/** SyncStatus' manifest in code: its bound property and the keys of strings/SyncStatus.*.resx. */

import type { InputsOf } from '../shared/pcf/properties';
import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

/** The bound property: a text column that places the control on the form; when its value changes, the results are read again. */
export const PROPERTIES = { recordLabel: 'SingleLine.Text' } as const;

export type IInputs = InputsOf<typeof PROPERTIES>;
export type IOutputs = Record<string, never>;

export const SYNC_STRING_KEYS = [
  ...COMMON_STRING_KEYS,
  'title',
  'empty',
  'listLabel',
  'statusSucceeded',
  'statusFailed',
  'statusRetrying',
  'statusDeadLettered',
  'columnStarted',
  'columnFlow',
  'columnStatus',
  'columnMessage',
  'columnSapDocument',
  'columnFinished',
  'columnCorrelationId',
  'columnAction',
  'retryRow',
  'retryLabel',
  'retryStarted',
  'retryNotAllowed',
] as const;

export type SyncStringKey = (typeof SYNC_STRING_KEYS)[number];
export type SyncStrings = Readonly<Record<SyncStringKey, string>>;

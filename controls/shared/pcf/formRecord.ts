/**
 * The record a control sits on. PCF does not declare it in its typings: model-driven forms pass
 * it as context.mode.contextInfo (entityTypeName, entityId), which is what every field control
 * on a form that needs its record reads. A new, unsaved record has no id yet.
 */

import type { FormRecord } from '../api/panelApi';

interface ContextInfo {
  entityTypeName?: unknown;
  entityId?: unknown;
}

export function formRecordOf(mode: ComponentFramework.Mode): FormRecord | undefined {
  const info = (mode as ComponentFramework.Mode & { contextInfo?: ContextInfo }).contextInfo;
  const table = typeof info?.entityTypeName === 'string' ? info.entityTypeName : '';
  const id = typeof info?.entityId === 'string' ? info.entityId.replace(/[{}]/g, '').toLowerCase() : '';
  return table !== '' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? { table, id } : undefined;
}

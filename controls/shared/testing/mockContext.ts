/**
 * A PCF context for lifecycle tests, shaped as a model-driven form hands it to a control: bound
 * parameters, mode with the form's record (contextInfo), the user's settings, formatting, the
 * control's real .resx strings, and a webAPI that answers the solution's environment variables
 * the way Dataverse does (definition rows with their values expanded).
 */

import { vi } from 'vitest';
import type { FormRecord } from '../api/panelApi';
import { localeOf } from '../pcf/userLocale';
import { fakeFormatting } from './formatting';
import { loadResx } from './resx';

export interface MockContextOptions<Inputs> {
  control: string;
  parameters: Inputs;
  record?: FormRecord | undefined;
  /** Environment variables of the solution: schema name → current value. */
  environment?: Record<string, string>;
  languageId?: number;
  userName?: string;
  isControlDisabled?: boolean;
}

export interface MockContext<Inputs> {
  context: ComponentFramework.Context<Inputs>;
  retrieveMultipleRecords: ReturnType<typeof vi.fn>;
}

export function stringProperty(raw: string | null): ComponentFramework.PropertyTypes.StringProperty {
  return { raw, formatted: raw ?? '', error: false, errorMessage: '', type: 'SingleLine.Text', attributes: undefined };
}

export function numberProperty(raw: number | null, formatted: string): ComponentFramework.PropertyTypes.NumberProperty {
  return { raw, formatted, error: false, errorMessage: '', type: 'Currency', attributes: undefined };
}

export function createMockContext<Inputs>(options: MockContextOptions<Inputs>): MockContext<Inputs> {
  const languageId = options.languageId ?? 1033;
  const strings = loadResx(options.control, languageId);
  const environment = options.environment ?? {};
  const retrieveMultipleRecords = vi.fn((entityType: string, query?: string) => {
    if (entityType !== 'environmentvariabledefinition') return Promise.reject(new Error(`No table ${entityType} in this test.`));
    const asked = [...(query ?? '').matchAll(/schemaname eq '([^']+)'/g)].map((match) => match[1]);
    const entities = Object.entries(environment)
      .filter(([schemaName]) => asked.includes(schemaName))
      .map(([schemaname, value]) => ({ schemaname, defaultvalue: null, environmentvariabledefinition_environmentvariablevalue: [{ value }] }));
    return Promise.resolve({ entities, nextLink: '' });
  });

  const context = {
    parameters: options.parameters,
    mode: {
      contextInfo: options.record ? { entityTypeName: options.record.table, entityId: options.record.id } : { entityTypeName: '', entityId: '' },
      isControlDisabled: options.isControlDisabled ?? false,
      isVisible: true,
      label: options.control,
      allocatedHeight: -1,
      allocatedWidth: 800,
      setControlState: () => true,
      setFullScreen: () => undefined,
      trackContainerResize: () => undefined,
    },
    userSettings: {
      languageId,
      userName: options.userName ?? 'anna.becker@ecc365sandbox.onmicrosoft.com',
      userId: '{C4A1E8F2-6B3D-4E9A-8C27-5F1D3B9E7A40}',
      isRTL: false,
      securityRoles: [],
    },
    formatting: fakeFormatting(localeOf(languageId)),
    resources: {
      getString: (id: string) => strings[id] ?? id,
      getResource: () => undefined,
    },
    webAPI: { retrieveMultipleRecords },
  };
  return { context: context as unknown as ComponentFramework.Context<Inputs>, retrieveMultipleRecords };
}

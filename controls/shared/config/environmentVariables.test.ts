import { describe, expect, it, vi } from 'vitest';
import { loadGatewaySettings, type EnvironmentVariableReader } from './environmentVariables';

interface Definition {
  schemaname: string;
  defaultvalue: string | null;
  value?: string;
}

/** Dataverse's answer: only the definitions the filter names, each with its value rows expanded. */
function dataverse(definitions: Definition[]): EnvironmentVariableReader & { retrieveMultipleRecords: ReturnType<typeof vi.fn> } {
  return {
    retrieveMultipleRecords: vi.fn((_table: string, query?: string) => {
      const asked = [...(query ?? '').matchAll(/schemaname eq '([^']+)'/g)].map((match) => match[1]);
      return Promise.resolve({
        entities: definitions
          .filter((definition) => asked.includes(definition.schemaname))
          .map((definition) => ({
            schemaname: definition.schemaname,
            defaultvalue: definition.defaultvalue,
            environmentvariabledefinition_environmentvariablevalue: definition.value === undefined ? [] : [{ value: definition.value }],
          })),
        nextLink: '',
      });
    }),
  };
}

const MSAL_SETTINGS: Definition[] = [
  { schemaname: 'ecc_GatewayUrl', defaultvalue: null, value: 'https://sapgw.contoso.com/' },
  { schemaname: 'ecc_GatewayApplicationId', defaultvalue: null, value: '0b8e6d0e-7a1c-4c55-9a43-2d1f6f0f6a11' },
  { schemaname: 'ecc_GatewayAuthMode', defaultvalue: 'msal' },
  { schemaname: 'ecc_EntraTenantId', defaultvalue: null, value: 'contoso.onmicrosoft.com' },
  { schemaname: 'ecc_ControlsClientId', defaultvalue: null, value: '5d2f1c8a-3b4e-4f6a-8c9d-0e1f2a3b4c5d' },
];

describe('gateway settings from environment variables', () => {
  it('reads the definitions with their values in one query, as the user', async () => {
    const webAPI = dataverse(MSAL_SETTINGS);
    await loadGatewaySettings(webAPI);
    expect(webAPI.retrieveMultipleRecords).toHaveBeenCalledTimes(1);
    const [table, query] = webAPI.retrieveMultipleRecords.mock.calls[0] as [string, string];
    expect(table).toBe('environmentvariabledefinition');
    expect(query).toContain('$select=schemaname,defaultvalue');
    expect(query).toContain('$expand=environmentvariabledefinition_environmentvariablevalue($select=value)');
    for (const name of ['ecc_GatewayUrl', 'ecc_GatewayApplicationId', 'ecc_GatewayAuthMode', 'ecc_EntraTenantId', 'ecc_ControlsClientId']) {
      expect(query).toContain(`schemaname eq '${name}'`);
    }
  });

  it('takes the current value over the default, and the default when no value is set', async () => {
    const settings = await loadGatewaySettings(
      dataverse([...MSAL_SETTINGS.filter((definition) => definition.schemaname !== 'ecc_GatewayUrl'), { schemaname: 'ecc_GatewayUrl', defaultvalue: 'https://default.contoso.com', value: 'https://sapgw.contoso.com' }]),
    );
    expect(settings).toEqual({
      authMode: 'msal',
      gatewayUrl: 'https://sapgw.contoso.com',
      gatewayApplicationId: '0b8e6d0e-7a1c-4c55-9a43-2d1f6f0f6a11',
      tenantId: 'contoso.onmicrosoft.com',
      controlsClientId: '5d2f1c8a-3b4e-4f6a-8c9d-0e1f2a3b4c5d',
    });
  });

  it('uses MSAL when the mode is not set, and names every variable that is missing for it', async () => {
    const webAPI = dataverse([{ schemaname: 'ecc_GatewayUrl', defaultvalue: 'https://sapgw.contoso.com' }]);
    await expect(loadGatewaySettings(webAPI)).rejects.toMatchObject({
      kind: 'notConfigured',
      code: 'GATEWAY_NOT_CONFIGURED',
      message: 'Set the environment variables ecc_GatewayApplicationId, ecc_EntraTenantId, ecc_ControlsClientId of the ecc365 solution.',
    });
  });

  it('needs only the gateway URL in the sandbox, where plain http on the developer machine is allowed', async () => {
    const settings = await loadGatewaySettings(
      dataverse([
        { schemaname: 'ecc_GatewayUrl', defaultvalue: null, value: 'http://127.0.0.1:4365' },
        { schemaname: 'ecc_GatewayAuthMode', defaultvalue: null, value: 'sandbox' },
      ]),
    );
    expect(settings).toEqual({ authMode: 'sandbox', gatewayUrl: 'http://127.0.0.1:4365' });
  });

  it('refuses a gateway URL a bearer token would travel to in clear text', async () => {
    const webAPI = dataverse(MSAL_SETTINGS.map((definition) => (definition.schemaname === 'ecc_GatewayUrl' ? { ...definition, value: 'http://sapgw.contoso.com' } : definition)));
    await expect(loadGatewaySettings(webAPI)).rejects.toMatchObject({ kind: 'notConfigured', message: expect.stringContaining('must be an https address') as unknown });
  });

  it('refuses an unknown mode and a URL that is not one', async () => {
    await expect(loadGatewaySettings(dataverse([...MSAL_SETTINGS, { schemaname: 'ecc_GatewayAuthMode', defaultvalue: null, value: 'basic' }].slice(1)))).rejects.toMatchObject({
      kind: 'notConfigured',
    });
    const webAPI = dataverse([
      { schemaname: 'ecc_GatewayUrl', defaultvalue: 'sapgw', value: undefined },
      { schemaname: 'ecc_GatewayAuthMode', defaultvalue: 'sandbox' },
    ]);
    await expect(loadGatewaySettings(webAPI)).rejects.toMatchObject({ kind: 'notConfigured', message: expect.stringContaining('is not a URL') as unknown });
  });

  it('reports a Dataverse failure as not configured, with its reason', async () => {
    const webAPI = { retrieveMultipleRecords: vi.fn(() => Promise.reject(new Error('Principal user is missing prvReadEnvironmentVariableDefinition'))) };
    await expect(loadGatewaySettings(webAPI)).rejects.toMatchObject({
      kind: 'notConfigured',
      code: 'SETTINGS_UNREADABLE',
      message: expect.stringContaining('prvReadEnvironmentVariableDefinition') as unknown,
    });
  });
});

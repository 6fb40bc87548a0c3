/**
 * The controls' configuration: environment variables of the ecc365 solution, read as the user
 * through context.webAPI (definition with its current value, else its default value). Nothing
 * here is secret: every user who can open the form can read these values.
 */

import { GatewayError } from '../gateway/gatewayError';

/** Schema names of the solution's environment variable definitions the controls read. */
export const ENVIRONMENT_VARIABLES = {
  gatewayUrl: 'ecc_GatewayUrl',
  gatewayApplicationId: 'ecc_GatewayApplicationId',
  authMode: 'ecc_GatewayAuthMode',
  tenantId: 'ecc_EntraTenantId',
  controlsClientId: 'ecc_ControlsClientId',
} as const;

type SettingName = keyof typeof ENVIRONMENT_VARIABLES;

export type GatewayAuthMode = 'msal' | 'sandbox';

export type GatewaySettings =
  | {
      authMode: 'msal';
      gatewayUrl: string;
      /** The gateway's app registration: application (client) id or Application ID URI. */
      gatewayApplicationId: string;
      tenantId: string;
      /** The controls' single-page-application registration. */
      controlsClientId: string;
    }
  | { authMode: 'sandbox'; gatewayUrl: string };

/** The part of context.webAPI this reads. */
export type EnvironmentVariableReader = Pick<ComponentFramework.WebApi, 'retrieveMultipleRecords'>;

const VALUES_RELATIONSHIP = 'environmentvariabledefinition_environmentvariablevalue';

export async function loadGatewaySettings(webAPI: EnvironmentVariableReader): Promise<GatewaySettings> {
  const values = await readEnvironmentVariables(webAPI, Object.values(ENVIRONMENT_VARIABLES));
  const value = (name: SettingName) => values.get(ENVIRONMENT_VARIABLES[name]) ?? '';
  return settingsFrom(value);
}

/** Current value (when set) or default value of each named definition that exists. */
export async function readEnvironmentVariables(webAPI: EnvironmentVariableReader, schemaNames: readonly string[]): Promise<Map<string, string>> {
  const filter = schemaNames.map((name) => `schemaname eq '${name.replace(/'/g, "''")}'`).join(' or ');
  const query = `?$select=schemaname,defaultvalue&$filter=${filter}&$expand=${VALUES_RELATIONSHIP}($select=value)`;
  let result: ComponentFramework.WebApi.RetrieveMultipleResponse;
  try {
    result = await webAPI.retrieveMultipleRecords('environmentvariabledefinition', query);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GatewayError('notConfigured', 'SETTINGS_UNREADABLE', `The ecc365 environment variables could not be read from Dataverse: ${reason}`, { cause: error });
  }
  const values = new Map<string, string>();
  for (const definition of result.entities) {
    const schemaName = text(definition.schemaname);
    const current = (Array.isArray(definition[VALUES_RELATIONSHIP]) ? (definition[VALUES_RELATIONSHIP] as Record<string, unknown>[]) : [])
      .map((row) => text(row.value))
      .find((candidate) => candidate !== '');
    const value = current ?? text(definition.defaultvalue);
    if (schemaName !== '' && value !== '') values.set(schemaName, value);
  }
  return values;
}

function settingsFrom(value: (name: SettingName) => string): GatewaySettings {
  const authMode = (value('authMode') || 'msal').toLowerCase();
  if (authMode !== 'msal' && authMode !== 'sandbox') {
    throw notConfigured(`${ENVIRONMENT_VARIABLES.authMode} is "${authMode}"; set it to msal (Dynamics 365) or sandbox (the form preview).`);
  }
  const missing = (authMode === 'msal' ? (['gatewayUrl', 'gatewayApplicationId', 'tenantId', 'controlsClientId'] as const) : (['gatewayUrl'] as const)).filter(
    (name) => value(name) === '',
  );
  if (missing.length > 0) {
    throw notConfigured(`Set the environment variable${missing.length > 1 ? 's' : ''} ${missing.map((name) => ENVIRONMENT_VARIABLES[name]).join(', ')} of the ecc365 solution.`);
  }
  const gatewayUrl = gatewayUrlOf(value('gatewayUrl'), authMode);
  if (authMode === 'sandbox') return { authMode, gatewayUrl };
  return { authMode, gatewayUrl, gatewayApplicationId: value('gatewayApplicationId'), tenantId: value('tenantId'), controlsClientId: value('controlsClientId') };
}

function gatewayUrlOf(raw: string, authMode: GatewayAuthMode): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw notConfigured(`${ENVIRONMENT_VARIABLES.gatewayUrl} "${raw}" is not a URL; set it to the gateway's address, e.g. https://sapgw.contoso.com.`);
  }
  // A bearer token for the gateway travels only over TLS; the sandbox runs on the developer's machine.
  const allowed = authMode === 'sandbox' ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(url.protocol) || url.search !== '' || url.hash !== '') {
    throw notConfigured(`${ENVIRONMENT_VARIABLES.gatewayUrl} "${raw}" must be an ${authMode === 'msal' ? 'https' : 'http(s)'} address without query or fragment.`);
  }
  return url.toString().replace(/\/+$/, '');
}

function notConfigured(message: string): GatewayError {
  return new GatewayError('notConfigured', 'GATEWAY_NOT_CONFIGURED', message);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

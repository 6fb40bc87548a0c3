/**
 * Values of the ecc365 solution's environment variables in the sandbox's Dataverse, set as an
 * admin sets them in an environment (an environmentvariablevalue row per definition): the
 * controls authenticate with the sandbox identity provider (ecc_GatewayAuthMode "sandbox") for
 * the sandbox gateway's app registration (ecc_GatewayApplicationId; its scope is
 * api://<id>/.default, SANDBOX_GATEWAY_API_ID_URI), and call the gateway at the origin the
 * sandbox is served on (ecc_GatewayUrl, known once it attaches to its origin).
 */

import type { SimulatedDataverse } from '../dataverse/simulatedDataverse.js';
import { definitionRowsBySchemaName } from '../dataverse/solution/environmentVariables.js';
import { isEntityReference } from '../dataverse/values.js';
import { SANDBOX_APPLICATIONS } from '../identities.js';
import { seededId } from './ids.js';
import { RowWriter } from './rowWriter.js';

export const GATEWAY_VARIABLES = {
  url: 'ecc_GatewayUrl',
  applicationId: 'ecc_GatewayApplicationId',
  authMode: 'ecc_GatewayAuthMode',
} as const;

/** The values that do not depend on where the sandbox is served. */
export const SANDBOX_GATEWAY_VALUES: Record<string, string> = {
  [GATEWAY_VARIABLES.authMode]: 'sandbox',
  [GATEWAY_VARIABLES.applicationId]: SANDBOX_APPLICATIONS.gateway.clientId,
};

/** Sets each variable's value in the environment: updates its value row, or creates one. */
export function setEnvironmentVariableValues(dataverse: SimulatedDataverse, values: Record<string, string>): void {
  const definitions = definitionRowsBySchemaName(dataverse);
  const writer = new RowWriter(dataverse);
  const valueRows = [...dataverse.store.table('environmentvariablevalue').rows.values()];
  dataverse.transaction(() => {
    for (const [schemaName, value] of Object.entries(values)) {
      const definition = definitions.get(schemaName.toLowerCase());
      if (!definition) {
        throw new Error(`The simulated Dataverse has no environment variable ${schemaName}: import the ecc365 solution into it (importSolution(dataverse, zip)) before setting its values.`);
      }
      const definitionId = definition.environmentvariabledefinitionid as string;
      const existing = valueRows.find((row) => isEntityReference(row.environmentvariabledefinitionid) && row.environmentvariabledefinitionid.id === definitionId);
      if (existing) {
        writer.update('environmentvariablevalue', existing.environmentvariablevalueid as string, { value });
      } else {
        writer.create('environmentvariablevalue', seededId('environment variable value', definition.schemaname as string), {
          schemaname: definition.schemaname, value, 'EnvironmentVariableDefinitionId@odata.bind': writer.bind('environmentvariabledefinition', definitionId),
        });
      }
    }
  });
}

/** The gateway's origin, as the controls reach it; call when the sandbox attaches to its origin. */
export function setSandboxGatewayUrl(dataverse: SimulatedDataverse, gatewayOrigin: string): void {
  setEnvironmentVariableValues(dataverse, { [GATEWAY_VARIABLES.url]: new URL(gatewayOrigin).origin });
}

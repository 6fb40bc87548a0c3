/**
 * The ecc365 solution's webhook in the sandbox's Dataverse, pointed at the gateway as an admin
 * points it after importing the solution (which carries neither the gateway's address nor the
 * key): the service endpoint's URL becomes the gateway's receiver on the origin the sandbox is
 * served on, and its key (WebhookKey) the sandbox's, which the gateway on the sandbox expects.
 */

import type { SimulatedDataverse } from '../dataverse/simulatedDataverse.js';
import { RowWriter } from './rowWriter.js';

/** The service endpoint's key in the sandbox (the README's sandbox contract). */
export const SANDBOX_WEBHOOK_KEY = 'sandbox';

/** Where the gateway receives Dataverse's webhooks, below its origin. */
export const GATEWAY_WEBHOOK_PATH = '/api/v1/webhooks/dataverse';

/** The name of the solution's service endpoint (PluginAssemblies/ServiceEndpoints.xml). */
const ENDPOINT_NAME = 'ecc365 gateway';

/** Points the solution's webhook at the gateway on `gatewayOrigin`; call when the sandbox attaches to its origin. */
export function setSandboxWebhookEndpoint(dataverse: SimulatedDataverse, gatewayOrigin: string): void {
  const endpoints = [...dataverse.store.table('serviceendpoint').rows].filter(([, row]) => row.name === ENDPOINT_NAME);
  if (endpoints.length === 0) {
    throw new Error(`The simulated Dataverse has no service endpoint '${ENDPOINT_NAME}': import the ecc365 solution into it (importSolution(dataverse, zip)) before pointing its webhook at the gateway.`);
  }
  const writer = new RowWriter(dataverse);
  dataverse.transaction(() => {
    for (const [id] of endpoints) writer.update('serviceendpoint', id, { url: `${new URL(gatewayOrigin).origin}${GATEWAY_WEBHOOK_PATH}`, authvalue: SANDBOX_WEBHOOK_KEY });
  });
}

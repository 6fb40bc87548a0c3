/** Builds the RFC client the configuration asks for, and judges its cap on concurrent calls. */

import type { SapConfig } from '../config/schema.js';
import { ACCOUNT_FORM_SAP_CALLS, ACCOUNT_FORM_SAP_CALLS_WITH_ADD_ON } from '../panels/accountPanels.js';
import type { RfcClient } from '../sap/rfc.js';
import { createInProcessRfcClient } from '../sap/transports/inProcess.js';
import { createNodeRfcClient } from '../sap/transports/nodeRfc.js';
import { createSoapRfcClient } from '../sap/transports/soapRfc.js';
import type { Sandbox } from '../sandbox/sandbox.js';

export function createSapClient(config: SapConfig, sandbox: Sandbox | undefined): RfcClient {
  switch (config.transport) {
    case 'sandbox':
      if (!sandbox) throw new Error('sap.transport "sandbox" needs the embedded sandbox');
      return createInProcessRfcClient(sandbox.ecc, { user: config.user, password: config.password, timeoutMs: config.timeoutMs });
    case 'soap-rfc':
      return createSoapRfcClient({
        url: config.url,
        client: config.client,
        user: config.user,
        password: config.password,
        language: config.language,
        timeoutMs: config.timeoutMs,
        maxConnections: config.maxConnections,
        tls: config.tls,
        ...(config.wsdlUrl !== undefined ? { wsdlUrl: config.wsdlUrl } : {}),
      });
    case 'node-rfc':
      return createNodeRfcClient({ connection: config.connection, pool: config.pool, timeoutMs: config.timeoutMs });
  }
}

/** What to tell the admin when the cap on concurrent SAP calls is below what one account form asks for at once. */
export function sapCallCapWarning(config: SapConfig): string | undefined {
  const cap =
    config.transport === 'soap-rfc' ? { setting: 'sap.maxConnections', value: config.maxConnections }
    : config.transport === 'node-rfc' ? { setting: 'sap.pool.high', value: config.pool.high }
    : undefined;
  const calls = config.addOn ? ACCOUNT_FORM_SAP_CALLS_WITH_ADD_ON : ACCOUNT_FORM_SAP_CALLS;
  if (cap === undefined || cap.value >= calls) return undefined;
  return (
    `${cap.setting} is ${cap.value}, but an account form's panels make up to ${calls} SAP calls at once: every form waits for a second SAP round. ` +
    `Raise it to ${calls} or more if SAP's dialog work processes allow (docs/admin-guide.md, "The load the panels put on SAP").`
  );
}

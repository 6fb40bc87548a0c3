/** Builds the RFC client the configuration asks for. */

import type { SapConfig } from '../config/schema.js';
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

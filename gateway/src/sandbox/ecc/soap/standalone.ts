/**
 * Serves the simulated ECC's SOAP-RFC services alone, on 127.0.0.1 and a free port, under the
 * same path the CLI mounts them at. For tests, the transport fixture and benchmarks.
 */

import type { AddressInfo } from 'node:net';
import express from 'express';
import type { SimulatedEcc } from '../simulatedEcc.js';
import { createSoapRfcRouter, type SoapRfcRouter, type SoapRfcServiceOptions } from './router.js';

export const SOAP_SERVICE_PATH = '/sandbox/sap/bc';

export interface SoapRfcServer {
  /** …/soap/rfc */
  rfcUrl: string;
  /** …/soap/wsdl11 */
  wsdlUrl: string;
  router: SoapRfcRouter;
  stop(): Promise<void>;
}

export async function serveSoapRfc(ecc: SimulatedEcc, options: SoapRfcServiceOptions = {}): Promise<SoapRfcServer> {
  const app = express();
  const router = createSoapRfcRouter(ecc, options);
  app.use(SOAP_SERVICE_PATH, router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SOAP_SERVICE_PATH}`;
  return {
    rfcUrl: `${base}/soap/rfc`,
    wsdlUrl: `${base}/soap/wsdl11`,
    router,
    stop: async () => {
      router.closeSessions();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

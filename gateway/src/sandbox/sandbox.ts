/**
 * The sandbox: simulated systems served over the same protocols as the real ones, for a
 * gateway on a machine with no SAP or Dataverse. Mounted at /sandbox on the gateway's origin
 * (npm start) or served alone (ecc365 sandbox).
 *
 *   /sandbox/sap/bc/soap/rfc        SOAP-RFC service of the simulated ECC (?sap-client=100)
 *   /sandbox/sap/bc/soap/wsdl11     its WSDL service (?services=<FM>&sap-client=100)
 *   /sandbox/ecc/knobs              latency, work processes and faults of the simulated ECC (GET, PATCH)
 */

import express, { Router } from 'express';
import { z } from 'zod';
import { createSimulatedEcc, type SeededEcc } from './ecc/index.js';
import { eccKnobsSchema, type EccKnobs } from './ecc/knobs.js';
import { createSoapRfcRouter } from './ecc/soap/router.js';

export interface SandboxOptions {
  customers: number;
  seed: number;
  stateFile?: string;
  today?: string;
  ecc?: Partial<EccKnobs>;
}

export interface Sandbox extends SeededEcc {
  router: Router;
  /** The URLs a user needs, given the origin the router is served on. */
  endpoints(origin: string): { label: string; url: string; note?: string }[];
  close(): Promise<void>;
}

export const SANDBOX_SAP_CLIENT = '100';
export const SANDBOX_SAP_USER = { user: 'ECC365', password: 'sandbox' };

export function createSandbox(options: SandboxOptions): Sandbox {
  const seeded = createSimulatedEcc({
    seed: { customers: options.customers, seed: options.seed },
    ...(options.stateFile !== undefined ? { stateFile: options.stateFile } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
    knobs: options.ecc ?? {},
    users: { [SANDBOX_SAP_USER.user]: SANDBOX_SAP_USER.password },
  });
  const { ecc } = seeded;

  const soapRfc = createSoapRfcRouter(ecc);
  const router = Router();
  router.use('/sap/bc', soapRfc);
  router.get('/ecc/knobs', (_request, response) => {
    response.json(ecc.knobs);
  });
  router.patch('/ecc/knobs', express.json({ limit: '4kb' }), (request, response) => {
    const changes = eccKnobsSchema.partial().strict().safeParse(request.body);
    if (!changes.success) {
      response.status(400).json({ error: { code: 'SANDBOX_KNOBS_INVALID', message: z.prettifyError(changes.error) } });
      return;
    }
    response.json(ecc.setKnobs(changes.data));
  });

  return {
    ...seeded,
    router,
    endpoints: (origin) => [
      {
        label: 'SAP ECC SOAP-RFC',
        url: `${origin}/sandbox/sap/bc/soap/rfc?sap-client=${SANDBOX_SAP_CLIENT}`,
        note: `basic auth ${SANDBOX_SAP_USER.user} / ${SANDBOX_SAP_USER.password}`,
      },
      { label: 'SAP ECC WSDL', url: `${origin}/sandbox/sap/bc/soap/wsdl11?services=BAPI_CUSTOMER_GETDETAIL2&sap-client=${SANDBOX_SAP_CLIENT}` },
      { label: 'SAP ECC knobs', url: `${origin}/sandbox/ecc/knobs`, note: 'GET to read, PATCH JSON to change latency, work processes, faults' },
    ],
    close: async () => {
      soapRfc.closeSessions();
      seeded.flush();
    },
  };
}

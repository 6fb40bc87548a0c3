/**
 * The sandbox: simulated systems served over the same protocols as the real ones, for a
 * gateway on a machine with no SAP or Dataverse. Mounted at /sandbox on the gateway's origin
 * (npm start) or served alone (ecc365 sandbox).
 *
 *   /sandbox/sap/bc/soap/rfc             SOAP-RFC service of the simulated ECC (?sap-client=100)
 *   /sandbox/sap/bc/soap/wsdl11          its WSDL service (?services=<FM>&sap-client=100)
 *   /sandbox/ecc/knobs                   latency, work processes and faults of the simulated ECC (GET, PATCH)
 *   /sandbox/idp/                        identity provider (OIDC discovery, JWKS, token endpoint);
 *                                        also served over HTTPS on a port of its own, for MSAL
 *   /sandbox/dataverse/api/data/v9.2/    simulated Dataverse Web API, with the ecc365 solution imported
 *   /sandbox/dataverse/knobs             its latency, service protection limits and webhook delivery (GET, PATCH)
 */

import { Router } from 'express';
import { packSolution, SOLUTION_SOURCE_DIR, solutionVersion } from '@ecc365/solution';
import { createDataverseEnvironment, environmentOptionsFromConfig, type DataverseEnvironment } from './dataverse/environment/environment.js';
import type { DataverseSandboxConfig } from './dataverse/environment/knobs.js';
import { createDataverseRouter, createSimulatedDataverse, type SimulatedDataverse } from './dataverse/index.js';
import { importSolution } from './dataverse/solution/importSolution.js';
import { createSimulatedEcc, type SeededEcc } from './ecc/index.js';
import { eccKnobsSchema, type EccKnobs } from './ecc/knobs.js';
import { createKnobsRouter } from './knobsRouter.js';
import { seedCrmFromEcc, setSandboxGatewayUrl } from './crmSeed/index.js';
import { createFormPreview, type FormPreview } from './preview/index.js';
import { createSoapRfcRouter } from './ecc/soap/router.js';
import { SANDBOX_APPLICATIONS } from './identities.js';
import { createSandboxTokenVerifier, IDP_MOUNT_PATH, startSandboxIdentityProvider, type SandboxIdentityProvider, type SandboxTokenVerifier } from './idp/index.js';

export interface SandboxOptions {
  customers: number;
  seed: number;
  stateFile?: string;
  today?: string;
  ecc?: Partial<EccKnobs>;
  /** The simulated Dataverse's knobs and state file. */
  dataverse?: DataverseSandboxConfig;
  /** Port of the identity provider's HTTPS listener; 0 picks a free one. */
  idpHttpsPort?: number;
}

export interface Sandbox extends SeededEcc {
  router: Router;
  idp: SandboxIdentityProvider;
  dataverse: SimulatedDataverse;
  /** The simulated Dataverse's limits, webhooks, latency and state file. */
  dataverseEnvironment: DataverseEnvironment;
  /** CRM-like account and quote forms hosting the built controls: mount its router at / beside a gateway. */
  preview: FormPreview;
  /**
   * Tells the sandbox the origin it is served on, once the server listens: the simulated
   * Dataverse accepts only tokens issued for its own URL, as Dataverse does.
   */
  attach(origin: string): void;
  /** The URLs a user needs, given the origin the router is served on. */
  endpoints(origin: string): { label: string; url: string; note?: string }[];
  close(): Promise<void>;
}

export const SANDBOX_SAP_CLIENT = '100';
export const SANDBOX_SAP_USER = { user: 'ECC365', password: 'sandbox' };
export const SANDBOX_DATAVERSE_MOUNT = '/dataverse';

/** The simulated Dataverse's URL (the OAuth resource tokens are issued for) on a given origin. */
export const sandboxDataverseUrl = (origin: string): string => `${origin}/sandbox${SANDBOX_DATAVERSE_MOUNT}`;

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const seeded = createSimulatedEcc({
    seed: { customers: options.customers, seed: options.seed },
    ...(options.stateFile !== undefined ? { stateFile: options.stateFile } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
    knobs: options.ecc ?? {},
    users: { [SANDBOX_SAP_USER.user]: SANDBOX_SAP_USER.password },
  });
  const { ecc } = seeded;
  const idp = await startSandboxIdentityProvider({ port: options.idpHttpsPort ?? 0 });
  const dataverse = createSimulatedDataverse();
  const dataverseEnvironment = createDataverseEnvironment(dataverse, environmentOptionsFromConfig(options.dataverse ?? {}));
  // Imported at every start, as an admin imports each new version: a restored environment is upgraded.
  importSolution(dataverse, packSolution(SOLUTION_SOURCE_DIR, { managed: true, version: solutionVersion() }));
  // CRM records that match the ECC's customers and materials (nothing when a state file brought them).
  await seedCrmFromEcc(dataverse, ecc, { seed: options.seed });
  dataverseEnvironment.flush();

  const preview = createFormPreview({ registry: dataverse.registry });

  let verifier: SandboxTokenVerifier | undefined;
  const soapRfc = createSoapRfcRouter(ecc);
  const router = Router();
  router.use('/sap/bc', soapRfc);
  router.use(IDP_MOUNT_PATH.replace(/^\/sandbox/, ''), idp.router);
  router.use(`${SANDBOX_DATAVERSE_MOUNT}/knobs`, dataverseEnvironment.knobsRouter);
  router.use(
    SANDBOX_DATAVERSE_MOUNT,
    createDataverseRouter(dataverse, {
      authenticate: async (authorization) => {
        if (!verifier) throw new Error('the sandbox is not attached to an origin yet');
        return verifier.authenticate(authorization);
      },
    }),
  );
  router.use('/ecc/knobs', createKnobsRouter({ schema: eccKnobsSchema, read: () => ecc.knobs, change: (changes) => ecc.setKnobs(changes) }));

  return {
    ...seeded,
    router,
    idp,
    dataverse,
    dataverseEnvironment,
    preview,
    attach: (origin) => {
      verifier = createSandboxTokenVerifier(idp, { audience: sandboxDataverseUrl(origin) });
      dataverseEnvironment.attach(sandboxDataverseUrl(origin));
      setSandboxGatewayUrl(dataverse, origin);
      preview.attach(origin);
    },
    endpoints: (origin) => [
      {
        label: 'SAP ECC SOAP-RFC',
        url: `${origin}/sandbox/sap/bc/soap/rfc?sap-client=${SANDBOX_SAP_CLIENT}`,
        note: `basic auth ${SANDBOX_SAP_USER.user} / ${SANDBOX_SAP_USER.password}`,
      },
      { label: 'SAP ECC WSDL', url: `${origin}/sandbox/sap/bc/soap/wsdl11?services=BAPI_CUSTOMER_GETDETAIL2&sap-client=${SANDBOX_SAP_CLIENT}` },
      { label: 'SAP ECC knobs', url: `${origin}/sandbox/ecc/knobs`, note: 'GET to read, PATCH JSON to change latency, work processes, faults' },
      { label: 'Dataverse Web API', url: `${sandboxDataverseUrl(origin)}/api/data/v9.2/`, note: 'bearer tokens from the identity provider' },
      { label: 'Dataverse knobs', url: `${sandboxDataverseUrl(origin)}/knobs`, note: 'GET to read, PATCH JSON to change latency, service protection limits, webhook delivery' },
      {
        label: 'Identity provider',
        url: `${origin}${IDP_MOUNT_PATH}/.well-known/openid-configuration`,
        note: `client ${SANDBOX_APPLICATIONS.gateway.clientId} / ${SANDBOX_APPLICATIONS.gateway.clientSecret}; MSAL authority ${idp.authority}`,
      },
    ],
    close: async () => {
      soapRfc.closeSessions();
      seeded.flush();
      await dataverseEnvironment.webhooks.settled();
      dataverseEnvironment.flush();
      await idp.close();
    },
  };
}

/**
 * Test fixture: the gateway as `ecc365 start` runs it on the sandbox (startGateway, a free port),
 * with real tokens from the sandbox identity provider for the rep personas, accounts created in
 * the simulated Dataverse as the application user with the owner a test needs, SAP data made by
 * BillingScenario in the simulated ECC, and the simulated ECC's RFC call counter.
 */

import { Writable } from 'node:stream';
import { startGateway, type RunningGateway } from '../../../cli/gateway.js';
import { configSchema } from '../../../config/schema.js';
import { createLogger } from '../../../log/logger.js';
import { BillingScenario, type ScenarioCustomer } from '../../../sandbox/ecc/testing/billingScenario.js';
import { SANDBOX_PERSONAS, SANDBOX_TENANT_ID } from '../../../sandbox/identities.js';
import { SANDBOX_GATEWAY_API_ID_URI } from '../../../sandbox/idp/index.js';
import { acquireSandboxToken } from '../../../sandbox/idp/testing/identityProvider.js';

const silent = createLogger({ level: 'error', stream: new Writable({ write: (_c, _e, done) => done() }) });

export const TODAY = '2026-11-27';

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface PanelApiGateway {
  gateway: RunningGateway;
  origin: string;
  scenario: BillingScenario;
  /** An access token for the gateway's API of a persona (anna, ben, carla, dave, erin, olivia), or of another resource. */
  token(persona: string, resource?: string): Promise<string>;
  /** A new account in the simulated Dataverse, owned by the persona, linked to the SAP customer unless told otherwise. */
  createAccount(owner: string, customer: ScenarioCustomer | undefined, columns?: Record<string, unknown>): Promise<string>;
  /** RFC calls the simulated ECC has run so far. */
  sapCalls(): number;
  request(method: string, path: string, options?: { as?: string; token?: string; headers?: Record<string, string>; body?: unknown }): Promise<Answer>;
  close(): Promise<void>;
}

export const personaOf = (key: string) => {
  const persona = SANDBOX_PERSONAS.find((candidate) => candidate.key === key);
  if (!persona) throw new Error(`no persona ${key}`);
  return persona;
};

/** Starts the gateway on the sandbox with the configuration's defaults, overridden by `overrides` (JSON configuration). */
export async function startPanelApiGateway(overrides: Record<string, unknown> = {}): Promise<PanelApiGateway> {
  const config = configSchema.parse({ server: { port: 0, shutdownTimeoutMs: 2_000 }, sandbox: { customers: 10, today: TODAY }, ...overrides });
  const gateway = await startGateway(config, silent);
  const sandbox = gateway.sandbox!;
  const scenario = new BillingScenario({ ecc: sandbox.ecc, seeded: sandbox.seeded!, flush: () => undefined });
  const tokenUrl = `${gateway.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`;
  const tokens = new Map<string, string>();

  const token = async (persona: string, resource = SANDBOX_GATEWAY_API_ID_URI): Promise<string> => {
    const key = `${persona}|${resource}`;
    if (!tokens.has(key)) {
      const who = personaOf(persona);
      tokens.set(key, await acquireSandboxToken(tokenUrl, resource, { kind: 'persona', username: who.username, password: who.password }));
    }
    return tokens.get(key)!;
  };

  return {
    gateway,
    origin: gateway.origin,
    scenario,
    token,
    createAccount: async (owner, customer, columns = {}) => {
      const link = customer
        ? {
            ecc_customernumber: customer.customerNumber,
            ecc_salesorganization: customer.salesOrg.salesOrg,
            ecc_distributionchannel: customer.distributionChannel,
            ecc_division: customer.division,
            ecc_companycode: customer.salesOrg.companyCode,
            ecc_creditcontrolarea: customer.salesOrg.creditControlArea,
          }
        : {};
      const { id } = await gateway.dataverse.client.create('accounts', {
        name: `Panel test ${customer?.customerNumber ?? 'unlinked'}`,
        ...link,
        'ownerid@odata.bind': `/systemusers(${personaOf(owner).systemUserId})`,
        ...columns,
      });
      return id;
    },
    sapCalls: () => [...sandbox.ecc.callCounts.values()].reduce((sum, count) => sum + count, 0),
    request: async (method, path, options = {}) => {
      const bearer = options.token ?? (options.as !== undefined ? await token(options.as) : undefined);
      const response = await fetch(`${gateway.origin}${path}`, {
        method,
        headers: {
          ...(bearer !== undefined ? { Authorization: `Bearer ${bearer}` } : {}),
          ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
    close: () => gateway.close(),
  };
}

/**
 * Builds the panel API (/api/v1) and its OpenAPI document from the configuration: the token
 * validation (the sandbox identity provider's keys and issuer when Dataverse is the sandbox's;
 * otherwise the Entra tenant and app registration of the api section, or of the dataverse
 * section when left out), the CORS origins (on the sandbox also the gateway's own, for the form
 * preview), the account panels and sync results, and the quote routes, over the SAP and Dataverse
 * clients the gateway has; and the receiver of Dataverse's webhooks, which forgets the access
 * checks of an account whose SAP link, owner or existence changed.
 */

import { readFileSync } from 'node:fs';
import { Router } from 'express';
import { createPanelApiRouter } from '../api/v1/router.js';
import { createAccountChangeHandler } from '../api/v1/accountChanges.js';
import { accountPanelsRouter } from '../api/v1/accounts.js';
import { dataverseWebhookRouter } from '../api/v1/dataverseWebhook.js';
import { quotesRouter } from '../api/v1/quotes.js';
import { RecordAccess } from '../api/v1/recordAccess.js';
import { recordsRouter } from '../api/v1/records.js';
import { openApiRouter } from '../api/openapi.js';
import { createRemoteSigningKeys } from '../auth/signingKeys.js';
import { createTokenValidator } from '../auth/tokenValidator.js';
import { ConfigError } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { DataverseClient } from '../dataverse/client.js';
import { AppError } from '../model/errors.js';
import { readAccountSapLink, type AccountSapLink } from '../panels/accountLink.js';
import { createAccountPanels } from '../panels/accountPanels.js';
import { sessionWithin, withinDeadline } from '../panels/deadline.js';
import { isoLanguages, SapTexts } from '../panels/sapTexts.js';
import { createSyncResultsReader } from '../panels/syncResults.js';
import { createQuoteToSap } from '../quotes/index.js';
import type { RfcClient } from '../sap/rfc.js';
import { SANDBOX_APPLICATIONS } from '../sandbox/identities.js';
import { SANDBOX_GATEWAY_API_ID_URI } from '../sandbox/idp/index.js';
import { SANDBOX_WEBHOOK_KEY } from '../sandbox/crmSeed/index.js';
import type { Sandbox } from '../sandbox/sandbox.js';

export interface PanelApi {
  mounts: { path: string; router: Router }[];
  /** Starts serving, once the gateway listens on `origin` (allowed for CORS on the sandbox: the form preview's) with its Dataverse client. */
  attach(origin: string, dataverse: DataverseClient): void;
  close(): void;
}

interface TokenSettings {
  issuers: string[];
  audiences: string[];
  jwksUrl: string;
  caPem: string | undefined;
}

function readCaFile(path: string, setting: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  - ${setting}: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Who issues the tokens the API accepts, for whom, and where their keys are. */
function tokenSettings(config: Config, sandbox: Sandbox | undefined): TokenSettings {
  const { api, dataverse } = config;
  if (dataverse.target === 'sandbox' && sandbox) {
    const { idp } = sandbox;
    return {
      issuers: api.issuers ?? [idp.issuer],
      audiences: api.audiences ?? [SANDBOX_GATEWAY_API_ID_URI, SANDBOX_APPLICATIONS.gateway.clientId],
      jwksUrl: api.jwksUrl ?? idp.urls.jwksUri,
      caPem: api.jwksCaFile !== undefined ? readCaFile(api.jwksCaFile, 'api.jwksCaFile') : idp.caCertificatePem,
    };
  }
  const environment = dataverse.target === 'environment' ? dataverse : undefined;
  const tenantId = api.tenantId ?? environment?.tenantId;
  const clientId = api.clientId ?? environment?.clientId;
  const authority = (api.authority ?? environment?.authority ?? (tenantId !== undefined ? `https://login.microsoftonline.com/${tenantId}` : undefined))?.replace(/\/+$/, '');
  const missing = [
    ...(authority === undefined && (api.issuers === undefined || api.jwksUrl === undefined) ? ['api.tenantId (or api.authority, or api.issuers and api.jwksUrl)'] : []),
    ...(clientId === undefined && api.audiences === undefined ? ['api.clientId (or api.audiences)'] : []),
  ];
  if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n${missing.map((key) => `  - ${key}: needed to check the panel API's tokens`).join('\n')}`);
  const caFile = api.jwksCaFile ?? environment?.authorityCaFile;
  return {
    issuers: api.issuers ?? [`${authority!}/v2.0`, ...(tenantId !== undefined ? [`https://sts.windows.net/${tenantId}/`] : [])],
    audiences: api.audiences ?? [`api://${clientId!}`, clientId!],
    jwksUrl: api.jwksUrl ?? `${authority!}/discovery/v2.0/keys`,
    caPem: caFile !== undefined ? readCaFile(caFile, api.jwksCaFile !== undefined ? 'api.jwksCaFile' : 'dataverse.authorityCaFile') : undefined,
  };
}

/** The simulated ECC's date, for the panels' default windows and key dates, when SAP is the sandbox's. */
function sapToday(config: Config, sandbox: Sandbox | undefined): (() => string) | undefined {
  if (config.sap.transport !== 'sandbox' || !sandbox) return undefined;
  return () => sandbox.ecc.today().replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
}

/**
 * The panel API's routers, mounted before the gateway listens; they serve once `attach` has
 * handed in the Dataverse client, which on the sandbox exists only once the gateway's origin is
 * known (until then /api/v1 answers 503).
 */
export function createPanelApi(config: Config, systems: { sap: RfcClient; sandbox: Sandbox | undefined }): PanelApi {
  const tokens = tokenSettings(config, systems.sandbox);
  const keys = createRemoteSigningKeys({ jwksUrl: tokens.jwksUrl, ...(tokens.caPem !== undefined ? { caPem: tokens.caPem } : {}) });
  const validator = createTokenValidator({
    issuers: tokens.issuers,
    audiences: tokens.audiences,
    keys: keys.getKey,
    requiredScopes: config.api.scopes,
    clockSkewSeconds: config.api.clockSkewSeconds,
  });
  const origins = new Set<string>(config.api.corsOrigins);
  const today = sapToday(config, systems.sandbox);
  const texts = new SapTexts(config.panels.language, { ttlMs: config.panels.customizingCacheSeconds * 1000, maxEntries: 10_000 });
  const panels = createAccountPanels({
    sap: systems.sap,
    addOn: config.sap.addOn,
    cacheSeconds: config.panels.cacheSeconds,
    timeoutMs: config.panels.timeoutMs,
    customizingCacheSeconds: config.panels.customizingCacheSeconds,
    texts,
    defaults: { companyCode: config.panels.companyCode, creditControlArea: config.panels.creditControlArea },
    ...(today ? { today } : {}),
  });
  const accessCache = { cacheSeconds: config.api.accessCacheSeconds };
  const accountAccess = new RecordAccess<AccountSapLink>(accessCache);
  const recordAccess = new RecordAccess<true>(accessCache);
  // Dataverse's webhooks authenticate with the service endpoint's key, not a user's token: mounted before /api/v1.
  const webhooks = dataverseWebhookRouter({
    key: config.webhooks.key ?? (config.dataverse.target === 'sandbox' && systems.sandbox ? SANDBOX_WEBHOOK_KEY : undefined),
    handle: createAccountChangeHandler([accountAccess, recordAccess]),
  });
  const { quotes } = config;

  let features: Router | undefined;
  const v1 = Router();
  v1.use((request, response, next) => {
    if (features) return features(request, response, next);
    next(new AppError('GATEWAY_STARTING', 'The gateway is starting; try again in a moment.', { category: 'transient' }));
  });

  return {
    mounts: [
      { path: '/api/v1', router: webhooks },
      { path: '/api/v1', router: v1 },
      { path: '/api', router: openApiRouter() },
    ],
    attach: (origin, dataverse) => {
      if (systems.sandbox) origins.add(origin);
      features = createPanelApiRouter({
        validator,
        isAllowedOrigin: (candidate) => origins.has(candidate),
        rateLimit: config.api.rateLimit,
        routes: [
          accountPanelsRouter({
            panels,
            access: accountAccess,
            readAccount: (userObjectId, accountId) => readAccountSapLink(dataverse.asUser(userObjectId), accountId),
          }),
          recordsRouter({ access: recordAccess, syncResults: createSyncResultsReader(dataverse) }),
          quotesRouter({
            quotes: createQuoteToSap({
              sap: systems.sap,
              dataverse,
              settings: { approvalColumn: quotes.approvalColumn, approvedValue: quotes.approvedValue, abandonedAfterSeconds: quotes.abandonedAfterSeconds },
            }),
            // Read within a panel's deadline: a slow SAP leaves the name out, never the answer.
            documentTypeNames: (languages) =>
              withinDeadline(config.panels.timeoutMs, 'the document type names', (signal) => texts.read(sessionWithin(systems.sap, signal), 'documentTypes', isoLanguages(languages)))
                .catch(() => new Map<string, string>()),
          }),
        ],
      });
    },
    close: () => keys.close(),
  };
}

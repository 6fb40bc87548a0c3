/** Builds the Dataverse client the configuration asks for: the sandbox's, or an environment's. */

import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/load.js';
import type { DataverseConfig } from '../config/schema.js';
import { createDataverseClient, createDataverseTokenProvider, type DataverseClient, type DataverseClientCredential } from '../dataverse/index.js';
import type { Logger } from '../log/logger.js';
import { SANDBOX_APPLICATIONS } from '../sandbox/identities.js';
import { sandboxDataverseUrl, type Sandbox } from '../sandbox/sandbox.js';

export interface DataverseConnection {
  client: DataverseClient;
  /** For logs and /readyz: the environment URL. */
  description: string;
  close(): void;
}

/** Reads a file the configuration names, saying which setting named it when it cannot. */
function readConfiguredFile(path: string, setting: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  - dataverse.${setting}: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`);
  }
}

export function createDataverseConnection(config: DataverseConfig, sandbox: { instance: Sandbox; origin: string } | undefined, logger: Logger): DataverseConnection {
  const settings = { timeoutMs: config.timeoutMs, maxConcurrency: config.maxConcurrency, maxRetries: config.maxRetries, maxRetryWaitMs: config.maxRetryWaitMs };
  let environmentUrl: string;
  let tokens;
  if (config.target === 'sandbox') {
    if (!sandbox) throw new Error('dataverse.target "sandbox" needs the embedded sandbox');
    environmentUrl = sandboxDataverseUrl(sandbox.origin);
    tokens = createDataverseTokenProvider({
      environmentUrl,
      authority: sandbox.instance.idp.authority,
      authorityCaPem: sandbox.instance.idp.caCertificatePem,
      clientId: SANDBOX_APPLICATIONS.gateway.clientId,
      credential: { kind: 'secret', secret: SANDBOX_APPLICATIONS.gateway.clientSecret },
      timeoutMs: config.authorityTimeoutMs,
      logger,
    });
  } else {
    environmentUrl = config.url;
    const credential: DataverseClientCredential =
      config.clientSecret !== undefined
        ? { kind: 'secret', secret: config.clientSecret }
        : { kind: 'certificate', certificatePem: readConfiguredFile(config.certificateFile!, 'certificateFile'), privateKeyPem: readConfiguredFile(config.privateKeyFile!, 'privateKeyFile') };
    tokens = createDataverseTokenProvider({
      environmentUrl,
      authority: config.authority ?? `https://login.microsoftonline.com/${config.tenantId}`,
      clientId: config.clientId,
      credential,
      ...(config.authorityCaFile !== undefined ? { authorityCaPem: readConfiguredFile(config.authorityCaFile, 'authorityCaFile') } : {}),
      timeoutMs: config.authorityTimeoutMs,
      logger,
    });
  }
  const client = createDataverseClient({ environmentUrl, tokens, ...settings, logger });
  return {
    client,
    description: environmentUrl,
    close: () => {
      client.close();
      tokens.close();
    },
  };
}

/**
 * Access tokens for the Dataverse Web API, as the gateway's application user: the OAuth client
 * credentials grant through @azure/msal-node's ConfidentialClientApplication, with a client
 * secret or a certificate, for the scope `<environment URL>/.default`.
 *
 * Caching and renewal are MSAL's: a token is served from MSAL's in-memory cache until it is
 * within five minutes of expiring (msal-common's DEFAULT_TOKEN_RENEWAL_OFFSET_SEC = 300, not
 * configurable in msal-node 7), then a new one is requested, so a request never leaves with a
 * token about to expire. Concurrent callers share one acquisition. Entra's answer to a failure
 * is kept by MSAL for Retry-After (or 60 s) after a 429 or 5xx, during which the same error is
 * returned without calling Entra again.
 *
 * The authority must be HTTPS (MSAL refuses anything else). It is listed in knownAuthorities so
 * that MSAL trusts its own discovery document (`{authority}/v2.0/.well-known/openid-configuration`)
 * instead of asking login.microsoftonline.com for instance metadata, which lets the gateway use
 * the sandbox identity provider or an authority on a private network. A private CA is trusted
 * through `authorityCaPem`, which works in a running process (NODE_EXTRA_CA_CERTS is read only
 * at process start).
 */

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node';
import { MsalNetworkClient } from './msalNetworkClient.js';
import { DataverseTokenError, mapTokenError } from './tokenErrors.js';

export type DataverseClientCredential =
  | { kind: 'secret'; secret: string }
  | {
      kind: 'certificate';
      /** PEM of the certificate uploaded to the app registration. */
      certificatePem: string;
      /** PEM of its private key (PKCS#8 or PKCS#1, unencrypted). */
      privateKeyPem: string;
    };

/** The few logger methods the provider uses; the gateway's winston logger has them. */
export interface TokenProviderLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export interface DataverseTokenProviderOptions {
  /** The Dataverse environment, e.g. https://contoso.crm4.dynamics.com: the resource tokens are for. */
  environmentUrl: string;
  /** https://login.microsoftonline.com/<tenant id> for Microsoft Entra ID; the sandbox identity provider's authority in the sandbox. */
  authority: string;
  /** Application (client) id of the gateway's app registration. */
  clientId: string;
  credential: DataverseClientCredential;
  /** PEM of the CA certificate(s) that signed the authority's TLS certificate, when it is not publicly trusted. */
  authorityCaPem?: string;
  /** Most time one exchange with the authority may take. */
  timeoutMs?: number;
  logger?: TokenProviderLogger;
}

export interface DataverseTokenProvider {
  /** A bearer token for the environment; rejects with DataverseTokenError. The signal stops waiting, not the shared acquisition. */
  getAccessToken(options?: { signal?: AbortSignal }): Promise<string>;
  /** Releases the connections to the authority. */
  close(): void;
}

export const DEFAULT_AUTHORITY_TIMEOUT_MS = 10_000;

function configError(message: string, cause?: unknown): DataverseTokenError {
  return new DataverseTokenError('DATAVERSE_AUTH_CONFIG_INVALID', message, { category: 'config', cause });
}

function parseHttpsUrl(value: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw configError(`The Dataverse ${setting} "${value}" is not a URL.`, cause);
  }
  if (url.protocol !== 'https:' && setting === 'authority') {
    throw configError(`The Dataverse authority must be an https URL (MSAL refuses others), not "${value}".`);
  }
  return url;
}

/** MSAL's certificate credential: the SHA-256 thumbprint and a PKCS#8 key, after checking they belong together. */
function certificateCredential(credential: Extract<DataverseClientCredential, { kind: 'certificate' }>): NonNullable<Configuration['auth']['clientCertificate']> {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(credential.certificatePem);
  } catch (cause) {
    throw configError('The Dataverse client certificate is not a PEM certificate.', cause);
  }
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey(credential.privateKeyPem);
  } catch (cause) {
    throw configError('The Dataverse client certificate key is not a readable, unencrypted PEM private key.', cause);
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw configError(`The Dataverse client certificate key does not belong to the certificate (thumbprint ${certificate.fingerprint256.replaceAll(':', '')}).`);
  }
  return {
    thumbprintSha256: certificate.fingerprint256.replaceAll(':', ''),
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

export function createDataverseTokenProvider(options: DataverseTokenProviderOptions): DataverseTokenProvider {
  const authority = parseHttpsUrl(options.authority, 'authority');
  const environment = parseHttpsUrl(options.environmentUrl, 'environment URL');
  const scope = `${environment.origin}${environment.pathname.replace(/\/+$/, '')}/.default`;
  const authorityUrl = `${authority.origin}${authority.pathname.replace(/\/+$/, '')}`;
  const network = new MsalNetworkClient({ caPem: options.authorityCaPem, timeoutMs: options.timeoutMs ?? DEFAULT_AUTHORITY_TIMEOUT_MS });
  const logger = options.logger;

  const application = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      authority: authorityUrl,
      knownAuthorities: [authority.host],
      ...(options.credential.kind === 'secret' ? { clientSecret: options.credential.secret } : { clientCertificate: certificateCredential(options.credential) }),
    },
    system: {
      networkClient: network,
      loggerOptions: {
        // MSAL's own lines, without personal data; never tokens or secrets at these levels.
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message) => {
          if (level <= LogLevel.Warning) logger?.warn('MSAL', { msal: message });
          else logger?.debug('MSAL', { msal: message });
        },
      },
    },
  });

  let inFlight: Promise<string> | undefined;

  const acquire = async (): Promise<string> => {
    network.lastFailure = undefined;
    try {
      const result = await application.acquireTokenByClientCredential({ scopes: [scope] });
      if (!result?.accessToken) throw new DataverseTokenError('DATAVERSE_AUTH_FAILED', 'Microsoft Entra ID answered without an access token.', { category: 'system' });
      logger?.debug('Dataverse token ready', { fromCache: result.fromCache, expiresOn: result.expiresOn?.toISOString() });
      return result.accessToken;
    } catch (error) {
      const mapped = mapTokenError(error, { clientId: options.clientId, authority: authorityUrl, environmentUrl: options.environmentUrl, failure: network.lastFailure });
      logger?.warn('Dataverse token not acquired', { code: mapped.code, category: mapped.category, reason: mapped.message });
      throw mapped;
    }
  };

  return {
    getAccessToken: async ({ signal } = {}) => {
      signal?.throwIfAborted();
      const shared = (inFlight ??= acquire().finally(() => {
        inFlight = undefined;
      }));
      if (!signal) return shared;
      return new Promise<string>((resolve, reject) => {
        const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
        signal.addEventListener('abort', onAbort, { once: true });
        shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    close: () => network.close(),
  };
}

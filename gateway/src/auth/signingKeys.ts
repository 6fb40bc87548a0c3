/**
 * The identity provider's token signing keys (its JWKS), fetched and cached by jose's
 * createRemoteJWKSet: kept for `cacheMaxAgeMs`, fetched again when a token names a key id the
 * cache lacks (Entra rolls its keys), but at most once per `cooldownMs`, so tokens with made-up
 * key ids cannot make the gateway hammer the identity provider.
 *
 * jose fetches with the global fetch, which trusts only Node's CA store and NODE_EXTRA_CA_CERTS
 * (read once, at process start). An identity provider with a certificate from a private CA (an
 * on-premises authority, the sandbox's generated one) is reached instead through node:https with
 * an agent that also trusts the configured CA, as the Dataverse token provider does
 * (dataverse/msalNetworkClient.ts). Answers are bounded in size; jose bounds them in time.
 */

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { createRemoteJWKSet, customFetch, type FetchImplementation, type JWTVerifyGetKey } from 'jose';

export interface RemoteSigningKeysOptions {
  /** The identity provider's JWKS URL, e.g. https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys. */
  jwksUrl: string;
  /** PEM certificate(s) to trust besides Node's bundled roots. */
  caPem?: string;
  /** Most time one fetch may take. */
  timeoutMs?: number;
  /** Least time between two fetches caused by unknown key ids. */
  cooldownMs?: number;
  /** Keys are fetched again after this long even when every token's key is known. */
  cacheMaxAgeMs?: number;
}

export interface RemoteSigningKeys {
  getKey: JWTVerifyGetKey;
  close(): void;
}

const MAX_JWKS_BYTES = 512 * 1024;

function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** A fetch for jose over node:http(s) with the given agent: GET only, no redirects followed, bounded answers. */
function fetchThrough(agent: Agent): FetchImplementation {
  return (url, { headers, signal }) =>
    new Promise<Response>((resolve, reject) => {
      const send = url.startsWith('https:') ? httpsRequest : httpRequest;
      const outgoing = send(url, { method: 'GET', headers: Object.fromEntries(headers), signal, ...(url.startsWith('https:') ? { agent } : {}) }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_JWKS_BYTES) {
            outgoing.destroy(new Error(`the JWKS answer from ${url} exceeds ${MAX_JWKS_BYTES} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: response.statusCode ?? 0, headers: headersOf(response) })));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
}

export function createRemoteSigningKeys(options: RemoteSigningKeysOptions): RemoteSigningKeys {
  // `ca` replaces Node's roots, so keep them: the same gateway may reach login.microsoftonline.com.
  const agent = new Agent({ keepAlive: true, ...(options.caPem !== undefined ? { ca: [...rootCertificates, options.caPem] } : {}) });
  const getKey = createRemoteJWKSet(new URL(options.jwksUrl), {
    timeoutDuration: options.timeoutMs ?? 5_000,
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    [customFetch]: fetchThrough(agent),
  });
  return { getKey, close: () => agent.destroy() };
}

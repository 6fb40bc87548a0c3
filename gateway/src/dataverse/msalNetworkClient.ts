/**
 * MSAL's HTTP client for the gateway (MSAL's `system.networkClient`). MSAL node 7 uses the global
 * fetch, which trusts only Node's CA store and NODE_EXTRA_CA_CERTS (read once, at process start);
 * this client uses node:https with an agent that can also trust a CA given in configuration (an
 * on-premises authority, the sandbox's generated CA), bounds every exchange in time and size, and
 * remembers why the last exchange failed: MSAL reduces network failures to a bare
 * "network_error" or "endpoints_resolution_error", and the token provider needs the cause to tell
 * an unreachable authority (retry later) from an untrusted certificate (fix configuration).
 */

import { Agent, request } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

export type AuthorityFailureKind = 'unreachable' | 'timeout' | 'tls' | 'not-https' | 'http-error' | 'not-json';

/** Why the last exchange with the authority did not give MSAL a usable answer. */
export interface AuthorityFailure {
  kind: AuthorityFailureKind;
  url: string;
  message: string;
  /** Node's error code (ECONNREFUSED, UNABLE_TO_VERIFY_LEAF_SIGNATURE …). */
  code?: string;
  status?: number;
  /** The OAuth error body of an HTTP error, when the authority sent one. */
  body?: unknown;
}

export interface MsalNetworkClientOptions {
  /** PEM certificate(s) to trust besides Node's bundled roots. */
  caPem?: string;
  timeoutMs: number;
  maxResponseBytes?: number;
}

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|^ERR_TLS|^ERR_SSL/;

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The url without its query (MSAL puts client-request-id there): what errors and logs may show. */
function shownUrl(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export class MsalNetworkClient implements INetworkModule {
  /** Set when an exchange fails; the token provider clears it before each acquisition. */
  lastFailure: AuthorityFailure | undefined;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: MsalNetworkClientOptions) {
    // `ca` replaces Node's roots, so keep them: the same client must reach login.microsoftonline.com.
    this.agent = new Agent({ keepAlive: true, ...(options.caPem !== undefined ? { ca: [...rootCertificates, options.caPem] } : {}) });
    this.timeoutMs = options.timeoutMs;
    this.maxResponseBytes = options.maxResponseBytes ?? 1_048_576;
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.exchange<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.exchange<T>('POST', url, options);
  }

  close(): void {
    this.agent.destroy();
  }

  private fail(failure: AuthorityFailure): Error {
    this.lastFailure = failure;
    return new Error(`${failure.message} (${failure.url})`);
  }

  private exchange<T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined, timeout?: number): Promise<NetworkResponse<T>> {
    const shown = shownUrl(url);
    if (!url.startsWith('https:')) {
      return Promise.reject(this.fail({ kind: 'not-https', url: shown, message: 'the identity provider named an endpoint that is not HTTPS' }));
    }
    const body = method === 'POST' ? (options?.body ?? '') : undefined;
    const headers: Record<string, string> = { ...options?.headers };
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));

    return new Promise<NetworkResponse<T>>((resolve, reject) => {
      // The first outcome wins: a timeout or an oversized answer destroys the request, which then also errors.
      let settled = false;
      const limitMs = Math.min(timeout ?? this.timeoutMs, this.timeoutMs);
      const timer = setTimeout(() => {
        failWith({ kind: 'timeout', url: shown, message: `no answer within ${limitMs} ms` });
        outgoing.destroy();
      }, limitMs);
      const succeed = (value: NetworkResponse<T>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      };
      const failWith = (failure: AuthorityFailure) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(this.fail(failure));
      };

      const outgoing = request(url, { method, headers, agent: this.agent }, (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.maxResponseBytes) {
            failWith({ kind: 'not-json', url: shown, status, message: `the answer exceeds ${this.maxResponseBytes} bytes` });
            outgoing.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', (error) => failWith({ kind: 'unreachable', url: shown, code: errorCode(error), message: `the connection broke: ${error.message}` }));
        response.on('end', () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            failWith({ kind: 'not-json', url: shown, status, message: `the answer (HTTP ${status}) is not JSON` });
            return;
          }
          if (status >= 400) this.lastFailure = { kind: 'http-error', url: shown, status, body: parsed, message: `the identity provider answered HTTP ${status}` };
          const responseHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          succeed({ headers: responseHeaders, body: parsed as T, status });
        });
      });
      outgoing.on('error', (error) => {
        const code = errorCode(error);
        if (code !== undefined && TLS_CODE.test(code)) {
          failWith({ kind: 'tls', url: shown, code, message: `the identity provider's TLS certificate is not trusted: ${error.message}` });
        } else {
          failWith({ kind: 'unreachable', url: shown, code, message: `cannot connect: ${error.message}` });
        }
      });
      outgoing.end(body);
    });
  }
}

/**
 * HTTP exchanges with SAP's ICM for the SOAP-RFC transport: keep-alive agents (HTTP or HTTPS
 * with the customer's CA or certificate checks as configured), at most `maxConnections`
 * requests in flight so the gateway never floods SAP's work processes, every exchange bounded
 * by an AbortSignal (timeout or cancellation), response bodies bounded in size. Network
 * failures become typed errors here; HTTP statuses and faults are judged by soapFaults.ts.
 */

import { readFileSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { AppError } from '../../model/errors.js';
import { SapCommunicationError, SapRuntimeError, SapTimeoutError } from '../errors.js';
import type { HttpReply } from './soapFaults.js';

export interface SoapTlsOptions {
  /** PEM file with the CA certificate(s) that signed SAP's server certificate. */
  caFile?: string;
  /** Set to false only to test against a system with an untrusted certificate. Default true. */
  rejectUnauthorized?: boolean;
}

export interface SoapHttpOptions {
  maxConnections: number;
  maxResponseBytes: number;
  tls?: SoapTlsOptions;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /** What the exchange is for, in error messages ("BAPI_CUSTOMER_GETDETAIL2", "the WSDL of …"). */
  purpose: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/** Waits for one of a fixed number of slots; a waiter gives up when its signal aborts. */
class Slots {
  private free: number;
  private readonly waiting: { resolve: () => void; reject: (reason: unknown) => void; signal: AbortSignal; onAbort: () => void }[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async acquire(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.free += 1;
      return;
    }
    next.signal.removeEventListener('abort', next.onAbort);
    next.resolve();
  }
}

export class SoapHttp {
  private readonly slots: Slots;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: SoapHttpOptions) {
    this.slots = new Slots(options.maxConnections);
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: options.maxConnections });
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets: options.maxConnections,
      rejectUnauthorized: options.tls?.rejectUnauthorized ?? true,
      ...(options.tls?.caFile ? { ca: readFileSync(options.tls.caFile) } : {}),
    });
  }

  async exchange(request: HttpRequest): Promise<HttpReply> {
    try {
      await this.slots.acquire(request.signal);
    } catch (error) {
      throw networkError(error, request);
    }
    try {
      return await this.send(request);
    } catch (error) {
      throw networkError(error, request);
    } finally {
      this.slots.release();
    }
  }

  private send(request: HttpRequest): Promise<HttpReply> {
    const secure = request.url.protocol === 'https:';
    const body = request.body !== undefined ? Buffer.from(request.body, 'utf8') : undefined;
    return new Promise<HttpReply>((resolve, reject) => {
      const req = (secure ? https : http).request(request.url, {
        method: request.method,
        agent: secure ? this.httpsAgent : this.httpAgent,
        headers: { ...request.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
        signal: request.signal,
      });
      req.on('error', reject);
      req.on('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.options.maxResponseBytes) {
            res.destroy();
            reject(new SapRuntimeError(`SAP's answer for ${request.purpose} is larger than ${this.options.maxResponseBytes} bytes; ask for fewer rows`, { details: { url: request.url.href } }));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('close', () => {
          if (!res.complete) reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.end(body);
    });
  }

  destroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function networkError(error: unknown, request: HttpRequest): AppError {
  if (error instanceof SapRuntimeError) return error;
  const details = { url: request.url.origin + request.url.pathname, purpose: request.purpose };
  if (request.signal.aborted) {
    const reason: unknown = request.signal.reason;
    const timedOut = reason instanceof DOMException && reason.name === 'TimeoutError';
    return new SapTimeoutError(timedOut ? `SAP did not answer ${request.purpose} in time; the call was abandoned` : `${request.purpose} was cancelled`, { cause: error, details });
  }
  const code = (error as { code?: string }).code ?? '';
  const text = error instanceof Error ? error.message : String(error);
  if (/^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code)) {
    return new SapCommunicationError(
      `SAP's TLS certificate at ${request.url.host} was not accepted (${code}): configure the CA that signed it (tls.caFile). ${text}`,
      { category: 'config', cause: error, details },
    );
  }
  const reason = NETWORK_CODES.has(code) ? code : text;
  return new SapCommunicationError(`SAP could not be reached at ${request.url.host} for ${request.purpose} (${reason}); the call will be retried.`, { cause: error, details });
}

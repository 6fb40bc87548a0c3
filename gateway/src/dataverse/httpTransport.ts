/**
 * One HTTP exchange with Dataverse over node:http/https with keep-alive connections, bounded by
 * an AbortSignal (the pipeline's timeout or the caller's cancellation) and by a maximum response
 * size. A failure says whether the request had been sent completely: a request that never left
 * cannot have been applied, one that left and got no answer might have been.
 */

import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Buffer;
  signal: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export type TransportFailureKind = 'network' | 'aborted' | 'too-large';

export class TransportFailure extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    /** Whether the whole request had been handed to the network before the failure. */
    readonly sent: boolean,
    message: string,
    readonly networkCode?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportFailure';
  }
}

export interface HttpTransportOptions {
  /** Sockets per host; the concurrency limiter keeps requests below it. */
  maxSockets: number;
  maxResponseBytes: number;
}

export class HttpTransport {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: HttpTransportOptions) {
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: options.maxSockets });
  }

  send(request: HttpRequest): Promise<HttpAnswer> {
    const secure = request.url.protocol === 'https:';
    return new Promise<HttpAnswer>((resolve, reject) => {
      let sent = false;
      let answered = false;
      const req = (secure ? https : http).request(request.url, {
        method: request.method,
        agent: secure ? this.httpsAgent : this.httpAgent,
        headers: { ...request.headers, ...(request.body ? { 'Content-Length': String(request.body.length) } : {}) },
        signal: request.signal,
      });
      req.on('finish', () => (sent = true));
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (request.signal.aborted) {
          reject(new TransportFailure('aborted', sent, 'the request was aborted', undefined, { cause: error }));
          return;
        }
        // A kept-alive socket the server had just closed: the request never reached it (Node's documented
        // case for reusedSocket), so it counts as not sent and may be repeated whatever it was.
        const staleSocket = req.reusedSocket && error.code === 'ECONNRESET' && !answered;
        reject(new TransportFailure('network', sent && !staleSocket, error.message, error.code, { cause: error }));
      });
      req.on('response', (res: IncomingMessage) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.options.maxResponseBytes) {
            res.destroy();
            reject(new TransportFailure('too-large', true, `the answer is larger than ${this.options.maxResponseBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (error: NodeJS.ErrnoException) =>
          reject(new TransportFailure(request.signal.aborted ? 'aborted' : 'network', true, error.message, error.code, { cause: error })),
        );
        res.on('close', () => {
          if (!res.complete) reject(new TransportFailure(request.signal.aborted ? 'aborted' : 'network', true, 'the connection closed before the whole answer arrived', 'ECONNRESET'));
        });
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.end(request.body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

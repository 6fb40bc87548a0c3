/**
 * The SOAP-RFC transport: an RfcClient that reaches ECC over HTTP through the ICF service
 * /sap/bc/soap/rfc, for customers without the SAP NW RFC SDK.
 *
 * Like node-rfc, which reads a function's interface from the system before calling it, the
 * transport reads each function module's WSDL once (/sap/bc/soap/wsdl11?services=FM) and
 * checks and converts every call against it; results have the same shape as over RFC.
 * A plain call() is stateless: SAP runs it in an ABAP session of its own and rolls back
 * whatever it left uncommitted. inSession() opens a stateful ICF session
 * (sap-sessioncmd=open, then the sap-contextid cookie) so that a write BAPI and
 * BAPI_TRANSACTION_COMMIT share one LUW, and closes it (sap-sessioncmd=close) at the end,
 * also on failure.
 */

import { AppError } from '../../model/errors.js';
import type { XmlElement } from '../../xml/parse.js';
import { SapCommunicationError, SapRuntimeError } from '../errors.js';
import type { RfcCallOptions, RfcClient, RfcParameters, RfcSession } from '../rfc.js';
import { mapRfcLibraryError } from './rfcLibraryErrors.js';
import { errorForReply, excerpt, faultToError, readFault, type HttpReply, type ReplyContext } from './soapFaults.js';
import { SoapHttp, type SoapTlsOptions } from './soapHttp.js';
import { buildCallRequest, isResponseOf, readCallResponse, soapBodyElement, soapRequest } from './soapMessages.js';
import { readFunctionInterface, type FunctionInterface } from './soapWsdl.js';

export interface SoapRfcClientOptions {
  /** The ICF service, e.g. https://ecc.example.com:44300/sap/bc/soap/rfc */
  url: string;
  /** The SAP client (sap-client), e.g. "100". */
  client: string;
  user: string;
  password: string;
  /** Logon language (sap-language), e.g. "EN"; SAP's default otherwise. */
  language?: string;
  /** Default timeout of a call, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Requests in flight at most; keep it below the RFC user's share of dialog work processes. Default 4. */
  maxConnections?: number;
  /** Largest answer accepted, in bytes. Default 64 MiB. */
  maxResponseBytes?: number;
  tls?: SoapTlsOptions;
  /** The WSDL service; default: the rfc URL with …/soap/wsdl11 instead of …/soap/rfc. */
  wsdlUrl?: string;
}

const SESSION_COOKIE = 'sap-contextid';

/** One stateful ICF session: its cookies and state; its requests run one after another. */
class IcfSession {
  readonly cookies = new Map<string, string>();
  /** new: not opened yet; open: SAP holds it; lost: SAP ended it or a call broke, so its LUW is gone. */
  state: 'new' | 'open' | 'lost' = 'new';
  private tail: Promise<unknown> = Promise.resolve();

  get contextId(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  serialize<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Keeps what the server set (and forgets what it expired). */
  takeCookies(reply: HttpReply): void {
    for (const header of reply.headers['set-cookie'] ?? []) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = value === '' || attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a) || (/^\s*expires\s*=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

const sessionLost = (functionModule: string): SapCommunicationError =>
  new SapCommunicationError(
    `The SAP session of this unit of work was lost before ${functionModule} (it ended, was reset after a failed call, or SAP answered from a new session); SAP rolled back what was not committed, so the work will be repeated. If this recurs, check the session timeout in SICF and that the load balancer routes by ${SESSION_COOKIE}.`,
    { details: { functionModule } },
  );

/** …/soap/rfc → …/soap/wsdl11, the service SAP publishes beside it. */
function wsdlUrlOf(rfcUrl: URL): URL {
  if (!/\/soap\/rfc\/?$/.test(rfcUrl.pathname)) {
    throw new SapCommunicationError(`The SOAP-RFC URL ${rfcUrl.origin}${rfcUrl.pathname} does not end in /soap/rfc: configure the WSDL service's URL (wsdlUrl) too`, { category: 'config' });
  }
  const url = new URL(rfcUrl);
  url.pathname = rfcUrl.pathname.replace(/\/soap\/rfc\/?$/, '/soap/wsdl11');
  url.search = '';
  return url;
}

export function createSoapRfcClient(options: SoapRfcClientOptions): RfcClient {
  return new SoapRfcClient(options);
}

class SoapRfcClient implements RfcClient {
  readonly description: string;
  private readonly http: SoapHttp;
  private readonly rfcUrl: URL;
  private readonly wsdlUrl: URL;
  private readonly timeoutMs: number;
  private readonly authorization: string;
  private readonly interfaces = new Map<string, Promise<FunctionInterface>>();
  private closing = false;
  private inFlight = 0;
  private drained: (() => void) | undefined;

  constructor(private readonly options: SoapRfcClientOptions) {
    this.rfcUrl = new URL(options.url);
    this.wsdlUrl = new URL(options.wsdlUrl ?? wsdlUrlOf(this.rfcUrl));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.authorization = `Basic ${Buffer.from(`${options.user}:${options.password}`, 'utf8').toString('base64')}`;
    this.http = new SoapHttp({ maxConnections: options.maxConnections ?? 4, maxResponseBytes: options.maxResponseBytes ?? 64 * 1024 * 1024, ...(options.tls ? { tls: options.tls } : {}) });
    this.description = `soap-rfc ${this.rfcUrl.origin}${this.rfcUrl.pathname} client ${options.client}`;
  }

  async call(functionModule: string, parameters: RfcParameters, options?: RfcCallOptions): Promise<RfcParameters> {
    return this.tracked(() => this.invoke(functionModule, parameters, options, undefined));
  }

  async inSession<T>(work: (session: RfcSession) => Promise<T>): Promise<T> {
    return this.tracked(async () => {
      const session = new IcfSession();
      try {
        return await work({ call: (fm, parameters, options) => session.serialize(() => this.invoke(fm, parameters, options, session)) });
      } finally {
        if (session.state === 'open') await session.serialize(() => this.endSession(session)).catch(() => undefined);
      }
    });
  }

  async ping(options?: RfcCallOptions): Promise<void> {
    await this.tracked(async () => {
      const signal = this.deadline(options);
      const reply = await this.post('RFC_PING', soapRequest('RFC_PING', {}), signal, undefined, {});
      this.responseElement(reply, 'RFC_PING');
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    this.http.destroy();
  }

  private async tracked<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) throw new SapCommunicationError('The gateway is shutting down and takes no new SAP calls');
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  private deadline(options: RfcCallOptions | undefined): AbortSignal {
    const timeout = AbortSignal.timeout(options?.timeoutMs ?? this.timeoutMs);
    return options?.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  }

  private context(functionModule: string, url: URL): ReplyContext {
    return { functionModule, url: url.origin + url.pathname, user: this.options.user, client: this.options.client };
  }

  private async invoke(functionModule: string, parameters: RfcParameters, options: RfcCallOptions | undefined, session: IcfSession | undefined): Promise<RfcParameters> {
    const name = functionModule.toUpperCase();
    const signal = this.deadline(options);
    const fi = await this.functionInterface(name, signal);
    let request: string;
    try {
      request = buildCallRequest(fi, parameters);
    } catch (error) {
      throw mapRfcLibraryError(error, name);
    }
    const reply = await this.post(name, request, signal, session, session?.state === 'new' ? { 'sap-sessioncmd': 'open' } : {});
    return readCallResponse(fi, this.responseElement(reply, name));
  }

  /** Sends a SOAP request; in a session, with its cookies, checking that SAP kept the session. */
  private async post(functionModule: string, body: string, signal: AbortSignal, session: IcfSession | undefined, query: Record<string, string>): Promise<HttpReply> {
    if (session?.state === 'lost') throw sessionLost(functionModule);
    const url = this.urlWith(this.rfcUrl, query);
    const contextBefore = session?.contextId;
    let reply: HttpReply;
    try {
      reply = await this.http.exchange({
        method: 'POST',
        url,
        headers: {
          Authorization: this.authorization,
          'Content-Type': 'text/xml; charset=utf-8',
          Accept: 'text/xml',
          SOAPAction: '"urn:sap-com:document:sap:rfc:functions"',
          ...(session && session.cookies.size > 0 ? { Cookie: session.cookieHeader() } : {}),
        },
        body,
        signal,
        purpose: functionModule,
      });
    } catch (error) {
      // A call that broke or was cancelled may have reset the ABAP session on SAP's side.
      if (session && session.state === 'open') session.state = 'lost';
      throw error;
    }
    if (!session) return reply;
    session.takeCookies(reply);
    if (session.state === 'new') {
      if (session.contextId !== undefined) session.state = 'open';
      else if (reply.status < 400) {
        session.state = 'lost';
        throw new SapCommunicationError(
          `SAP did not open a stateful session for ${functionModule} (no ${SESSION_COOKIE} cookie in the answer to sap-sessioncmd=open), so a commit could not see the work before it. Check that ${this.rfcUrl.pathname} allows stateful sessions and that no proxy drops cookies.`,
          { category: 'config', details: { functionModule } },
        );
      }
    } else if (session.contextId !== contextBefore) {
      session.state = 'lost';
      if (reply.status < 400) throw sessionLost(functionModule);
    }
    return reply;
  }

  /** The rfc:<FM>.Response of a successful answer; any other answer becomes its typed error. */
  private responseElement(reply: HttpReply, functionModule: string): XmlElement {
    const context = this.context(functionModule, this.rfcUrl);
    if (reply.status !== 200) throw errorForReply(reply, context);
    let element: XmlElement;
    try {
      element = soapBodyElement(reply.body);
    } catch (error) {
      throw new SapRuntimeError(`SAP's answer to ${functionModule} is not a SOAP message (${error instanceof Error ? error.message : String(error)}): ${excerpt(reply.body)}`, { cause: error, details: { functionModule } });
    }
    if (isResponseOf(element, functionModule)) return element;
    const fault = readFault(element);
    if (fault) throw faultToError(fault, context);
    throw new SapRuntimeError(`SAP answered ${functionModule} with an unexpected <${element.name}> element`, { details: { functionModule } });
  }

  private async endSession(session: IcfSession): Promise<void> {
    const reply = await this.post('RFC_PING', soapRequest('RFC_PING', {}), this.deadline(undefined), session, { 'sap-sessioncmd': 'close' });
    this.responseElement(reply, 'RFC_PING');
  }

  /** The interface of a function module from its WSDL, read once. */
  private functionInterface(functionModule: string, signal: AbortSignal): Promise<FunctionInterface> {
    let cached = this.interfaces.get(functionModule);
    if (!cached) {
      cached = this.readInterface(functionModule, signal);
      this.interfaces.set(functionModule, cached);
      cached.catch(() => this.interfaces.delete(functionModule));
    }
    return cached;
  }

  private async readInterface(functionModule: string, signal: AbortSignal): Promise<FunctionInterface> {
    const url = this.urlWith(this.wsdlUrl, { services: functionModule });
    const reply = await this.http.exchange({
      method: 'GET',
      url,
      headers: { Authorization: this.authorization, Accept: 'text/xml' },
      signal,
      purpose: `the WSDL of ${functionModule}`,
    });
    if (reply.status !== 200) throw errorForReply(reply, this.context(functionModule, url));
    try {
      return readFunctionInterface(reply.body, functionModule);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new SapRuntimeError(`SAP's WSDL for ${functionModule} could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error, details: { functionModule } });
    }
  }

  private urlWith(base: URL, query: Record<string, string>): URL {
    const url = new URL(base);
    url.searchParams.set('sap-client', this.options.client);
    if (this.options.language) url.searchParams.set('sap-language', this.options.language);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url;
  }
}

/**
 * The simulated ECC's ICF services for RFC over SOAP: POST …/soap/rfc runs a function module
 * from a SOAP envelope, GET …/soap/wsdl11?services=FM describes it. Mounted by the CLI at
 * /sandbox/sap/bc, so the endpoints mirror SAP's /sap/bc/soap/rfc and /sap/bc/soap/wsdl11.
 *
 * As on SAP: Basic authentication against the system's users (401 with SAP's realm when it
 * fails, also for an unknown sap-client); each request is its own ABAP session unless it opens
 * a stateful one (sap-sessioncmd=open, then the sap-contextid cookie); business errors travel
 * in RETURN with HTTP 200, exceptions and interface errors as SOAP faults (faults.ts); an ECC
 * that is down or out of work processes answers 503 as the ICM would.
 */

import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { RFC_ERROR_GROUP, RfcLibraryError, functionNotFound } from '../rfcErrors.js';
import type { EccConnection, SimulatedEcc } from '../simulatedEcc.js';
import { failureAnswer, serviceUnavailable, sessionNotFound, type HttpAnswer } from './faults.js';
import { readRfcRequest } from './request.js';
import { renderRfcResponse } from './response.js';
import { SessionNotFound, SessionTable, SessionTableFull } from './sessions.js';
import { renderWsdl } from './wsdl.js';

export interface SoapRfcServiceOptions {
  /** Largest request body accepted, in bytes (the ICM's limit). Default 5 MB. */
  maxBodyBytes?: number;
  /** Inactivity after which a stateful session ends and rolls back (SICF session timeout). Default 3 minutes. */
  sessionTimeoutMs?: number;
  /** Stateful sessions open at once. Default 200. */
  maxSessions?: number;
  /** The application server in session ids: <host>_<SID>_<instance>. */
  serverName?: string;
}

export type SoapRfcRouter = Router & {
  readonly sessions: SessionTable;
  /** Ends every stateful session (rolling back their LUWs); call when the server stops. */
  closeSessions(): void;
};

const CONTEXT_COOKIE = 'sap-contextid';

export function createSoapRfcRouter(ecc: SimulatedEcc, options: SoapRfcServiceOptions = {}): SoapRfcRouter {
  const sessions = new SessionTable({
    timeoutMs: options.sessionTimeoutMs ?? 180_000,
    maxSessions: options.maxSessions ?? 200,
    serverName: options.serverName ?? `ecc365sandbox_${ecc.systemId}_00`,
  });
  const router = express.Router();
  const realm = `SAP NetWeaver Application Server [${ecc.systemId}/${ecc.client}]`;

  const send = (res: Response, answer: HttpAnswer): void => {
    res.status(answer.status).set('Content-Type', answer.contentType).send(answer.body);
  };

  /** Logs the caller on (a new ABAP session), or answers 401/503 and returns undefined. */
  const logon = (req: Request, res: Response): { user: string; connection: EccConnection } | undefined => {
    if (ecc.knobs.down) {
      send(res, serviceUnavailable(`the application server of ${ecc.systemId} does not answer`));
      return undefined;
    }
    const refuse = (reason: string): undefined => {
      res.status(401).set('WWW-Authenticate', `Basic realm="${realm}"`).type('text/plain').send(`Logon failed: ${reason}`);
      return undefined;
    };
    const client = queryValue(req, 'sap-client');
    if (client !== undefined && client !== ecc.client) return refuse(`client ${client} does not exist`);
    const credentials = basicCredentials(req.headers.authorization);
    if (!credentials) return refuse('no credentials');
    try {
      return { user: credentials.user.toUpperCase(), connection: ecc.connect(credentials.user, credentials.password) };
    } catch (error) {
      if (error instanceof RfcLibraryError && error.group === RFC_ERROR_GROUP.COMMUNICATION_FAILURE) {
        send(res, serviceUnavailable(error.message));
        return undefined;
      }
      return refuse('name or password is incorrect');
    }
  };

  router.post('/soap/rfc', express.text({ type: () => true, limit: options.maxBodyBytes ?? 5 * 1024 * 1024 }), async (req, res) => {
    const caller = logon(req, res);
    if (!caller) return;
    const cookiePath = `${req.baseUrl}/soap/rfc`;
    const expiredCookie = `${CONTEXT_COOKIE}=; path=${cookiePath}; Max-Age=0`;
    const command = queryValue(req, 'sap-sessioncmd')?.toLowerCase();
    const cookieContext = cookieValue(req.headers.cookie, CONTEXT_COOKIE);
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const execute = (connection: EccConnection): Promise<HttpAnswer> => runCall(ecc, connection, typeof req.body === 'string' ? req.body : '', controller.signal);

    if (command !== 'open' && cookieContext === undefined) {
      try {
        send(res, await execute(caller.connection));
      } finally {
        caller.connection.close();
      }
      return;
    }

    let contextId: string;
    if (command === 'open') {
      try {
        contextId = sessions.open(caller.user, caller.connection);
      } catch (error) {
        caller.connection.close();
        if (error instanceof SessionTableFull) return send(res, serviceUnavailable(error.message));
        throw error;
      }
      res.append('Set-Cookie', `${CONTEXT_COOKIE}=${encodeURIComponent(contextId)}; path=${cookiePath}; HttpOnly`);
    } else {
      caller.connection.close();
      contextId = cookieContext!;
      if (!sessions.has(contextId, caller.user)) {
        res.append('Set-Cookie', expiredCookie);
        return send(res, sessionNotFound());
      }
    }
    let answer: HttpAnswer;
    let ended = command === 'close';
    try {
      answer = await sessions.run(contextId, execute);
    } catch (error) {
      if (!(error instanceof SessionNotFound)) throw error;
      answer = sessionNotFound();
      ended = true;
    } finally {
      if (command === 'close') sessions.close(contextId);
    }
    if (ended) res.append('Set-Cookie', expiredCookie);
    send(res, answer);
  });

  router.get('/soap/wsdl11', (req, res) => {
    const caller = logon(req, res);
    if (!caller) return;
    caller.connection.close();
    const names = (queryValue(req, 'services') ?? '').split(',').map((name) => name.trim().toUpperCase()).filter(Boolean);
    if (names.length === 0) return void res.status(400).type('text/plain').send('Name the function modules in the query parameter services=');
    const defs = [];
    for (const name of names) {
      const def = ecc.functionModule(name);
      if (!def) return send(res, failureAnswer(name, functionNotFound(name)));
      defs.push(def);
    }
    const location = `${req.protocol}://${req.get('host')}${req.baseUrl}/soap/rfc`;
    res.status(200).set('Content-Type', 'text/xml; charset=utf-8').send(renderWsdl(defs, location));
  });

  // Body parser failures (413 too large, 400 unreadable) answer as the ICM does: plain text.
  router.use((error: { status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    res.status(error.status ?? 500).type('text/plain').send(error.message ?? 'Internal Server Error');
  });

  return Object.assign(router, { sessions, closeSessions: () => sessions.closeAll() });
}

/** One call of a function module from a SOAP request, as the HTTP answer to send. */
async function runCall(ecc: SimulatedEcc, connection: EccConnection, body: string, signal: AbortSignal): Promise<HttpAnswer> {
  let functionModule: string | undefined;
  try {
    const request = readRfcRequest(body, (name) => {
      functionModule = name;
      return ecc.functionModule(name);
    });
    const output = await connection.call(request.functionModule, request.parameters, { signal });
    const xml = renderRfcResponse(ecc.functionModule(request.functionModule)!, output, request.tablesSent);
    return { status: 200, contentType: 'text/xml; charset=utf-8', body: xml };
  } catch (error) {
    return failureAnswer(functionModule, error);
  }
}

function queryValue(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return part.slice(eq + 1).trim();
      }
    }
  }
  return undefined;
}

/**
 * The simulated Dataverse's Web API over HTTP: an Express Router serving /api/data/v9.2/ (v9.0
 * and v9.1 URLs too, as Dataverse keeps them working). The CLI mounts it at /sandbox/dataverse.
 *
 * Every request is authenticated by the injected `authenticate` (the sandbox identity
 * provider's token verifier in the product; there is no way around it): the caller is the system
 * user whose azureactivedirectoryobjectid is the token's oid. A CallerObjectId (Entra object id)
 * or MSCRMCallerID (systemuserid) header makes the request run as that user, if the caller holds
 * prvActOnBehalfOfAnotherUser. Then the beforeRequest hook (service protection) runs, then the
 * request (webApi.ts).
 */

import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { DataverseFault, faults } from './faults.js';
import type { Principal } from './security.js';
import type { OperationContext, SimulatedDataverse } from './simulatedDataverse.js';
import { faultResponse, WebApi, type ApiResponse, type SolutionImporter } from './webApi.js';

export interface DataverseRouterOptions {
  /**
   * Verifies the Authorization header and names the caller by Entra object id; rejects when the
   * token is missing or not acceptable. A rejection carrying `headers` (the WWW-Authenticate
   * challenge) is sent as is with status 401.
   */
  authenticate(authorizationHeader: string | undefined): Promise<{ objectId: string }>;
  /** Runs the ImportSolution action. Default: the simulated Dataverse's solution import (solution/). */
  importSolution?: SolutionImporter;
  /** Largest request body accepted. Default 32 MB (solution zips travel base64-encoded). */
  maxBodyBytes?: number;
}

/** The Web API's path below the router's mount point. */
export const WEB_API_PATH = '/api/data/v9.2';

export function createDataverseRouter(dataverse: SimulatedDataverse, options: DataverseRouterOptions): Router {
  const router = express.Router();
  const webApi = new WebApi(dataverse, options.importSolution);

  const send = (res: Response, answer: ApiResponse, requestId: string, hookHeaders: Record<string, string> = {}): void => {
    res.status(answer.status).set({ ...hookHeaders, ...answer.headers, REQ_ID: requestId, 'x-ms-service-request-id': requestId });
    if (answer.body === undefined) res.end();
    else res.send(answer.body);
  };

  router.use(
    /^\/api\/data\/v9\.[0-2]/,
    express.raw({ type: () => true, limit: options.maxBodyBytes ?? 32 * 1024 * 1024 }),
    async (req: Request, res: Response) => {
      const requestId = randomUUID();
      let callingUser: Principal;
      try {
        const { objectId } = await options.authenticate(req.headers.authorization);
        const principal = dataverse.security.byObjectId(objectId);
        if (!principal) throw faults.userNotInOrganization();
        callingUser = principal;
      } catch (error) {
        if (error instanceof DataverseFault) return send(res, faultResponse(error), requestId);
        const headers = (error as { headers?: Record<string, string> }).headers ?? { 'WWW-Authenticate': 'Bearer' };
        return send(res, { status: 401, headers }, requestId);
      }
      let finished: (() => void) | void = undefined;
      const responseHeaders: Record<string, string> = {};
      try {
        const caller = impersonated(dataverse, callingUser, req);
        const context: OperationContext = { caller, callingUser, correlationId: header(req, 'x-ms-correlation-request-id') ?? randomUUID() };
        // Express has matched the version root: baseUrl ends with /api/data/v9.x, url is the rest.
        const target = req.url.replace(/^\//, '');
        const serviceRoot = `${req.protocol}://${req.get('host')}${req.baseUrl}/`;
        const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
        const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
        finished = await dataverse.hooks.beforeRequest?.({
          method: req.method,
          path: target,
          caller,
          callingUser,
          operations: target.startsWith('$batch') ? countBatchRequests(body) : 1,
          responseHeaders,
        });
        send(res, await webApi.handle(context, { method: req.method, target, headers, body }, serviceRoot), requestId, responseHeaders);
      } catch (error) {
        if (error instanceof DataverseFault) return send(res, faultResponse(error), requestId, responseHeaders);
        send(res, faultResponse(faults.unexpected(error instanceof Error ? error.message : String(error))), requestId, responseHeaders);
      } finally {
        if (typeof finished === 'function') finished();
      }
    },
  );
  return router;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The user a request runs as: the caller, or whom CallerObjectId / MSCRMCallerID names. */
function impersonated(dataverse: SimulatedDataverse, callingUser: Principal, req: Request): Principal {
  const objectId = header(req, 'callerobjectid');
  const systemUserId = header(req, 'mscrmcallerid');
  if (objectId === undefined && systemUserId === undefined) return callingUser;
  dataverse.security.assertMayImpersonate(callingUser);
  const target = objectId !== undefined ? dataverse.security.byObjectId(objectId.trim()) : dataverse.security.bySystemUserId(systemUserId!.trim());
  if (!target) {
    throw objectId !== undefined
      ? faults.recordNotFound('systemuser', `azureactivedirectoryobjectid ${objectId}`)
      : faults.recordNotFound('systemuser', systemUserId!);
  }
  return target;
}

/** How many requests a $batch body holds, for service protection counting (an estimate: request lines). */
function countBatchRequests(body: string): number {
  return Math.max(1, (body.match(/^(GET|POST|PATCH|PUT|DELETE) \S+ HTTP\/1\.1\s*$/gm) ?? []).length);
}

/**
 * The seams of the simulated Dataverse for the behaviour other parts of the sandbox add:
 *
 * - beforeRequest: service protection limits. Called once per HTTP request to the Web API, after
 *   the caller is authenticated and impersonation resolved, before the request runs (a $batch
 *   once, with `operations` its number of requests). Throw a DataverseFault to refuse the request
 *   (429 with a Retry-After header and code 0x80072322/21/26); the router sends it as Dataverse
 *   would. Return a function to be told when the request has finished (to release a concurrency
 *   slot and measure execution time); it is called on success and failure alike.
 *
 * - afterCommit: webhooks (service endpoints and processing steps). Called after each committed
 *   write, once per row, in commit order, with the message, table, id, pre- and post-image and
 *   caller; writes of a change set or bulk message are reported only when the whole of it
 *   committed, never for a rollback. The request's response waits for it (like a synchronous
 *   post-operation step); the write is committed whatever it does, so it records delivery
 *   failures itself (as Dataverse's system jobs do) instead of throwing.
 */

import type { Principal } from './security.js';
import type { Row } from './values.js';

export interface IncomingRequest {
  method: string;
  /** The path below the service root: accounts(…), $batch, WhoAmI … */
  path: string;
  /** The user the request runs as (the impersonated user when CallerObjectId is given). */
  caller: Principal;
  /** The user whose token came with the request. */
  callingUser: Principal;
  /** 1, or the number of requests in a $batch. */
  operations: number;
  /** Headers to add to the answer, whatever it is (service protection's x-ms-ratelimit-* headers). */
  responseHeaders: Record<string, string>;
}

export type RequestFinished = () => void;

export type WriteMessage = 'Create' | 'Update' | 'Delete';

export interface CommittedWrite {
  message: WriteMessage;
  /** Logical name of the table. */
  table: string;
  id: string;
  /** The row before the write (Update, Delete), as stored: lookups are { id, logicalName }. */
  preImage: Row | undefined;
  /** The row after the write (Create, Update). */
  postImage: Row | undefined;
  /** The columns the request set (the Target's attributes), system columns included. */
  changedAttributes: string[];
  /** The user the write ran as. */
  userId: string;
  /** The user who sent the request (differs from userId under impersonation). */
  initiatingUserId: string;
  businessUnitId: string;
  organizationId: string;
  correlationId: string;
  requestId: string;
  /** When the write committed (ISO 8601, UTC). */
  committedOn: string;
}

export interface DataverseHooks {
  beforeRequest?(request: IncomingRequest): Promise<RequestFinished | void> | RequestFinished | void;
  afterCommit?(write: CommittedWrite): Promise<void> | void;
}

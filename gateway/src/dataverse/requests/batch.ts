/**
 * $batch: many requests in one POST, as batchWriter.ts writes them. Requests in a change set
 * commit together or roll back together; requests outside change sets run one by one. Without
 * continueOnError Dataverse stops at the first failure (and answers 400 with what ran so far);
 * with it (Prefer: odata.continue-on-error) it runs every request. The result has one entry per
 * request, in order: succeeded (with the status, the new record's id, the body), failed (with a
 * typed error), rolled back (its change set failed elsewhere), or not executed (the batch stopped
 * before it). The batch as a whole is repeated after a lost answer only if all its requests are
 * safe to repeat.
 */

import { DataverseRequestError, DataverseResponseError, errorFromResponse, type DataverseError, type FailureContext } from '../errors.js';
import { readBatch, type BatchAnswerItem, type BatchPartAnswer } from '../batchReader.js';
import { isChangeSet, writeBatch, type BatchItem, type BatchOperation } from '../batchWriter.js';
import { assertIdentifier } from '../odataValues.js';
import { requestOptionsOf, type DataversePipeline, type DataverseResponse, type RequestOptions } from '../pipeline.js';
import { queryString, type QueryOptions } from '../query.js';
import { idFromEntityUrl, recordPath, type RecordRef } from '../recordAddress.js';
import type { UpsertMode } from './upsert.js';

export type { BatchItem, BatchOperation } from '../batchWriter.js';

/** A record in a batch: by id or key, or the record an earlier request of the same change set created ({ contentId: '1' }). */
export type BatchTarget = RecordRef | { readonly contentId: string };

function targetPath(entitySet: string, target: BatchTarget): string {
  if (typeof target === 'object' && 'contentId' in target) {
    if (!/^[A-Za-z0-9._-]+$/.test(target.contentId)) throw new DataverseRequestError(`"${target.contentId}" is not a usable Content-ID.`);
    return `$${target.contentId}`;
  }
  return recordPath(entitySet, target);
}

/** The value of "@odata.bind" pointing at the record an earlier request of the change set created. */
export const bindToContentId = (contentId: string): string => `$${contentId}`;

/** Batch requests, written like their standalone counterparts. */
export const batchRequest = {
  create: (entitySet: string, data: Record<string, unknown>, contentId?: string): BatchOperation => ({
    method: 'POST',
    path: assertIdentifier(entitySet, 'entity set'),
    body: data,
    idempotent: false,
    operation: `create ${entitySet}`,
    ...(contentId !== undefined ? { contentId } : {}),
  }),
  update: (entitySet: string, target: BatchTarget, data: Record<string, unknown>): BatchOperation => ({
    method: 'PATCH',
    path: targetPath(entitySet, target),
    body: data,
    headers: { 'If-Match': '*' },
    idempotent: true,
    operation: `update ${entitySet}`,
  }),
  upsert: (entitySet: string, ref: RecordRef, data: Record<string, unknown>, mode: UpsertMode = 'upsert'): BatchOperation => ({
    method: 'PATCH',
    path: recordPath(entitySet, ref),
    body: data,
    ...(mode === 'createOnly' ? { headers: { 'If-None-Match': '*' } } : mode === 'updateOnly' ? { headers: { 'If-Match': '*' } } : {}),
    idempotent: mode !== 'createOnly',
    operation: `upsert ${entitySet}`,
  }),
  delete: (entitySet: string, target: BatchTarget): BatchOperation => ({
    method: 'DELETE',
    path: targetPath(entitySet, target),
    idempotent: true,
    operation: `delete ${entitySet}`,
  }),
  retrieve: (entitySet: string, ref: RecordRef, select?: readonly string[]): BatchOperation => ({
    method: 'GET',
    path: `${recordPath(entitySet, ref)}${queryString(select ? { select } : {})}`,
    idempotent: true,
    operation: `retrieve ${entitySet}`,
  }),
  /** One page of rows; give $top to bound it. */
  retrieveMultiple: (entitySet: string, query: QueryOptions): BatchOperation => ({
    method: 'GET',
    path: `${assertIdentifier(entitySet, 'entity set')}${queryString(query)}`,
    idempotent: true,
    operation: `retrieve ${entitySet}`,
  }),
};

export type BatchOutcome = 'succeeded' | 'failed' | 'rolled-back' | 'not-executed';

export interface BatchOperationResult {
  outcome: BatchOutcome;
  /** What the request did ("create accounts"). */
  operation: string;
  contentId: string | undefined;
  /** HTTP status of the request's own answer. */
  status: number | undefined;
  /** The record a create or upsert wrote (from OData-EntityId). */
  id: string | undefined;
  /** The JSON body of the answer (a retrieved record or page), when there was one. */
  body: unknown;
  /** Why it failed, or why its change set rolled back. */
  error: DataverseError | undefined;
}

export interface BatchResult {
  /** True when every request succeeded. */
  ok: boolean;
  results: BatchOperationResult[];
}

export interface BatchOptions extends RequestOptions {
  /** Run every request even after one failed (Prefer: odata.continue-on-error). */
  continueOnError?: boolean;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

class ResultBuilder {
  constructor(
    private readonly pipeline: DataversePipeline,
    private readonly response: DataverseResponse,
    private readonly callerObjectId: string | undefined,
  ) {}

  private context(operation: BatchOperation): FailureContext {
    return {
      operation: operation.operation,
      host: new URL(this.pipeline.serviceRoot).host,
      ...(this.callerObjectId ? { callerObjectId: this.callerObjectId } : {}),
      attempts: this.response.attempts,
      afterUnknownOutcome: this.response.afterUnknownOutcome,
    };
  }

  answered(operation: BatchOperation, answer: BatchPartAnswer, error?: DataverseError): BatchOperationResult {
    const succeeded = answer.status < 400;
    return {
      outcome: succeeded ? 'succeeded' : 'failed',
      operation: operation.operation,
      contentId: operation.contentId,
      status: answer.status,
      id: idFromEntityUrl(answer.headers['odata-entityid'] ?? answer.headers.location),
      body: parseBody(answer.body),
      error: succeeded ? undefined : (error ?? errorFromResponse({ status: answer.status, body: answer.body }, this.context(operation))),
    };
  }

  unanswered(operation: BatchOperation, outcome: 'rolled-back' | 'not-executed', error?: DataverseError): BatchOperationResult {
    return { outcome, operation: operation.operation, contentId: operation.contentId, status: undefined, id: undefined, body: undefined, error };
  }

  /** A change set's answers: all committed, or one failure and the rest rolled back. */
  changeSet(operations: readonly BatchOperation[], answers: BatchPartAnswer[]): BatchOperationResult[] {
    const failure = answers.find((answer) => answer.status >= 400);
    if (!failure) {
      return operations.map((operation, index) => {
        const answer = answers.find((candidate) => candidate.contentId !== undefined && candidate.contentId === operation.contentId) ?? answers[index];
        if (!answer) throw new DataverseResponseError(`Dataverse's $batch answer has no answer for ${operation.operation} in a change set that committed.`);
        return this.answered(operation, answer);
      });
    }
    const failing = operations.find((operation) => operation.contentId !== undefined && operation.contentId === failure.contentId);
    const error = errorFromResponse({ status: failure.status, body: failure.body }, this.context(failing ?? operations[0]!));
    return operations.map((operation) => (operation === failing ? this.answered(operation, failure, error) : this.unanswered(operation, 'rolled-back', error)));
  }
}

export async function executeBatch(pipeline: DataversePipeline, items: readonly BatchItem[], options: BatchOptions = {}): Promise<BatchResult> {
  const written = writeBatch(items, pipeline.serviceRoot);
  const operations = written.items.flatMap((item) => (isChangeSet(item) ? item.changeSet : [item]));
  const response = await pipeline.send({
    ...requestOptionsOf(options),
    method: 'POST',
    path: '$batch',
    operation: `$batch of ${operations.length} request(s)`,
    idempotent: operations.every((operation) => operation.idempotent),
    rawBody: { contentType: written.contentType, text: written.body },
    acceptContentType: /^\s*multipart\/mixed/i,
    ...(options.continueOnError ? { prefer: ['odata.continue-on-error'] } : {}),
  });
  const answers: BatchAnswerItem[] = readBatch(response.headers['content-type'], response.body);
  const builder = new ResultBuilder(pipeline, response, options.callerObjectId);
  const results: BatchOperationResult[] = [];
  let next = 0;
  for (const item of written.items) {
    const answer = answers[next];
    if (answer === undefined) {
      for (const operation of isChangeSet(item) ? item.changeSet : [item]) results.push(builder.unanswered(operation, 'not-executed'));
      continue;
    }
    next += 1;
    if (!isChangeSet(item)) {
      if (answer.kind !== 'answer') throw new DataverseResponseError(`Dataverse's $batch answer has a change set where ${item.operation} was expected.`);
      results.push(builder.answered(item, answer.answer));
    } else {
      results.push(...builder.changeSet(item.changeSet, answer.kind === 'changeSet' ? answer.answers : [answer.answer]));
    }
  }
  if (next < answers.length) throw new DataverseResponseError(`Dataverse's $batch answer has ${answers.length} parts for ${written.items.length} requests and change sets.`);
  return { ok: results.every((result) => result.outcome === 'succeeded'), results };
}

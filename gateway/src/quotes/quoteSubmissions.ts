/**
 * Sending an approved quote to SAP as a quotation or a sales order, exactly once per quote and
 * category, however often and however concurrently it is pressed, and whatever fails on the way.
 *
 *  1. The quote is read as the rep (the access check) and checked: approved (active, and the
 *     installation's approval column), an account linked to SAP, every line's product mapped to an
 *     SAP material that SAP sells in the account's sales area. Refusals here write nothing.
 *  2. A submission that already succeeded is answered from its sync result row: the same SAP
 *     document, alreadySubmitted.
 *  3. The submission is claimed in Dataverse: its sync result row, addressed by the idempotency key,
 *     is created create-only, or a failed or abandoned one is taken over with If-Match on its ETag.
 *     Only one press (on any gateway instance) holds the claim; others are told it is in progress.
 *     In this process, presses of the same quote meanwhile share the running attempt's answer.
 *  4. SAP is searched for a document an earlier attempt created (its answer lost, or the gateway
 *     stopped before writing back): by the customer reference, the quote number. Only when there
 *     is none is the document created.
 *  5. The quote's SAP columns and the sync result row (succeeded, SAP's answer) are written in one
 *     $batch change set.
 *
 * A failure after the claim marks the row failed (with the SAP document number, when SAP has it)
 * and is answered as SUBMIT_INTERRUPTED, retryable: the next press or an admin's retry runs the
 * same steps with the same key and completes it. If even that mark cannot be written, the row
 * stays "retrying" and is taken over once it is older than settings.abandonedAfterSeconds.
 */

import { DataverseAccessDeniedError, DataverseConcurrencyError, DataverseDuplicateKeyError, DataverseOutcomeUnknownError, DataverseResponseError } from '../dataverse/errors.js';
import { currentCorrelationId, newCorrelationId } from '../log/context.js';
import { AppError } from '../model/errors.js';
import type { SubmitResult } from '../model/panelApi.js';
import type { QuoteToSapDependencies } from './dependencies.js';
import { QuoteError } from './errors.js';
import { failureCauseOf } from './failureCause.js';
import { findUnsellableLine } from './materialCheck.js';
import { linkedCustomerOf, sapLinesOf } from './quoteLines.js';
import { quoteSubmissionUpdate, readQuoteForSap, type QuoteForSap } from './quoteRecords.js';
import { findOrCreateDocument, type SapDocument } from './sapSubmission.js';
import { readTargetSnapshot, sourceSnapshotOf, targetSnapshotOf } from './snapshots.js';
import { submissionDocumentOf, type SubmissionDocument } from './submissionDocument.js';
import { idempotencyKeyOf, submissionOfKey, SUBMIT_FLOW, type SubmissionCategory } from './submissionKeys.js';
import {
  createSyncResult, findSyncResult, readSyncResultAsUser, syncResultUpdateRequest, updateSyncResult, updateSyncResultIfUnchanged,
  type SyncResultFields, type SyncResultRow,
} from './syncResults.js';

/** Rounds of claim contention before a press is told the submission is in progress. */
const CLAIM_ROUNDS = 3;
/** What a press that finds the submission in progress is told to wait. */
const IN_PROGRESS_RETRY_SECONDS = 5;

type Claim = { kind: 'claimed'; row: SyncResultRow } | { kind: 'succeeded'; row: SyncResultRow };

/** What a send answers; the API adds SAP's name of the document type in the rep's language. */
export type SubmissionResult = Omit<SubmitResult, 'documentTypeName'>;

const isoNow = (now: () => Date): string => now().toISOString();

function describeSapDocument(document: SapDocument, referenceQuotation: string): string {
  const how = document.created ? 'created' : 'found in SAP (created by an earlier attempt whose answer was lost)';
  const reference = referenceQuotation ? ` with reference to quotation ${referenceQuotation}` : '';
  const said = document.messages.map((m) => `${m.type} ${m.id} ${m.number}: ${m.message}`.trim()).join(' | ');
  return `SAP ${document.category} ${document.documentNumber} (${document.documentType})${reference} ${how}; status: ${document.status}.${said ? ` SAP: ${said}` : ''}`;
}

export class QuoteSubmissions {
  private readonly inFlight = new Map<string, Promise<SubmissionResult>>();
  private readonly now: () => Date;

  constructor(private readonly deps: QuoteToSapDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Sends the quote to SAP as the rep; the same SAP document however often it is pressed. */
  async submit(quoteId: string, userObjectId: string, category: SubmissionCategory): Promise<SubmissionResult> {
    const quote = await readQuoteForSap(this.deps.dataverse, quoteId, userObjectId, { approvalColumn: this.deps.settings.approvalColumn });
    const key = idempotencyKeyOf(quote.id, category);
    const running = this.inFlight.get(key);
    if (running) return { ...(await running), alreadySubmitted: true };
    const row = await findSyncResult(this.deps.dataverse, key);
    if (row?.status === 'succeeded') return this.answerOf(quote, category, row);
    return this.runOnce(key, () => this.attempt(quote, category, key, undefined));
  }

  /**
   * Runs a failed submission again, for an integration admin: a user CRM lets change sync results.
   * The retry's claim on the row is written as that user, so Dataverse's security decides (a rep
   * without write access to sync results gets NOT_AUTHORIZED); it then runs as a press would, with
   * the same idempotency key.
   */
  async retry(syncResultId: string, userObjectId: string): Promise<SubmissionResult> {
    const row = await readSyncResultAsUser(this.deps.dataverse, syncResultId, userObjectId);
    const submission = submissionOfKey(row.idempotencyKey);
    if (row.flow !== SUBMIT_FLOW || !submission) {
      throw new QuoteError('SYNC_RESULT_NOT_RETRYABLE', `Sync result ${syncResultId} is a result of ${row.flow || 'another flow'}, not of sending a quote to SAP; retry it where that flow is run.`);
    }
    if (row.status === 'succeeded') {
      throw new QuoteError('SYNC_RESULT_NOT_RETRYABLE', `Sync result ${syncResultId} succeeded: the quote is SAP ${submission.category} ${row.sapDocumentNumber}. There is nothing to retry.`);
    }
    if (row.status === 'retrying' && !this.abandoned(row)) throw this.inProgress(row);
    const quote = await readQuoteForSap(this.deps.dataverse, submission.quoteId, userObjectId, { approvalColumn: this.deps.settings.approvalColumn });
    let claimed: SyncResultRow;
    try {
      claimed = await updateSyncResultIfUnchanged(this.deps.dataverse.asUser(userObjectId), row, { ...this.claimFields(quote, submission.category, undefined), message: `Retried by an integration admin: sending quote ${quote.quoteNumber} to SAP again.` });
    } catch (error) {
      if (error instanceof DataverseAccessDeniedError && error.category === 'business') {
        throw new QuoteError('NOT_AUTHORIZED', 'Only integration admins retry sync results: CRM does not let you change sync results (write privilege on the Sync Result table). Ask an integration admin.', { cause: error });
      }
      if (error instanceof DataverseConcurrencyError) throw this.inProgress(row);
      throw error;
    }
    const key = row.idempotencyKey;
    return this.runOnce(key, () => this.attempt(quote, submission.category, key, claimed));
  }

  /** One attempt per key at a time in this process; presses meanwhile get its answer. */
  private runOnce(key: string, attempt: () => Promise<SubmissionResult>): Promise<SubmissionResult> {
    const running = this.inFlight.get(key);
    if (running) return running.then((result) => ({ ...result, alreadySubmitted: true }));
    const started = attempt().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  private async attempt(quote: QuoteForSap, category: SubmissionCategory, key: string, claimed: SyncResultRow | undefined): Promise<SubmissionResult> {
    let submission: SubmissionDocument;
    let claim: Claim;
    try {
      submission = await this.checked(quote, category);
    } catch (error) {
      if (claimed) await this.recordFailure(claimed.id, error, undefined);
      throw this.interrupted(error, quote, claimed, undefined);
    }
    const sourceSnapshot = sourceSnapshotOf(quote, submission.document);
    try {
      claim = claimed ? { kind: 'claimed', row: claimed } : await this.claim(key, quote, category, sourceSnapshot);
    } catch (error) {
      throw this.interrupted(error, quote, undefined, undefined);
    }
    if (claim.kind === 'succeeded') return this.answerOf(quote, category, claim.row);
    const startedAt = this.now().getTime();

    let sapDocument: SapDocument | undefined;
    try {
      sapDocument = await findOrCreateDocument(this.deps.sap, { ...submission.document, category }, () => this.assertNotAbandoned(startedAt, quote));
      return await this.complete(quote, claim.row, sapDocument, submission.referenceQuotation, sourceSnapshot);
    } catch (error) {
      await this.recordFailure(claim.row.id, error, sapDocument && { document: sapDocument, referenceQuotation: submission.referenceQuotation });
      throw this.interrupted(error, quote, claim.row, sapDocument);
    }
  }

  /** Every check before SAP is written to; the document to send. */
  private async checked(quote: QuoteForSap, category: SubmissionCategory): Promise<SubmissionDocument> {
    this.assertApproved(quote);
    const customer = linkedCustomerOf(quote);
    const lines = sapLinesOf(quote);
    const unsellable = await findUnsellableLine(this.deps.sap, lines, customer.salesArea);
    if (unsellable) throw unsellable;
    return submissionDocumentOf(this.deps.sap, quote, customer, lines, category, isoNow(this.now).slice(0, 10));
  }

  private assertApproved(quote: QuoteForSap): void {
    if (quote.state !== 'active') {
      const advice = quote.state === 'draft' ? 'Activate the quote once it is approved, then send it again.' : 'A won or closed quote is decided in CRM; revise it to send a new version.';
      throw new QuoteError('QUOTE_NOT_APPROVED', `Quote ${quote.quoteNumber} is ${quote.state}; only an active (approved) quote can be sent to SAP. ${advice}`, { details: { state: quote.state } });
    }
    const { approvalColumn, approvedValue } = this.deps.settings;
    if (approvalColumn && String(quote.approvalValue) !== String(approvedValue ?? true)) {
      throw new QuoteError('QUOTE_NOT_APPROVED', `Quote ${quote.quoteNumber} is not approved: its column ${approvalColumn} does not say approved (${String(approvedValue ?? true)}). Have the quote approved, then send it again.`, {
        details: { approvalColumn, value: quote.approvalValue ?? null },
      });
    }
  }

  private claimFields(quote: QuoteForSap, category: SubmissionCategory, sourceSnapshot: string | undefined): SyncResultFields {
    return {
      name: `Quote ${quote.quoteNumber} to SAP ${category}`,
      flow: SUBMIT_FLOW,
      status: 'retrying',
      message: `Sending quote ${quote.quoteNumber} to SAP as ${category === 'order' ? 'a sales order' : 'a quotation'}.`,
      correlationId: currentCorrelationId() ?? newCorrelationId(),
      startedAt: isoNow(this.now),
      finishedAt: null,
      regardingTable: 'quote',
      regardingId: quote.id,
      cause: null,
      errorCode: null,
      ...(sourceSnapshot !== undefined ? { sourceSnapshot } : {}),
    };
  }

  /** Claims the submission's sync result row, or finds that it succeeded; SUBMIT_IN_PROGRESS when another press holds it. */
  private async claim(key: string, quote: QuoteForSap, category: SubmissionCategory, sourceSnapshot: string): Promise<Claim> {
    const fields = this.claimFields(quote, category, sourceSnapshot);
    let row: SyncResultRow | undefined;
    for (let round = 0; round < CLAIM_ROUNDS; round += 1) {
      row = await findSyncResult(this.deps.dataverse, key);
      try {
        if (!row) {
          const { finishedAt: _notOnCreate, cause: _none, errorCode: _noCode, ...created } = fields;
          return { kind: 'claimed', row: await createSyncResult(this.deps.dataverse, key, created) };
        }
        if (row.status === 'succeeded') return { kind: 'succeeded', row };
        // Our own claim, whose answer was lost: the row holds this attempt's correlation id and start.
        if (row.status === 'retrying' && row.correlationId === fields.correlationId && Date.parse(row.startedAt) === Date.parse(fields.startedAt!)) return { kind: 'claimed', row };
        if (row.status === 'retrying' && !this.abandoned(row)) throw this.inProgress(row);
        return { kind: 'claimed', row: await updateSyncResultIfUnchanged(this.deps.dataverse, row, fields) };
      } catch (error) {
        // Another press got there first, or our own write may have happened: look again.
        if (error instanceof DataverseDuplicateKeyError || error instanceof DataverseConcurrencyError || error instanceof DataverseOutcomeUnknownError) continue;
        throw error;
      }
    }
    throw this.inProgress(row);
  }

  private abandoned(row: SyncResultRow): boolean {
    const started = Date.parse(row.startedAt);
    return Number.isNaN(started) || this.now().getTime() - started > this.deps.settings.abandonedAfterSeconds * 1000;
  }

  /** Right before SAP creates the document: an attempt older than the abandonment limit may have been taken over. */
  private assertNotAbandoned(startedAt: number, quote: QuoteForSap): void {
    if (this.now().getTime() - startedAt <= this.deps.settings.abandonedAfterSeconds * 1000) return;
    throw new QuoteError('SUBMIT_INTERRUPTED', `Sending quote ${quote.quoteNumber} took longer than allowed before SAP was asked to create the document, so it stopped; send it again.`, {
      category: 'transient',
    });
  }

  private inProgress(row: SyncResultRow | undefined): QuoteError {
    return new QuoteError('SUBMIT_IN_PROGRESS', 'The quote is being sent to SAP right now (another press or gateway). Wait a moment: pressing again then shows the SAP document.', {
      category: 'transient',
      action: 'retry',
      retryAfterSeconds: IN_PROGRESS_RETRY_SECONDS,
      details: row ? { syncResultId: row.id, startedAt: row.startedAt } : {},
    });
  }

  /** The quote's SAP columns and the sync result row, together or not at all. */
  private async complete(quote: QuoteForSap, row: SyncResultRow, document: SapDocument, referenceQuotation: string, sourceSnapshot: string): Promise<SubmissionResult> {
    const finishedAt = isoNow(this.now);
    const target = targetSnapshotOf(document, referenceQuotation);
    const result = await this.deps.dataverse.executeBatch([
      {
        changeSet: [
          quoteSubmissionUpdate(quote.id, { documentNumber: document.documentNumber, category: document.category, status: document.status, submittedAt: finishedAt }),
          syncResultUpdateRequest(row.id, {
            status: 'succeeded',
            message: describeSapDocument(document, referenceQuotation),
            sapDocumentNumber: document.documentNumber,
            finishedAt,
            sourceSnapshot,
            targetSnapshot: JSON.stringify(target),
          }),
        ],
      },
    ]);
    if (!result.ok) throw result.results.find((item) => item.error !== undefined)?.error ?? new DataverseResponseError('Dataverse did not record the SAP document on the quote and gave no reason.');
    return {
      quoteId: quote.id,
      documentNumber: document.documentNumber,
      category: document.category,
      documentType: document.documentType,
      referenceQuotation,
      status: document.status,
      alreadySubmitted: !document.created,
      messages: target.messages,
      syncResultId: row.id,
    };
  }

  /** Best effort: if Dataverse refuses this too, the row stays "retrying" until it counts as abandoned. */
  private async recordFailure(rowId: string, error: unknown, sap: { document: SapDocument; referenceQuotation: string } | undefined): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    const sapNote = sap ? ` SAP has ${sap.document.category} ${sap.document.documentNumber}; a retry records it on the quote without creating another.` : '';
    try {
      await updateSyncResult(this.deps.dataverse, rowId, {
        status: 'failed',
        message: `${reason}${sapNote}`,
        cause: failureCauseOf(error),
        errorCode: error instanceof AppError ? error.code : null,
        finishedAt: isoNow(this.now),
        ...(sap ? { sapDocumentNumber: sap.document.documentNumber, targetSnapshot: JSON.stringify(targetSnapshotOf(sap.document, sap.referenceQuotation)) } : {}),
      });
    } catch {
      // The user gets the first failure; the abandoned-after limit frees the row.
    }
  }

  /** A failure of SAP or Dataverse, as the retryable answer it is; refusals (SAP's, the checks') and defects stay as they are. */
  private interrupted(error: unknown, quote: QuoteForSap, row: SyncResultRow | undefined, document: SapDocument | undefined): unknown {
    if (!(error instanceof AppError) || (error.category !== 'transient' && error.category !== 'system') || error instanceof QuoteError) return error;
    const state = document
      ? ` SAP has ${document.category} ${document.documentNumber}; nothing is lost.`
      : row
        ? ' Nothing is lost.'
        : ' Nothing was sent to SAP.';
    const advice = row
      ? ' Send it again (or an integration admin retries the sync result): the gateway then finds a document SAP already created instead of creating a second one.'
      : ' Send it again.';
    return new QuoteError('SUBMIT_INTERRUPTED', `Sending quote ${quote.quoteNumber} to SAP was interrupted: ${error.message.replace(/[\s.]*$/, '.')}${state}${advice}`, {
      category: 'transient',
      action: 'retry',
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      sapMessages: error.sapMessages,
      cause: error,
      details: { causeCode: error.code, ...(row ? { syncResultId: row.id } : {}), ...(document ? { sapDocumentNumber: document.documentNumber } : {}) },
    });
  }

  /** A submission that already succeeded, answered from its sync result row. */
  private answerOf(quote: QuoteForSap, category: SubmissionCategory, row: SyncResultRow): SubmissionResult {
    const target = readTargetSnapshot(row.targetSnapshot);
    return {
      quoteId: quote.id,
      documentNumber: row.sapDocumentNumber || target?.documentNumber || quote.sapDocument.number,
      category,
      documentType: target?.documentType ?? '',
      referenceQuotation: target?.referenceQuotation ?? '',
      status: target?.status ?? quote.sapDocument.status,
      alreadySubmitted: true,
      messages: target?.messages ?? [],
      syncResultId: row.id,
    };
  }
}

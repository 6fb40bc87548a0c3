/**
 * The snapshots a submission's sync result row keeps (as JSON in memo columns): the source, the
 * quote as it was sent (the quote's identity and the SAP document built from it), and the target,
 * SAP's answer (the document number, type, status, value and SAP's messages). A repeated press
 * answers from the target snapshot, so it shows the same SAP messages as the first.
 */

import { z } from 'zod';
import type { NewSalesDocument } from '../model/salesDocument.js';
import type { QuoteForSap } from './quoteRecords.js';
import type { SapDocument } from './sapSubmission.js';

export function sourceSnapshotOf(quote: QuoteForSap, document: NewSalesDocument): string {
  return JSON.stringify({ quote: { id: quote.id, quoteNumber: quote.quoteNumber, revision: quote.revision, name: quote.name, state: quote.state }, sapDocument: document });
}

const targetSchema = z.object({
  documentNumber: z.string(),
  category: z.enum(['quotation', 'order']),
  documentType: z.string(),
  status: z.string(),
  referenceQuotation: z.string(),
  netValue: z.number(),
  currency: z.string(),
  createdByThisSubmission: z.boolean(),
  messages: z.array(z.object({ type: z.enum(['S', 'E', 'W', 'I', 'A', '']), id: z.string(), number: z.string(), message: z.string() })),
});

export type TargetSnapshot = z.infer<typeof targetSchema>;

export function targetSnapshotOf(document: SapDocument, referenceQuotation: string): TargetSnapshot {
  return {
    documentNumber: document.documentNumber,
    category: document.category,
    documentType: document.documentType,
    status: document.status,
    referenceQuotation,
    netValue: document.netValue,
    currency: document.currency,
    createdByThisSubmission: document.created,
    messages: document.messages.map((m) => ({ type: m.type, id: m.id, number: m.number, message: m.message })),
  };
}

/** The target snapshot of a row, or undefined when it holds none (or text the gateway did not write). */
export function readTargetSnapshot(text: string): TargetSnapshot | undefined {
  if (text === '') return undefined;
  try {
    const parsed = targetSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

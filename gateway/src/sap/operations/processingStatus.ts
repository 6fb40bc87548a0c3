/** SAP's processing status values (domain STATV, in VBUK/VBUP) in the canonical model. */

import type { ProcessingStatus } from '../../model/salesDocument.js';

const STATUS_OF: Record<string, ProcessingStatus> = { A: 'open', B: 'partial', C: 'complete' };

/** ' ' not relevant, A not yet processed, B partially processed, C completely processed. */
export const processingStatusOf = (value: string | number | undefined): ProcessingStatus => STATUS_OF[String(value ?? '').trim()] ?? 'notRelevant';

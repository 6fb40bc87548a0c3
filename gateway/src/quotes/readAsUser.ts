/**
 * A read made as a CRM user, whose refusals are answered in the quote's terms: Dataverse's 403
 * means the user may not read the record (NOT_AUTHORIZED); its 404 means the record is gone, or,
 * when Dataverse names systemuser, that the signed-in person is no user of the environment.
 */

import { DataverseAccessDeniedError, DataverseNotFoundError } from '../dataverse/errors.js';
import { QuoteError } from './errors.js';

export interface Refusals {
  /** Said when the user may not read the record. */
  forbidden: string;
  /** Thrown when the record does not exist. */
  notFound: () => QuoteError;
}

export async function readAsUser<T>(read: () => Promise<T>, refusals: Refusals): Promise<T> {
  try {
    return await read();
  } catch (error) {
    // As a user, a 403 is that user's missing access (category business), not the gateway's missing privilege.
    if (error instanceof DataverseAccessDeniedError && error.category === 'business') throw new QuoteError('NOT_AUTHORIZED', refusals.forbidden, { cause: error });
    if (error instanceof DataverseNotFoundError) {
      if (/systemuser/i.test(error.dataverseMessage ?? '')) {
        throw new QuoteError('NOT_AUTHORIZED', 'You are not a user of this CRM environment, so the gateway cannot check what you may see. Ask your CRM administrator to add you.', { cause: error });
      }
      const notFound = refusals.notFound();
      throw new QuoteError(notFound.code, notFound.message, { cause: error, details: notFound.details });
    }
    throw error;
  }
}

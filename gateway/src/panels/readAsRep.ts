/**
 * A read made as the rep (CallerObjectId), whose refusals are answered in the panel's terms:
 * Dataverse's 403 means the rep may not read the record (NOT_AUTHORIZED); its 404 means the
 * record is gone, or, when Dataverse names systemuser, that the signed-in person is no user of
 * the environment, who may see nothing in it.
 */

import { DataverseAccessDeniedError, DataverseNotFoundError } from '../dataverse/errors.js';
import { PanelError } from './errors.js';

export interface Refusals {
  /** Said when the rep may not read the record. */
  forbidden: string;
  notFound: () => PanelError;
}

export async function readAsRep<T>(read: () => Promise<T>, refusals: Refusals): Promise<T> {
  try {
    return await read();
  } catch (error) {
    // As a user, a 403 is that user's missing access (category business), not the gateway's missing privilege.
    if (error instanceof DataverseAccessDeniedError && error.category === 'business') throw new PanelError('NOT_AUTHORIZED', refusals.forbidden, { cause: error });
    if (error instanceof DataverseNotFoundError) {
      if (/systemuser/i.test(error.dataverseMessage ?? '')) {
        throw new PanelError('NOT_AUTHORIZED', 'You are not a user of this CRM environment, so the gateway shows you no SAP data. Ask your CRM administrator to add you.', { cause: error });
      }
      const notFound = refusals.notFound();
      throw new PanelError(notFound.code, notFound.message, { cause: error, details: notFound.details });
    }
    throw error;
  }
}

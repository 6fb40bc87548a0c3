/**
 * WhoAmI: GET WhoAmI → the system user the request runs as, its business unit and the
 * organization. With CallerObjectId it names the CRM user impersonated, which shows whether
 * Dataverse knows that user.
 */

import { DataverseResponseError } from '../errors.js';
import { readJson, requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';

export interface WhoAmI {
  userId: string;
  businessUnitId: string;
  organizationId: string;
}

export async function whoAmI(pipeline: DataversePipeline, options: RequestOptions = {}): Promise<WhoAmI> {
  const operation = 'WhoAmI';
  const response = await pipeline.send({ ...requestOptionsOf(options), method: 'GET', path: 'WhoAmI', operation, idempotent: true });
  const body = readJson<{ UserId?: unknown; BusinessUnitId?: unknown; OrganizationId?: unknown }>(response, operation);
  if (typeof body.UserId !== 'string' || typeof body.BusinessUnitId !== 'string' || typeof body.OrganizationId !== 'string') {
    throw new DataverseResponseError('Dataverse answered WhoAmI without UserId, BusinessUnitId and OrganizationId.', { status: response.status });
  }
  return { userId: body.UserId.toLowerCase(), businessUnitId: body.BusinessUnitId.toLowerCase(), organizationId: body.OrganizationId.toLowerCase() };
}

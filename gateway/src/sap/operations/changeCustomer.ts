/**
 * Changes a customer's name, address and communication data with BAPI_CUSTOMER_CHANGEFROMDATA1 and
 * commits on the same SAP session. Only the fields present in the change are sent, each with its
 * change flag; '' clears an optional field. The BAPI needs a sales organisation: the caller's
 * sales area, or else the customer's first one (BAPI_CUSTOMER_GETSALESAREAS). While someone else
 * edits the customer in SAP, the change fails with a retryable SAP_OBJECT_LOCKED error.
 */

import { z } from 'zod';
import type { CustomerChange, SalesArea } from '../../model/customer.js';
import { AppError, type SapMessage } from '../../model/errors.js';
import { customerNumberIn } from '../alpha.js';
import { returnMessages } from '../bapiReturn.js';
import { SapBusinessError, SapNotFoundError } from '../errors.js';
import { writeAndCommit } from '../luw.js';
import type { RfcClient } from '../rfc.js';
import { tableOf } from '../rfc.js';
import { customerDataSchema } from './createCustomer.js';
import { personalDataOf } from './customerMapping.js';
import { orgKey, sapKey, validInput } from './inputValidation.js';

const inputSchema = z.strictObject({
  customerNumber: sapKey(10),
  change: customerDataSchema.partial().refine((fields) => Object.values(fields).some((v) => v !== undefined), 'names no field to change'),
  salesArea: z.strictObject({ salesOrganization: orgKey(4), distributionChannel: orgKey(2), division: orgKey(2) }).optional(),
});

/** F2 208: the customer is being processed (locked) by another user. */
const isLockMessage = (m: SapMessage): boolean => m.id === 'F2' && m.number === '208';
const isNotFoundMessage = (m: SapMessage): boolean => m.id === 'F2' && m.number === '502';

async function firstSalesArea(client: RfcClient, kunnr: string, customerNumber: string): Promise<SalesArea> {
  const result = await client.call('BAPI_CUSTOMER_GETSALESAREAS', { CUSTOMERNO: kunnr, SALESAREAS: [] });
  const [first] = tableOf(result, 'SALESAREAS');
  if (!first) {
    throw new SapNotFoundError(`Customer ${customerNumber} does not exist in SAP or has no sales data, which SAP needs to change it`, returnMessages(result));
  }
  return { salesOrganization: String(first.SALESORG).trim(), distributionChannel: String(first.DISTRCHANN).trim(), division: String(first.DIVISION).trim() };
}

export async function changeCustomer(
  client: RfcClient,
  customerNumber: string,
  change: CustomerChange,
  options: { salesArea?: SalesArea } = {},
): Promise<{ sapMessages: SapMessage[] }> {
  const input = validInput(inputSchema, { customerNumber, change, ...options }, 'changeCustomer');
  const kunnr = customerNumberIn(input.customerNumber);
  const salesArea = input.salesArea ?? (await firstSalesArea(client, kunnr, input.customerNumber));
  const { data, flags } = personalDataOf(input.change);
  try {
    const { messages } = await writeAndCommit(client, `the change of customer ${input.customerNumber}`, 'BAPI_CUSTOMER_CHANGEFROMDATA1', {
      CUSTOMERNO: kunnr,
      PI_PERSONALDATA: data,
      PI_PERSONALDATAX: flags,
      PI_SALESORG: salesArea.salesOrganization.toUpperCase(),
      PI_DISTR_CHAN: salesArea.distributionChannel.toUpperCase(),
      PI_DIVISION: salesArea.division.toUpperCase(),
    });
    return { sapMessages: messages };
  } catch (error) {
    if (!(error instanceof SapBusinessError)) throw error;
    const lock = error.sapMessages.find(isLockMessage);
    if (lock) {
      throw new AppError('SAP_OBJECT_LOCKED', `Customer ${input.customerNumber} is being edited in SAP (${lock.message}); the change will be retried`, {
        category: 'transient',
        action: 'retry',
        sapMessages: error.sapMessages,
        cause: error,
      });
    }
    if (error.sapMessages.some(isNotFoundMessage)) {
      throw new SapNotFoundError(`Customer ${input.customerNumber} does not exist in SAP`, error.sapMessages, { cause: error });
    }
    throw error;
  }
}

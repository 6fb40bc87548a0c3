/**
 * Reads one material: its general data with BAPI_MATERIAL_GET_DETAIL (description in the RFC
 * user's logon language), completed with its units of measure (MARM) and sales views (MVKE) read
 * with RFC_READ_TABLE, which the BAPI does not return. An unknown material is a SapNotFoundError.
 */

import { z } from 'zod';
import type { Material } from '../../model/material.js';
import { materialNumberIn } from '../alpha.js';
import { describeMessages, isErrorMessage, returnMessages } from '../bapiReturn.js';
import { SapBusinessError, SapNotFoundError } from '../errors.js';
import type { RfcClient } from '../rfc.js';
import { structureOf } from '../rfc.js';
import { sapKey, validInput } from './inputValidation.js';
import { materialOf } from './materialMapping.js';
import { readTable, sqlLiteral } from './readTable.js';

/** A material has a handful of units and one sales view per sales organisation and channel; these bound the reads. */
const MAX_UNITS = 100;
const MAX_SALES_VIEWS = 500;

export async function getMaterial(client: RfcClient, materialNumber: string): Promise<Material> {
  const { materialNumber: valid } = validInput(z.strictObject({ materialNumber: sapKey(18) }), { materialNumber }, 'getMaterial');
  const matnr = materialNumberIn(valid);
  const result = await client.call('BAPI_MATERIAL_GET_DETAIL', { MATERIAL: matnr });
  const errors = returnMessages(result).filter(isErrorMessage);
  // BAPIRETURN carries class and number in CODE: M3305 is "material does not exist".
  if (errors.some((m) => m.id === 'M3' && m.number === '305')) throw new SapNotFoundError(`Material ${valid} does not exist in SAP`, errors);
  if (errors.length > 0) throw new SapBusinessError(`SAP rejected reading material ${valid}: ${describeMessages(errors)}`, errors);

  const byMaterial = [`MATNR = ${sqlLiteral(matnr)}`];
  const [units, salesViews] = await Promise.all([
    readTable(client, { table: 'MARM', fields: ['MEINH', 'UMREZ', 'UMREN', 'EAN11'], where: byMaterial, rowCount: MAX_UNITS }),
    readTable(client, { table: 'MVKE', fields: ['VKORG', 'VTWEG', 'VMSTA', 'DWERK', 'MTPOS', 'KONDM'], where: byMaterial, rowCount: MAX_SALES_VIEWS }),
  ]);
  return materialOf(matnr, structureOf(result, 'MATERIAL_GENERAL_DATA'), units, salesViews);
}

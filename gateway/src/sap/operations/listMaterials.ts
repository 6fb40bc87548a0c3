/**
 * Lists materials with BAPI_MATERIAL_GETLIST by number, number pattern, description pattern, sales
 * organisation and distribution channel (the criteria combine with AND), bounded by maxRows.
 * Numbers are converted with MATN1; patterns use * for any characters and + for one, and a number
 * pattern applies to the number as SAP stores it (numeric numbers have 18 digits).
 */

import { z } from 'zod';
import type { MaterialSummary } from '../../model/material.js';
import { alphaOut, materialNumberIn } from '../alpha.js';
import { assertNoErrors } from '../bapiReturn.js';
import type { RfcClient, RfcStructure } from '../rfc.js';
import { tableOf } from '../rfc.js';
import { orgKey, rowLimit, sapKey, validInput } from './inputValidation.js';

export const MAX_MATERIALS_PER_LIST = 1000;

const querySchema = z.strictObject({
  materialNumbers: z.array(sapKey(18)).max(100).optional(),
  numberPattern: sapKey(18).optional(),
  /** Compared in capitals with the description in SAP's logon language ("*PUMP*"). */
  descriptionPattern: sapKey(40).optional(),
  salesOrganization: orgKey(4).optional(),
  distributionChannel: orgKey(2).optional(),
  maxRows: rowLimit(MAX_MATERIALS_PER_LIST),
});

export type MaterialListQuery = z.input<typeof querySchema>;

const including = (option: string, low: string, lowField: string, highField: string): RfcStructure => ({ SIGN: 'I', OPTION: option, [lowField]: low, [highField]: '' });

export async function listMaterials(client: RfcClient, query: MaterialListQuery): Promise<MaterialSummary[]> {
  const valid = validInput(querySchema, query, 'listMaterials');
  const numbers = (valid.materialNumbers ?? []).map((n) => including('EQ', materialNumberIn(n), 'MATNR_LOW', 'MATNR_HIGH'));
  if (valid.numberPattern !== undefined) numbers.push(including('CP', valid.numberPattern, 'MATNR_LOW', 'MATNR_HIGH'));
  const result = await client.call('BAPI_MATERIAL_GETLIST', {
    MAXROWS: valid.maxRows,
    MATNRSELECTION: numbers,
    MATERIALSHORTDESCSEL: valid.descriptionPattern !== undefined ? [including('CP', valid.descriptionPattern, 'DESCR_LOW', 'DESCR_HIGH')] : [],
    SALESORGANISATIONSELECTION: valid.salesOrganization !== undefined ? [including('EQ', valid.salesOrganization.toUpperCase(), 'SALESORG_LOW', 'SALESORG_HIGH')] : [],
    DISTRIBUTIONCHANNELSELECTION: valid.distributionChannel !== undefined ? [including('EQ', valid.distributionChannel.toUpperCase(), 'DISTR_CHAN_LOW', 'DISTR_CHAN_HIGH')] : [],
    MATNRLIST: [],
    RETURN: [],
  });
  assertNoErrors(result, 'the material list');
  return tableOf(result, 'MATNRLIST').map((row) => ({
    materialNumber: alphaOut(String(row.MATERIAL ?? '')),
    description: String(row.MATL_DESC ?? '').trim(),
  }));
}

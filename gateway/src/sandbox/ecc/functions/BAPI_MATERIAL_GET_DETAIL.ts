/**
 * BAPI_MATERIAL_GET_DETAIL: a material's general data (MARA, with the description in the logon
 * language) in MATERIAL_GENERAL_DATA. MATERIAL is taken in internal format (MATN1 pads a numeric
 * number to 18 digits); an unknown material gets RETURN (BAPIRETURN) type E, code M3305. A material
 * marked for deletion is returned, with DEL_FLAG set. Units of measure and sales views are not part
 * of this BAPI; callers read MARM and MVKE.
 *
 * Not offered: PLANT, VALUATIONAREA, VALUATIONTYPE, MATERIAL_EVG and the plant and valuation data
 * they select (MATERIALPLANTDATA, MATERIALVALUATIONDATA): the simulated ECC has no plant or
 * valuation data (MARC, MBEW), so a call asking for them is rejected as an unknown parameter.
 * The function group is a reading.
 */

import { BAPIMATDOA } from '../ddic/structures/material.js';
import { BAPIRETURN } from '../ddic/structures/returns.js';
import { defineFunction, exporting, importing } from '../functionModule.js';
import { message, toBapireturn } from '../messages.js';

/** The sandbox's RFC user logs on in English (STFC_CONNECTION reports logon language E). */
export const LOGON_LANGUAGE = 'E';

export const BAPI_MATERIAL_GET_DETAIL = defineFunction({
  name: 'BAPI_MATERIAL_GET_DETAIL',
  functionGroup: 'MGVB',
  parameters: [
    importing('MATERIAL', 'CHAR18', { reference: 'MATNR' }),
    exporting('MATERIAL_GENERAL_DATA', BAPIMATDOA),
    exporting('RETURN', BAPIRETURN),
  ],
  exceptions: [],
  handler: ({ db, scalar }) => {
    const matnr = scalar('MATERIAL');
    const mara = db.table('MARA').get({ MATNR: matnr });
    if (!mara) return { RETURN: toBapireturn(message('E', 'M3', '305', matnr)) };
    const text = (field: string): string | number => mara[field] ?? '';
    return {
      MATERIAL_GENERAL_DATA: {
        MATL_DESC: db.table('MAKT').get({ MATNR: matnr, SPRAS: LOGON_LANGUAGE })?.MAKTX ?? '',
        MATL_TYPE: text('MTART'),
        IND_SECTOR: text('MBRSH'),
        MATL_GROUP: text('MATKL'),
        BASE_UOM: text('MEINS'),
        DIVISION: text('SPART'),
        NET_WEIGHT: text('NTGEW'),
        GROSS_WT: text('BRGEW'),
        UNIT_OF_WT: text('GEWEI'),
        DEL_FLAG: text('LVORM'),
      },
    };
  },
});

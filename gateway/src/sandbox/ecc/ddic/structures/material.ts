/**
 * Structures of BAPI_MATERIAL_GETLIST and BAPI_MATERIAL_GET_DETAIL. Only fields the simulator fills
 * or reads are defined (see customer.ts for why). The row types of BAPI_MATERIAL_GETLIST's tables
 * are confirmed by an SAP .NET Connector program declaring the function's interface (code id
 * 8810468623: MATNRSELECTION BAPIMATRAM, MATERIALSHORTDESCSEL BAPIMATRAS, SALESORGANISATIONSELECTION
 * BAPIMATRASO, DISTRIBUTIONCHANNELSELECTION BAPIMATRADC, MATNRLIST BAPIMATLST, RETURN BAPIRET2).
 */

import { structure } from '../types.js';

/**
 * Range of material numbers. Confirmed by SAP's own metadata (fundamental-tools, api/kanban
 * fields.yaml); the later MATNR_*_EXTERNAL/_GUID/_VERSION/_LONG fields are left out.
 */
export const BAPIMATRAM = structure('BAPIMATRAM', 'SIGN:CHAR1 OPTION:CHAR2 MATNR_LOW:CHAR18 MATNR_HIGH:CHAR18');

/** Range of material descriptions. Names confirmed (code ids 37572902482, 38287537586); CHAR40 (MAKTX) is a reading. */
export const BAPIMATRAS = structure('BAPIMATRAS', 'SIGN:CHAR1 OPTION:CHAR2 DESCR_LOW:CHAR40 DESCR_HIGH:CHAR40');

/** Range of sales organisations. Names confirmed (NCo code id 8505721428); CHAR4 (VKORG) is a reading. */
export const BAPIMATRASO = structure('BAPIMATRASO', 'SIGN:CHAR1 OPTION:CHAR2 SALESORG_LOW:CHAR4 SALESORG_HIGH:CHAR4');

/** Range of distribution channels. Names confirmed (JCo code id 49331449347); CHAR2 (VTWEG) is a reading. */
export const BAPIMATRADC = structure('BAPIMATRADC', 'SIGN:CHAR1 OPTION:CHAR2 DISTR_CHAN_LOW:CHAR2 DISTR_CHAN_HIGH:CHAR2');

/** A found material. Confirmed: MATERIAL CHAR18, MATL_DESC CHAR40 (sapdatasheet BAPIMATLST; code id 37572902482). */
export const BAPIMATLST = structure('BAPIMATLST', 'MATERIAL:CHAR18 MATL_DESC:CHAR40');

/**
 * General material data (MARA and the description in the logon language). Reading: names follow
 * SAP's BAPI naming for these MARA fields (MATL_DESC, MATL_TYPE, IND_SECTOR, MATL_GROUP, BASE_UOM,
 * DIVISION, NET_WEIGHT, GROSS_WT, UNIT_OF_WT, DEL_FLAG); types are those of the MARA fields.
 */
export const BAPIMATDOA = structure('BAPIMATDOA', `MATL_DESC:CHAR40 MATL_TYPE:CHAR4 IND_SECTOR:CHAR1 MATL_GROUP:CHAR9
  BASE_UOM:UNIT DIVISION:CHAR2 NET_WEIGHT:QUAN13.3 GROSS_WT:QUAN13.3 UNIT_OF_WT:UNIT DEL_FLAG:CHAR1`);

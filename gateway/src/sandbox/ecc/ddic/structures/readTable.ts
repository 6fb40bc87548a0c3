/** Row types of RFC_READ_TABLE's TABLES parameters. */

import { structure } from '../types.js';

export const RFC_DB_OPT = structure('RFC_DB_OPT', 'TEXT:CHAR72');
export const RFC_DB_FLD = structure('RFC_DB_FLD', 'FIELDNAME:CHAR30 OFFSET:NUMC6 LENGTH:NUMC6 TYPE:CHAR1 FIELDTEXT:CHAR60');
export const TAB512 = structure('TAB512', 'WA:CHAR512');

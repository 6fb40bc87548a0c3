/** Every function module the simulated ECC implements. */

import type { FunctionModuleDef } from '../functionModule.js';
import { BAPI_TRANSACTION_COMMIT, BAPI_TRANSACTION_ROLLBACK, RFC_PING, STFC_CONNECTION } from './basis.js';
import { RFC_READ_TABLE } from './RFC_READ_TABLE.js';

export const FUNCTION_MODULES: FunctionModuleDef[] = [
  RFC_PING,
  STFC_CONNECTION,
  BAPI_TRANSACTION_COMMIT,
  BAPI_TRANSACTION_ROLLBACK,
  RFC_READ_TABLE,
];

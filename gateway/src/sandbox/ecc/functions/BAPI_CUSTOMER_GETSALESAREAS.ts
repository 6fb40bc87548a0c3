/**
 * BAPI_CUSTOMER_GETSALESAREAS: the sales areas (KNVV keys) a customer is created in. As SAP
 * documents it, the customer number is not checked: an unknown customer, like one without sales
 * data, gets RETURN (BAPIRETURN) type E, code QC160; success is type S with an empty code. The
 * sales data itself (currency, terms, blocks …) is not returned; callers read KNVV for it.
 * The function group V02D is a reading (the sources show none).
 */

import { BAPIKNVVKY } from '../ddic/structures/customer.js';
import { BAPIRETURN } from '../ddic/structures/returns.js';
import { defineFunction, exporting, importing, tables } from '../functionModule.js';
import { message, toBapireturn } from '../messages.js';

export const BAPI_CUSTOMER_GETSALESAREAS = defineFunction({
  name: 'BAPI_CUSTOMER_GETSALESAREAS',
  functionGroup: 'V02D',
  parameters: [
    importing('CUSTOMERNO', 'CHAR10', { reference: 'BAPIKNA103-CUSTOMER' }),
    exporting('RETURN', BAPIRETURN),
    tables('SALESAREAS', BAPIKNVVKY, { optional: true }),
  ],
  exceptions: [],
  handler: ({ db, scalar }) => {
    const kunnr = scalar('CUSTOMERNO');
    const areas = db
      .table('KNVV')
      .select({ KUNNR: kunnr })
      .map((row) => ({ CUSTOMER: kunnr, SALESORG: String(row.VKORG), DISTRCHANN: String(row.VTWEG), DIVISION: String(row.SPART) }))
      .sort((a, b) => (`${a.SALESORG}${a.DISTRCHANN}${a.DIVISION}` < `${b.SALESORG}${b.DISTRCHANN}${b.DIVISION}` ? -1 : 1));
    if (areas.length === 0) return { RETURN: toBapireturn(message('E', 'QC', '160')), SALESAREAS: [] };
    return { RETURN: { TYPE: 'S' }, SALESAREAS: areas };
  },
});

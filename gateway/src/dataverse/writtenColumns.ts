/**
 * The Dataverse tables and columns the gateway writes, by table logical name. Every writer types
 * the columns it sends with ColumnValues<table>, so TypeScript refuses a column that is not listed
 * here; writtenColumns.test.ts checks the list against the ecc365 solution imported into the
 * simulated Dataverse. Together they keep the gateway from writing a column the solution does not
 * define (or that Dataverse's standard table does not have). `creates` says whether the gateway
 * creates rows of the table (not only changes them); sandbox/dataverse/solution/gatewayServiceRole.test.ts
 * checks that the solution's role for the gateway, ECC Gateway Service, grants what this needs.
 */

export const WRITTEN_TABLES = {
  ecc_syncresult: {
    entitySet: 'ecc_syncresults',
    creates: true,
    columns: [
      'ecc_name', 'ecc_flow', 'ecc_status', 'ecc_message', 'ecc_sapdocumentnumber', 'ecc_correlationid', 'ecc_startedon', 'ecc_finishedon',
      'ecc_regardingtable', 'ecc_regardingid', 'ecc_sourcesnapshot', 'ecc_targetsnapshot', 'ecc_idempotencykey', 'ecc_cause', 'ecc_errorcode',
    ],
  },
  quote: {
    entitySet: 'quotes',
    creates: false,
    columns: ['ecc_sapdocumentnumber', 'ecc_sapdocumentcategory', 'ecc_sapstatus', 'ecc_sapsubmittedon', 'ecc_sapquotationnumber'],
  },
  quotedetail: {
    entitySet: 'quotedetails',
    creates: false,
    columns: ['priceperunit', 'ispriceoverridden', 'manualdiscountamount', 'tax', 'ecc_sapnetprice', 'ecc_saptaxamount', 'ecc_sappricedon'],
  },
} as const;

export type WrittenTable = keyof typeof WRITTEN_TABLES;

/** The columns a write to `T` may set, each optional. */
export type ColumnValues<T extends WrittenTable> = { [C in (typeof WRITTEN_TABLES)[T]['columns'][number]]?: unknown };

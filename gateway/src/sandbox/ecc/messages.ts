/**
 * SAP messages (class, number, text with &1..&4 placeholders) the simulated ECC raises, and
 * their shapes in the different RETURN structures: BAPIRET2 and BAPIRETURN1/BAPIRET1 carry
 * ID and NUMBER, the older BAPIRETURN carries CODE (class followed by number).
 */

export interface Message {
  type: 'S' | 'E' | 'W' | 'I' | 'A';
  id: string;
  number: string;
  text: string;
  variables: string[];
}

/** Texts of the messages the simulator raises, keyed "CLASS NNN", as SE91 shows them. */
const CATALOG: Record<string, string> = {
  'F2 718': 'No customers were found for the selection criteria',
  'F2 150': 'Customer &1 has not been created',
  'F2 151': 'Customer &1 has not been created for company code &2',
  'F2 152': 'Customer &1 has not been created for sales area &2 &3 &4',
  'F2 153': 'Customer &1 is blocked for orders',
  'F2 206': 'Enter a value in field &1',
  'F2 207': 'Reference customer &1 does not exist in sales area &2 &3 &4',
  'F2 208': 'Customer &1 is being processed by user &2',
  'F2 209': 'Country &1 is not defined',
  'F2 210': 'Customer &1 was changed',
  'F2 211': 'Customer &1 has been created',
  'QC 160': 'No sales data was found',
  'M3 305': 'Material &1 does not exist',
  'M3 306': 'Material &1 is marked for deletion',
  'V1 311': '&1 &2 has been saved',
  'V1 382': 'Material &1 is not defined for sales org.&2, distr.chan.&3, language &4',
  'V1 384': 'Sold-to party &1 not maintained for sales area &2 &3 &4',
  'V1 302': 'Sales document &1 does not exist',
  'V1 045': 'Enter the &1',
  'V1 751': 'Sales document type &1 is not defined',
  'V1 554': 'Document &1 is being processed by user &2',
  'V1 212': 'Sales area &1 &2 &3 is not defined',
  'V4 219': 'Sales document &1 was not changed',
  'V1 555': 'The sales document is not yet complete: Edit data',
  'VP 112': 'Please enter sold-to party or ship-to party',
  'VP 200': 'Customer &1 is blocked for sales orders (block &2)',
  'V1 403': 'Material &1 is blocked for sales (status &2)',
  'V1 421': 'Quotation &1 is not valid on &2',
  'VL 010': 'Delivery &1 does not exist',
  'VF 056': 'Billing document &1 does not exist',
  'FN 100': 'No open items were found for customer &1 in company code &2',
  'FN 101': 'Customer &1 does not exist in company code &2',
  'F5 806': 'No credit account exists for customer &1 in credit control area &2',
  'SR 006': 'Function not supported',
  'S& 101': 'Posting could not be carried out',
  'V4 233': '&1 has been processed successfully',
  'V4 248': 'Error in SALES_ITEM_IN &1',
  // Sales documents. V1 150 and V1 154 are confirmed by extracts of SAP's message texts (michaelmanagement.com);
  // V1 801 and SG 105 are well-known texts not seen in a source.
  'V1 150': 'Static credit check: credit limit exceeded &1 &2',
  'V1 154': 'Order receipt/delivery not possible, credit customer blocked',
  'V1 801': 'Pricing error: Mandatory condition &1 is missing',
  'SG 105': 'Enter rate &1 / &2 rate type &3 for &4 in the system settings',
  // Customer and material master BAPIs. Confirmed by SAP's documentation of the BAPIs (stechno.net copies of
  // BAPI_CUSTOMER_GETLIST, BAPI_CUSTOMER_EXISTENCECHECK and BAPI_ISUMO_EXT_CREATEFROMDATA): S& 026/027,
  // F2 502/503/156, B1 880/886. Plausible texts and numbers, not seen in a source: F2 154, F2 213.
  'S& 026': 'Ranges: Value &1 in field SIGN is invalid. Allowed values are I, E.',
  'S& 027': 'Ranges: Value &1 in field OPTION is invalid (EQ,NE,GT,GE,LE,LT,BT,NB,CP,NP)',
  'F2 502': 'Debtor &1 does not exist',
  'F2 503': 'Debtor &1 exists but has not been created in company code &2',
  'F2 156': 'Debtor &1 is not created for sales area &2 &3 &4',
  'B1 880': 'ISO code &1 is not allocated to a country key',
  'B1 886': 'ISO code &1 is not allocated to a language key',
  'F2 154': 'Customer &1 is marked for deletion',
  'F2 213': 'Language key &1 is not defined',
};

export function message(type: Message['type'], id: string, number: string, ...variables: string[]): Message {
  const key = `${id} ${number}`;
  const template = CATALOG[key];
  if (template === undefined) throw new Error(`message ${key} is not in the simulator's catalog`);
  return { type, id, number, text: formatText(template, variables), variables };
}

function formatText(template: string, variables: string[]): string {
  return template.replace(/&(\d)/g, (_, n: string) => variables[Number(n) - 1] ?? '').replace(/\s+/g, ' ').trim();
}

const variableFields = (m: Message): Record<string, string> => ({
  MESSAGE_V1: m.variables[0] ?? '',
  MESSAGE_V2: m.variables[1] ?? '',
  MESSAGE_V3: m.variables[2] ?? '',
  MESSAGE_V4: m.variables[3] ?? '',
});

/** A BAPIRET2 row; `parameter`, `row` and `field` say which input the message is about. */
export function toBapiret2(m: Message, where: { parameter?: string; row?: number; field?: string } = {}): Record<string, string | number> {
  return {
    TYPE: m.type,
    ID: m.id,
    NUMBER: m.number,
    MESSAGE: m.text,
    ...variableFields(m),
    PARAMETER: where.parameter ?? '',
    ROW: where.row ?? 0,
    FIELD: where.field ?? '',
    SYSTEM: 'ECSCLNT100',
  };
}

/** A BAPIRETURN1 (or BAPIRET1) structure. */
export function toBapireturn1(m: Message): Record<string, string> {
  return { TYPE: m.type, ID: m.id, NUMBER: m.number, MESSAGE: m.text, ...variableFields(m) };
}

/** A BAPIRETURN structure: CODE is the message class followed by the number. */
export function toBapireturn(m: Message): Record<string, string> {
  return { TYPE: m.type, CODE: `${m.id}${m.number}`, MESSAGE: m.text, ...variableFields(m) };
}

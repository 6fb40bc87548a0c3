/**
 * A customer's contact persons (KNVK) with their e-mail addresses (ADR6 rows of each person's
 * number, KNVK-PRSNR), read with RFC_READ_TABLE: no released BAPI lists them. Contact persons
 * marked for deletion are left out; an unknown customer has none.
 */

import { z } from 'zod';
import type { ContactPerson } from '../../model/customer.js';
import { customerNumberIn } from '../alpha.js';
import type { RfcClient } from '../rfc.js';
import { contactPersonOf } from './customerMapping.js';
import { sapKey, validInput } from './inputValidation.js';
import { readTable, sqlIn, sqlLiteral } from './readTable.js';

const MAX_CONTACTS = 500;
/** Person numbers per ADR6 read, so that the IN list stays a few OPTIONS lines. */
const PERSONS_PER_READ = 40;

async function emailsOf(client: RfcClient, personNumbers: string[]): Promise<Map<string, string>> {
  const emails = new Map<string, string>();
  for (let i = 0; i < personNumbers.length; i += PERSONS_PER_READ) {
    const chunk = personNumbers.slice(i, i + PERSONS_PER_READ);
    const rows = await readTable(client, {
      table: 'ADR6',
      fields: ['PERSNUMBER', 'FLGDEFAULT', 'SMTP_ADDR'],
      where: [sqlIn('PERSNUMBER', chunk)],
      rowCount: chunk.length * 10,
    });
    // A person's default address wins over its other ones.
    for (const row of rows) if (!emails.has(row.PERSNUMBER!) || row.FLGDEFAULT === 'X') emails.set(row.PERSNUMBER!, row.SMTP_ADDR!);
  }
  return emails;
}

export async function listContactPersons(client: RfcClient, customerNumber: string): Promise<ContactPerson[]> {
  const { customerNumber: valid } = validInput(z.strictObject({ customerNumber: sapKey(10) }), { customerNumber }, 'listContactPersons');
  const contacts = await readTable(client, {
    table: 'KNVK',
    fields: ['PARNR', 'KUNNR', 'NAMEV', 'NAME1', 'ABTNR', 'PAFKT', 'TELF1', 'PRSNR'],
    where: [`KUNNR = ${sqlLiteral(customerNumberIn(valid))}`, "LOEVM = ' '"],
    rowCount: MAX_CONTACTS,
  });
  const personNumbers = contacts.map((row) => row.PRSNR!).filter((n) => n !== '');
  const emails = await emailsOf(client, personNumbers);
  return contacts.map((row) => contactPersonOf(row, emails.get(row.PRSNR!) ?? ''));
}

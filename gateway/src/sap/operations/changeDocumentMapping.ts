/**
 * Change documents between SAP's rows (CDHDR headers, CDPOS items) and the canonical model, and
 * the arithmetic of SAP instants (DATS + TIMS) a delta read needs. Pure functions.
 */

import type { ChangeDocument, ChangeInstant, ChangeKind, FieldChange, ObjectChanges } from '../../model/changeDocument.js';
import { fromDats, fromTims, toDats } from '../abapValues.js';
import { alphaOut } from '../alpha.js';
import type { TableRow } from './readTable.js';

/** An instant as SAP stores it: DATS and TIMS. */
export interface SapInstant {
  date: string;
  time: string;
}

export const toSapInstant = (instant: ChangeInstant): SapInstant => ({ date: toDats(instant.date), time: instant.time.replaceAll(':', '') });
export const fromSapInstant = (instant: SapInstant): ChangeInstant => ({ date: fromDats(instant.date), time: fromTims(instant.time) || '00:00:00' });

const secondsOf = ({ date, time }: SapInstant): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)), Number(time.slice(0, 2)), Number(time.slice(2, 4)), Number(time.slice(4, 6))) / 1000;

const instantOf = (seconds: number): SapInstant => {
  const iso = new Date(seconds * 1000).toISOString();
  return { date: iso.slice(0, 10).replaceAll('-', ''), time: iso.slice(11, 19).replaceAll(':', '') };
};

export const compareInstants = (a: SapInstant, b: SapInstant): number => secondsOf(a) - secondsOf(b);

/** The instant halfway between two (rounded down to a second). */
export const midpoint = (from: SapInstant, to: SapInstant): SapInstant => instantOf(Math.floor((secondsOf(from) + secondsOf(to)) / 2));

export const plusOneSecond = (instant: SapInstant): SapInstant => instantOf(secondsOf(instant) + 1);

export const instantOfHeader = (header: TableRow): SapInstant => ({ date: header.UDATE ?? '', time: header.UTIME ?? '' });

/** Headers oldest first; change numbers order documents within one second (they are drawn in sequence). */
export function sortHeaders(headers: TableRow[]): TableRow[] {
  return [...headers].sort((a, b) => compareInstants(instantOfHeader(a), instantOfHeader(b)) || (a.CHANGENR! < b.CHANGENR! ? -1 : a.CHANGENR! > b.CHANGENR! ? 1 : 0));
}

/** CDHDR-CHANGE_IND and CDPOS-CHNGIND: I insert, U update, D delete, E delete of a single field. */
const kindOf = (indicator: string): ChangeKind => (indicator === 'I' ? 'created' : indicator === 'D' || indicator === 'E' ? 'deleted' : 'updated');

/** Item values are read in two passes (VALUE_NEW, VALUE_OLD do not fit one RFC_READ_TABLE line); this joins them. */
export const itemKey = (item: TableRow): string => [item.CHANGENR, item.TABNAME, item.TABKEY, item.FNAME, item.CHNGIND].join('|');

/** CDPOS-TABKEY starts with the client (3 characters); the model keeps the record key only. */
const CLIENT_LENGTH = 3;

function fieldChangeOf(item: TableRow, oldValue: string): FieldChange {
  return {
    table: item.TABNAME ?? '',
    key: (item.TABKEY ?? '').slice(CLIENT_LENGTH),
    // FNAME KEY stands for the whole record (created or deleted).
    field: item.FNAME === 'KEY' ? '' : (item.FNAME ?? ''),
    kind: kindOf(item.CHNGIND ?? ''),
    oldValue,
    newValue: item.VALUE_NEW ?? '',
  };
}

/**
 * Groups sorted headers with their items into the changes of each object, objects in the order of
 * their oldest change. `newValues` are CDPOS rows with VALUE_NEW, `oldValues` maps itemKey to VALUE_OLD.
 */
export function objectChangesOf(objectClass: string, headers: TableRow[], newValues: TableRow[], oldValues: Map<string, string>): ObjectChanges[] {
  const itemsByChange = new Map<string, TableRow[]>();
  for (const item of newValues) {
    const items = itemsByChange.get(item.CHANGENR!) ?? [];
    items.push(item);
    itemsByChange.set(item.CHANGENR!, items);
  }
  const objects = new Map<string, ObjectChanges>();
  for (const header of headers) {
    const objectId = alphaOut(header.OBJECTID ?? '');
    let object = objects.get(objectId);
    if (!object) objects.set(objectId, (object = { objectClass, objectId, documents: [] }));
    const document: ChangeDocument = {
      changeNumber: header.CHANGENR ?? '',
      changedAt: fromSapInstant(instantOfHeader(header)),
      changedBy: header.USERNAME ?? '',
      transaction: header.TCODE ?? '',
      kind: kindOf(header.CHANGE_IND ?? ''),
      changes: (itemsByChange.get(header.CHANGENR!) ?? []).map((item) => fieldChangeOf(item, oldValues.get(itemKey(item)) ?? '')),
    };
    object.documents.push(document);
  }
  return [...objects.values()];
}

/**
 * Change documents (CDHDR/CDPOS) as SAP writes them for a business object: one header per
 * change with user, date, time and transaction, and one item per changed field; an insert
 * or delete is one item with field name KEY. Delta reads of the gateway poll these.
 */

import type { Database, Row } from './database.js';
import type { TableName } from './ddic/tables.js';

export interface ObjectChange {
  /** Change document object: DEBI (customer), MATERIAL, VERKBELEG (sales document), KLIM (credit). */
  objectClass: string;
  objectId: string;
  user: string;
  tcode: string;
}

export interface TableChange {
  table: TableName;
  kind: 'I' | 'U' | 'D';
  before?: Row;
  after: Row;
}

export function writeChangeDocument(
  db: Database,
  change: ObjectChange,
  changes: TableChange[],
  stamp: { changeNumber: string; date: string; time: string },
): void {
  const items: Row[] = [];
  for (const tableChange of changes) {
    const def = db.table(tableChange.table).def;
    const tabkey = [...(def.clientField ? [def.clientField] : []), ...def.key].map((f) => String(tableChange.after[f] ?? '')).join('');
    const base = { OBJECTCLAS: change.objectClass, OBJECTID: change.objectId, CHANGENR: stamp.changeNumber, TABNAME: def.name, TABKEY: tabkey.slice(0, 70) };
    if (tableChange.kind !== 'U') {
      items.push({ ...base, FNAME: 'KEY', CHNGIND: tableChange.kind, VALUE_NEW: '', VALUE_OLD: '' });
      continue;
    }
    for (const field of def.fields) {
      const oldValue = String(tableChange.before?.[field.name] ?? '');
      const newValue = String(tableChange.after[field.name] ?? '');
      if (oldValue !== newValue) {
        items.push({ ...base, FNAME: field.name, CHNGIND: 'U', VALUE_NEW: newValue.slice(0, 254), VALUE_OLD: oldValue.slice(0, 254) });
      }
    }
  }
  if (items.length === 0) return;
  const changeIndicator = changes.every((c) => c.kind === 'I') ? 'I' : changes.every((c) => c.kind === 'D') ? 'D' : 'U';
  db.table('CDHDR').insert({
    OBJECTCLAS: change.objectClass,
    OBJECTID: change.objectId,
    CHANGENR: stamp.changeNumber,
    USERNAME: change.user,
    UDATE: stamp.date,
    UTIME: stamp.time,
    TCODE: change.tcode,
    CHANGE_IND: changeIndicator,
  });
  for (const item of items) db.table('CDPOS').insert(item);
}

/**
 * Change documents in the canonical model: which business object changed when, by whom, and which
 * fields with their old and new values. Delta reads poll them to find what to sync. Table and
 * field names are the source system's own: they say where a value lives, and the flow that reads
 * them maps them to canonical fields.
 */

/** A point in the source system's own time (recorded in its server's time zone, without an offset). */
export interface ChangeInstant {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS */
  time: string;
}

export type ChangeKind = 'created' | 'updated' | 'deleted';

/** One changed field, or a whole record created or deleted (field ''). */
export interface FieldChange {
  table: string;
  /** The record's key fields, concatenated as the source system stores them (without the client). */
  key: string;
  field: string;
  kind: ChangeKind;
  oldValue: string;
  newValue: string;
}

/** One change of a business object: a header and its field changes. */
export interface ChangeDocument {
  changeNumber: string;
  changedAt: ChangeInstant;
  changedBy: string;
  /** The transaction the change was made in, when the source system records one. */
  transaction: string;
  kind: ChangeKind;
  changes: FieldChange[];
}

/** The changes of one business object (a customer, a material …), oldest first. */
export interface ObjectChanges {
  /** The kind of business object, in the source system's terms (its change document object class). */
  objectClass: string;
  /** The object's number as users write it (leading zeros of a numeric number removed). */
  objectId: string;
  documents: ChangeDocument[];
}

/** Where the next delta read continues: from `since` (inclusive), skipping the documents already read at that instant. */
export interface ChangeCursor {
  since: ChangeInstant;
  skipChangeNumbers: string[];
}

export interface ChangeDocumentPage {
  /** Objects in the order of their oldest change on this page. */
  objects: ObjectChanges[];
  next: ChangeCursor;
  /** More change documents exist after this page. */
  hasMore: boolean;
}

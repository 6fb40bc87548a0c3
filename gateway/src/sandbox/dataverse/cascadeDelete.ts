/**
 * What deleting a row does to the rows that point at it, per the delete cascade of each
 * relationship (CascadeConfiguration.Delete, see metadata.ts): Cascade deletes them too, their own
 * relationships applied in turn; RemoveLink clears their lookup; Restrict refuses the delete with
 * CannotDeleteDueToAssociation while any exist; NoCascade (or no cascade in the metadata) leaves
 * them. The caller runs this inside one transaction, so a Restrict met anywhere in the tree
 * undoes what the cascade had already done.
 *
 * Dataverse applies the cascade whatever the caller's privileges on the related rows: only the
 * row the request names is checked (the caller needs Delete on it). Microsoft's docs do not say so
 * in as many words; a consultant's test on CRM 4.0 and 2011 (fkbase.info, "Cascade Delete
 * Behaviour": a user without Delete on the child table deleted the parent and its children) is the
 * evidence — unconfirmed for Dataverse today. Each row the cascade deletes or unlinks is handed to
 * the hooks as a Delete or Update of its own, as plug-ins registered on the child table run for
 * cascaded operations (also unconfirmed: whether a RemoveLink also stamps modifiedon is not
 * documented, so it does not here).
 */

import { faults } from './faults.js';
import type { LookupRelationship, MetadataRegistry } from './metadata.js';
import type { RowStore } from './rowStore.js';
import type { TableModel, TableModels } from './tableModel.js';
import { isEntityReference, type Row, type StoredValue } from './values.js';

/** The engine's side of a cascading delete: where rows are, and how one row is removed or unlinked. */
export interface DeleteCascadeEngine {
  readonly registry: MetadataRegistry;
  readonly models: TableModels;
  readonly store: RowStore;
  /** Deletes one row (no cascade) and records the Delete. */
  removeRow(model: TableModel, id: string, row: Row): void;
  /** Writes `row` with `attribute` cleared and records the Update. */
  clearLookup(model: TableModel, id: string, row: Row, attribute: string): void;
}

interface Referencing {
  model: TableModel;
  relationship: LookupRelationship;
}

/** Deletes the row and applies the delete cascade of every relationship that points at its table. */
export function deleteCascading(engine: DeleteCascadeEngine, model: TableModel, id: string): void {
  deleteRow(engine, model, id, new Set());
}

function deleteRow(engine: DeleteCascadeEngine, model: TableModel, id: string, deleting: Set<string>): void {
  const row = engine.store.table(model.logicalName).get(id);
  // A row reached twice (a self-referencing hierarchy, or two paths to one child) is deleted once.
  if (!row || deleting.has(id)) return;
  deleting.add(id);
  const related = referencingRelationships(engine, model.logicalName).map((referencing) => ({
    ...referencing,
    children: childrenOf(engine, referencing, model.logicalName, id).filter(([childId]) => !deleting.has(childId)),
  }));
  if (related.some(({ relationship, children }) => relationship.cascadeDelete === 'Restrict' && children.length > 0)) {
    throw faults.cannotDeleteDueToAssociation();
  }
  for (const { model: childModel, relationship, children } of related) {
    for (const [childId] of children) {
      if (relationship.cascadeDelete === 'Cascade') {
        deleteRow(engine, childModel, childId, deleting);
      } else if (relationship.cascadeDelete === 'RemoveLink') {
        // Read again: an earlier relationship may have rewritten or deleted the child.
        const current = engine.store.table(childModel.logicalName).get(childId);
        if (current && pointsAt(current[relationship.referencingAttribute], model.logicalName, id)) {
          engine.clearLookup(childModel, childId, current, relationship.referencingAttribute);
        }
      }
    }
  }
  engine.removeRow(model, id, row);
}

/** The relationships, of any table, whose lookup points at `table` and whose delete does something. */
function referencingRelationships(engine: DeleteCascadeEngine, table: string): Referencing[] {
  const found: Referencing[] = [];
  for (const entity of engine.registry.entities()) {
    for (const relationship of entity.lookups) {
      if (relationship.referencedEntity !== table) continue;
      if (relationship.cascadeDelete === undefined || relationship.cascadeDelete === 'NoCascade') continue;
      const model = engine.models.byLogicalName(entity.logicalName);
      if (model) found.push({ model, relationship });
    }
  }
  return found;
}

/** The rows of the referencing table whose lookup holds the deleted row. */
function childrenOf(engine: DeleteCascadeEngine, { model, relationship }: Referencing, table: string, id: string): [string, Row][] {
  const children: [string, Row][] = [];
  for (const [childId, row] of engine.store.table(model.logicalName).rows) {
    if (pointsAt(row[relationship.referencingAttribute], table, id)) children.push([childId, row]);
  }
  return children;
}

function pointsAt(value: StoredValue | undefined, table: string, id: string): boolean {
  return isEntityReference(value) && value.logicalName === table && value.id === id;
}

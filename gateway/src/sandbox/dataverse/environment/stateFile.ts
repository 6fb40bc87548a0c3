/**
 * Keeps the simulated Dataverse in a JSON file, so that what was written through the sandbox
 * survives a restart: the rows of every table (system jobs and webhook registrations included),
 * the change log behind delta links (so delta links handed out before keep working), shares,
 * document numbers, and the metadata solution imports added (tables, and the columns, keys and
 * relationships they added to standard tables; the standard definitions themselves come from the
 * code, so a newer version of the sandbox brings its own). Written like the simulated ECC's
 * state file (../../stateFiles.ts).
 */

import { existsSync, readFileSync } from 'node:fs';
import { DebouncedSaver, writeFileAtomically } from '../../stateFiles.js';
import type { EntityMetadata } from '../metadata.js';
import type { DataverseData, SimulatedDataverse } from '../simulatedDataverse.js';
import { STANDARD_TABLES } from '../standardTables/index.js';

const FORMAT_VERSION = 1;

interface DataverseStateFile {
  version: number;
  savedAt: string;
  /** Imported tables whole; for standard tables only what imports added. */
  metadata: EntityMetadata[];
  data: DataverseData;
}

/** Loads the file into the simulated Dataverse; false when there is no file yet. */
export function loadDataverseState(dataverse: SimulatedDataverse, path: string): boolean {
  if (!existsSync(path)) return false;
  let content: Partial<DataverseStateFile>;
  try {
    content = JSON.parse(readFileSync(path, 'utf8')) as Partial<DataverseStateFile>;
  } catch (error) {
    throw new Error(`${path} is not a simulated Dataverse state file (${(error as Error).message}); delete it to start from the seed data`);
  }
  if (content.version !== FORMAT_VERSION || !Array.isArray(content.metadata) || typeof content.data !== 'object' || content.data === null) {
    throw new Error(`${path} is not a simulated Dataverse state file of version ${FORMAT_VERSION}; delete it to start from the seed data`);
  }
  for (const entity of content.metadata) dataverse.registry.upsertEntity(entity);
  dataverse.loadData(content.data);
  return true;
}

export function saveDataverseState(dataverse: SimulatedDataverse, path: string): void {
  const content: DataverseStateFile = { version: FORMAT_VERSION, savedAt: new Date().toISOString(), metadata: importedMetadata(dataverse), data: dataverse.dumpData() };
  writeFileAtomically(path, JSON.stringify(content));
}

/** Saves at most once per interval after changes; flush() writes what is pending now. */
export class DataverseStateSaver extends DebouncedSaver {
  constructor(dataverse: SimulatedDataverse, path: string, intervalMs = 1_000) {
    super(() => saveDataverseState(dataverse, path), intervalMs);
  }
}

/** What solution imports added to the registry: whole tables, or a standard table's additions. */
function importedMetadata(dataverse: SimulatedDataverse): EntityMetadata[] {
  const standard = new Map(STANDARD_TABLES.map((entity) => [entity.logicalName, entity]));
  const imported: EntityMetadata[] = [];
  for (const entity of dataverse.registry.entities()) {
    const original = standard.get(entity.logicalName);
    if (!original) {
      imported.push(entity);
      continue;
    }
    // Standard definitions are frozen and shared: what an import added or replaced is another object.
    const attributes = entity.attributes.filter((attribute) => !original.attributes.includes(attribute));
    const keys = entity.keys.filter((key) => !original.keys.includes(key));
    const lookups = entity.lookups.filter((lookup) => !original.lookups.includes(lookup));
    if (attributes.length + keys.length + lookups.length > 0 || entity.changeTrackingEnabled !== original.changeTrackingEnabled) {
      imported.push({ ...entity, attributes, keys, lookups });
    }
  }
  return imported;
}

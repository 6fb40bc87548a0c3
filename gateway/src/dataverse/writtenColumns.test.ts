import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SOLUTION_SOURCE_DIR, packSolution } from '@ecc365/solution';
import { afterAll, describe, expect, it } from 'vitest';
import { FAILURE_CAUSE_VALUES } from '../quotes/failureCause.js';
import { SAP_DOCUMENT_CATEGORY_VALUES } from '../quotes/quoteRecords.js';
import { SYNC_STATUS_VALUES } from '../quotes/syncResults.js';
import { MetadataRegistry } from '../sandbox/dataverse/metadata.js';
import { importSolution } from '../sandbox/dataverse/solution/importSolution.js';
import { STANDARD_TABLES } from '../sandbox/dataverse/standardTables/index.js';
import { WRITTEN_TABLES } from './writtenColumns.js';

/** The simulated Dataverse's metadata after importing the solution packed from `sourceDir`. */
function importedFrom(sourceDir: string): MetadataRegistry {
  const registry = new MetadataRegistry([...STANDARD_TABLES]);
  importSolution(registry, packSolution(sourceDir, { managed: true }));
  return registry;
}

/** What the gateway writes that the environment does not have or does not let it write, as "table.column: why". */
function unwritableColumns(registry: MetadataRegistry): string[] {
  const problems: string[] = [];
  for (const [table, { entitySet, columns }] of Object.entries(WRITTEN_TABLES)) {
    const entity = registry.entity(table);
    if (!entity) {
      problems.push(`${table}: no such table`);
      continue;
    }
    if (entity.entitySetName !== entitySet) problems.push(`${table}: its entity set is ${entity.entitySetName}, not ${entitySet}`);
    for (const column of columns) {
      const attribute = entity.attributes.find((a) => a.logicalName === column);
      if (!attribute) problems.push(`${table}.${column}: no such column`);
      else if (!attribute.validForCreate && !attribute.validForUpdate) problems.push(`${table}.${column}: not writable`);
    }
  }
  return problems;
}

const temporaryDirectories: string[] = [];
afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

describe('what the gateway writes to Dataverse exists in the ecc365 solution', () => {
  const registry = importedFrom(SOLUTION_SOURCE_DIR);

  it('every table and column the gateway writes exists after importing the solution, and takes writes', () => {
    expect(unwritableColumns(registry)).toEqual([]);
  });

  it("the gateway's own columns and tables are the solution's: an environment without it has none of them", () => {
    const bare = new MetadataRegistry([...STANDARD_TABLES]);
    const own = Object.entries(WRITTEN_TABLES).flatMap(([table, { columns }]) => columns.filter((c) => c.startsWith('ecc_')).map((c) => `${table}.${c}`));
    expect(own.length).toBeGreaterThan(0);
    for (const name of own) {
      const [table, column] = name.split('.') as [string, string];
      expect(bare.entity(table)?.attributes.some((a) => a.logicalName === column) ?? false, name).toBe(false);
      expect(registry.entity(table)!.attributes.find((a) => a.logicalName === column)!.isCustomAttribute, name).toBe(true);
    }
    expect(registry.entity('ecc_syncresult')!.isCustomEntity).toBe(true);
  });

  it('the choice values the gateway writes are options of their columns', () => {
    const optionsOf = (table: string, column: string) => registry.entity(table)!.attributes.find((a) => a.logicalName === column)!.options!.map((o) => o.value);
    expect(optionsOf('ecc_syncresult', 'ecc_status')).toEqual(expect.arrayContaining(Object.values(SYNC_STATUS_VALUES)));
    expect(optionsOf('quote', 'ecc_sapdocumentcategory')).toEqual(expect.arrayContaining(Object.values(SAP_DOCUMENT_CATEGORY_VALUES)));
    expect(optionsOf('ecc_syncresult', 'ecc_cause')).toEqual(Object.values(FAILURE_CAUSE_VALUES));
  });

  it('names a column the gateway writes that the solution lost', () => {
    const source = mkdtempSync(path.join(tmpdir(), 'ecc365-written-'));
    temporaryDirectories.push(source);
    cpSync(SOLUTION_SOURCE_DIR, source, { recursive: true });
    const quoteFile = path.join(source, 'Entities/Quote/Entity.xml');
    const withoutStatus = readFileSync(quoteFile, 'utf8').replace(/\s*<attribute PhysicalName="ecc_SapStatus">[\s\S]*?<\/attribute>/, '');
    writeFileSync(quoteFile, withoutStatus);
    expect(unwritableColumns(importedFrom(source))).toEqual(['quote.ecc_sapstatus: no such column']);
  });
});

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { definedNames, namesWithReservedPrefix } from './definedNames.js';
import { SOLUTION_SOURCE_DIR, packSolution } from './index.js';
import { temporaryDirectory } from './testing/solutionTesting.js';

/** A copy of the repository's unpacked solution with `edits` applied to its files (text → text). */
function editedSolution(edits: Record<string, (text: string) => string>): string {
  const directory = temporaryDirectory();
  cpSync(SOLUTION_SOURCE_DIR, directory, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(directory, file);
    mkdirSync(path.dirname(target), { recursive: true });
    const before = (() => {
      try {
        return readFileSync(target, 'utf8');
      } catch {
        return '';
      }
    })();
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${file} changed nothing`);
    writeFileSync(target, after);
  }
  return directory;
}

describe('the names the solution defines', () => {
  const zip = packSolution(SOLUTION_SOURCE_DIR, { managed: true });
  const names = definedNames(zip);
  const named = (kind: string) => names.filter((n) => n.kind === kind).map((n) => n.name);

  it('finds every kind of schema name in the packed repository solution', () => {
    expect(named('table')).toEqual(expect.arrayContaining(['Account', 'ecc_SyncResult', 'ecc_SyncRun', 'ecc_ValueMap', 'ecc_SalesArea', 'ecc_CustomerSalesArea', 'ecc_Delivery']));
    expect(named('column')).toEqual(expect.arrayContaining(['ecc_CustomerNumber', 'ecc_SyncRunId', 'ecc_ContactPersonNumber', 'CreatedBy']));
    // Once per kind, whatever the letter case: the logical name ecc_customernumber is the schema name ecc_CustomerNumber.
    expect(named('column').filter((name) => name.toLowerCase() === 'ecc_customernumber')).toEqual(['ecc_CustomerNumber']);
    expect(named('option set')).toEqual(expect.arrayContaining(['ecc_syncstatus', 'ecc_syncresult_ecc_cause', 'ecc_syncrun_statecode']));
    expect(named('relationship')).toEqual(expect.arrayContaining(['ecc_syncrun_ecc_syncresult_syncrunid', 'owner_ecc_delivery']));
    expect(named('alternate key')).toEqual(expect.arrayContaining(['ecc_customernumber', 'ecc_kind_sapvalue', 'ecc_salesareakey']));
    expect(named('environment variable')).toEqual(expect.arrayContaining(['ecc_GatewayUrl', 'ecc_GatewayApplicationId']));
    expect(named('root component')).toEqual(expect.arrayContaining(['account', 'ecc_syncstatus', 'ecc_GatewayUrl']));
  });

  it("uses no name starting with crm_, the prefix Dataverse keeps for itself", () => {
    expect(namesWithReservedPrefix(zip)).toEqual([]);
  });

  it('reports a crm_ name of each kind, whatever its letter case', () => {
    const source = editedSolution({
      'Entities/ecc_ValueMap/Entity.xml': (xml) => xml.replace(/ecc_SapValue/g, 'crm_SapValue').replace(/ecc_sapvalue/g, 'crm_sapvalue').replace('<Name>ecc_kind_sapvalue</Name>', '<Name>CRM_kindkey</Name>'),
      'OptionSets/ecc_syncstatus.xml': (xml) => xml.replace('Name="ecc_syncstatus"', 'Name="crm_syncstatus"'),
      'Entities/Account/Entity.xml': (xml) => xml.replace('<OptionSetName>ecc_syncstatus</OptionSetName>', '<OptionSetName>crm_syncstatus</OptionSetName>'),
      'Entities/ecc_SyncResult/Entity.xml': (xml) => xml.replace('<OptionSetName>ecc_syncstatus</OptionSetName>', '<OptionSetName>crm_syncstatus</OptionSetName>'),
      'Other/Relationships/ecc_SyncRun.xml': (xml) => xml.replace('Name="ecc_syncrun_ecc_syncresult_syncrunid"', 'Name="crm_syncrun_results"'),
      'Other/Relationships.xml': (xml) => xml.replace('Name="ecc_syncrun_ecc_syncresult_syncrunid"', 'Name="crm_syncrun_results"'),
    });
    const reported = namesWithReservedPrefix(packSolution(source, { managed: false }));
    expect(reported).toEqual(
      expect.arrayContaining([
        { kind: 'column', name: 'crm_SapValue' },
        { kind: 'alternate key', name: 'CRM_kindkey' },
        { kind: 'option set', name: 'crm_syncstatus' },
        { kind: 'relationship', name: 'crm_syncrun_results' },
      ]),
    );
    expect(reported.every((n) => n.name.toLowerCase().startsWith('crm_'))).toBe(true);
  });

  it('reports a crm_ table and environment variable, and their root components', () => {
    const variable = 'environmentvariabledefinitions/ecc_GatewayUrl/environmentvariabledefinition.xml';
    const source = editedSolution({
      'Entities/ecc_Delivery/Entity.xml': (xml) => xml.replace(/ecc_Delivery\b/g, 'crm_Delivery'),
      'Other/Solution.xml': (xml) => xml.replace('schemaName="ecc_delivery"', 'schemaName="crm_delivery"').replace('schemaName="ecc_GatewayUrl"', 'schemaName="crm_GatewayUrl"'),
      [`environmentvariabledefinitions/crm_GatewayUrl/environmentvariabledefinition.xml`]: () =>
        readFileSync(path.join(SOLUTION_SOURCE_DIR, variable), 'utf8').replace('schemaname="ecc_GatewayUrl"', 'schemaname="crm_GatewayUrl"'),
    });
    rmSync(path.join(source, 'environmentvariabledefinitions/ecc_GatewayUrl'), { recursive: true });
    const reported = namesWithReservedPrefix(packSolution(source, { managed: true }));
    expect(reported).toEqual(
      expect.arrayContaining([
        { kind: 'table', name: 'crm_Delivery' },
        { kind: 'environment variable', name: 'crm_GatewayUrl' },
        { kind: 'root component', name: 'crm_delivery' },
        { kind: 'root component', name: 'crm_GatewayUrl' },
      ]),
    );
  });
});

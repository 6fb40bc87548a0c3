import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SOLUTION_SOURCE_DIR, packSolution } from '@ecc365/solution';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetadataRegistry } from '../metadata.js';
import { STANDARD_TABLES } from '../standardTables/index.js';
import { IMPORT_ERROR_CODES, type SolutionImportFailed } from './importErrors.js';
import { importSolution } from './importSolution.js';
import { importFailureOf } from '../testing/solutionZips.js';

let registry: MetadataRegistry;
beforeEach(() => {
  registry = new MetadataRegistry([...STANDARD_TABLES]);
});

const temporaryDirectories: string[] = [];
afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

const repositoryFile = (name: string) => readFileSync(path.join(SOLUTION_SOURCE_DIR, name), 'utf8');

/** The repository's manifest without its environment variables and top-level components (roles, steps, app …), plus these root components. */
const manifestWith = (...rootComponents: string[]): string =>
  repositoryFile('Other/Solution.xml')
    .replace(/\s*<RootComponent type="(380|20|60|62|80|92|95)"[^>]*\/>/g, '')
    .replace('</RootComponents>', `${rootComponents.map((component) => `  ${component}\n`).join('')}    </RootComponents>`);

/** Packs an unpacked solution made of the repository's Other/ files (manifest without environment variables), its global option set and `files` (which may replace them). */
function packed(files: Record<string, string>, managed = true): Uint8Array {
  const directory = mkdtempSync(path.join(tmpdir(), 'ecc365-import-'));
  temporaryDirectories.push(directory);
  const all = {
    'Other/Solution.xml': manifestWith(),
    'Other/Customizations.xml': repositoryFile('Other/Customizations.xml'),
    // The repository's global option set, which its account columns use.
    'OptionSets/ecc_syncstatus.xml': repositoryFile('OptionSets/ecc_syncstatus.xml'),
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), text);
  }
  return packSolution(directory, { managed });
}

/** A zip with exactly these root files. */
const zipOf = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

const importFailure = (zip: Uint8Array): SolutionImportFailed => importFailureOf(registry, zip);

// customizations.xml parts in the shape Dataverse exports them (schema 9.0).
const label = (text: string) => `<displaynames><displayname description="${text}" languagecode="1033" /></displaynames>`;
const attribute = (physicalName: string, type: string, inner = '', requiredLevel = 'none') => `
        <attribute PhysicalName="${physicalName}">
          <Type>${type}</Type><Name>${physicalName.toLowerCase()}</Name><LogicalName>${physicalName.toLowerCase()}</LogicalName>
          <RequiredLevel>${requiredLevel}</RequiredLevel><DisplayMask>ValidForAdvancedFind|ValidForForm|ValidForGrid</DisplayMask>
          <ValidForUpdateApi>1</ValidForUpdateApi><ValidForReadApi>1</ValidForReadApi><ValidForCreateApi>1</ValidForCreateApi>
          <IsCustomField>1</IsCustomField>${inner}${label(physicalName)}
        </attribute>`;
const options = (...items: [number, string][]) =>
  `<options>${items.map(([value, text]) => `<option value="${value}"><labels><label description="${text}" languagecode="1033" /></labels></option>`).join('')}</options>`;

const salesAreaEntity = `<?xml version="1.0" encoding="utf-8"?>
<Entity xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Name LocalizedName="Sales Area" OriginalName="Sales Area">ecc_SalesArea</Name>
  <EntityInfo>
    <entity Name="ecc_SalesArea">
      <LocalizedNames><LocalizedName description="Sales Area" languagecode="1033" /></LocalizedNames>
      <attributes>
        <attribute PhysicalName="ecc_SalesAreaId">
          <Type>primarykey</Type><Name>ecc_salesareaid</Name><LogicalName>ecc_salesareaid</LogicalName>
          <RequiredLevel>systemrequired</RequiredLevel><DisplayMask>ValidForAdvancedFind|RequiredForGrid</DisplayMask>
          <ValidForUpdateApi>0</ValidForUpdateApi><ValidForReadApi>1</ValidForReadApi><ValidForCreateApi>1</ValidForCreateApi>
          <IsCustomField>0</IsCustomField>
        </attribute>
        <attribute PhysicalName="ecc_Name">
          <Type>nvarchar</Type><Name>ecc_name</Name><LogicalName>ecc_name</LogicalName>
          <RequiredLevel>required</RequiredLevel><DisplayMask>PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm</DisplayMask>
          <IsCustomField>1</IsCustomField><Format>text</Format><MaxLength>100</MaxLength>
        </attribute>${attribute('ecc_SalesOrganization', 'nvarchar', '<Format>text</Format><MaxLength>4</MaxLength>', 'required')}${
  attribute('ecc_DistributionChannel', 'nvarchar', '<Format>text</Format><MaxLength>2</MaxLength>', 'required')}${
  attribute('ecc_Division', 'nvarchar', '<Format>text</Format><MaxLength>2</MaxLength>', 'required')}${
  attribute('ecc_ContactEmail', 'nvarchar', '<Format>email</Format><MaxLength>100</MaxLength>')}${
  attribute('ecc_Notes', 'ntext', '<Format>textarea</Format><MaxLength>2000</MaxLength>')}${
  attribute('ecc_Priority', 'int', '<Format></Format><MinValue>0</MinValue><MaxValue>100</MaxValue>')}${
  attribute('ecc_DiscountPercent', 'decimal', '<MinValue>0</MinValue><MaxValue>100</MaxValue><Accuracy>2</Accuracy>')}${
  attribute('ecc_CreditLimit', 'money', '<MinValue>0</MinValue><MaxValue>1000000000</MaxValue><Accuracy>2</Accuracy><AccuracySource>2</AccuracySource>')}${
  attribute('ecc_ValidFrom', 'datetime', '<Format>date</Format><CanChangeDateTimeBehavior>0</CanChangeDateTimeBehavior><Behavior>2</Behavior>')}${
  attribute('ecc_LastSyncedOn', 'datetime', '<Format>datetime</Format><Behavior>1</Behavior>')}${
  attribute('ecc_IsDefault', 'bit', `<AppDefaultValue>0</AppDefaultValue><optionset Name="ecc_salesarea_ecc_isdefault"><OptionSetType>bit</OptionSetType>${options([0, 'No'], [1, 'Yes'])}</optionset>`)}${
  attribute('ecc_PartnerRole', 'picklist', `<AppDefaultValue>363650000</AppDefaultValue><optionset Name="ecc_salesarea_ecc_partnerrole"><OptionSetType>picklist</OptionSetType>${options([363650000, 'Sold-to party'], [363650001, 'Ship-to party'])}</optionset>`)}${
  attribute('ecc_Region', 'picklist', '<OptionSetName>ecc_region</OptionSetName>')}${
  attribute('ecc_AccountId', 'lookup', '<LookupStyle>single</LookupStyle><LookupTypes />')}
        <attribute PhysicalName="OwnerId">
          <Type>owner</Type><Name>ownerid</Name><LogicalName>ownerid</LogicalName><RequiredLevel>systemrequired</RequiredLevel>
          <IsCustomField>0</IsCustomField><LookupTypes><LookupType id="00000000-0000-0000-0000-000000000000">8</LookupType><LookupType id="00000000-0000-0000-0000-000000000000">9</LookupType></LookupTypes>
        </attribute>
        <attribute PhysicalName="statecode">
          <Type>state</Type><Name>statecode</Name><LogicalName>statecode</LogicalName><RequiredLevel>systemrequired</RequiredLevel>
          <ValidForCreateApi>0</ValidForCreateApi><IsCustomField>0</IsCustomField>
          <optionset Name="ecc_salesarea_statecode"><OptionSetType>state</OptionSetType><states>
            <state value="0" defaultstatus="1" invariantname="Active"><labels><label description="Active" languagecode="1033" /></labels></state>
            <state value="1" defaultstatus="2" invariantname="Inactive"><labels><label description="Inactive" languagecode="1033" /></labels></state>
          </states></optionset>
        </attribute>
        <attribute PhysicalName="statuscode">
          <Type>status</Type><Name>statuscode</Name><LogicalName>statuscode</LogicalName><RequiredLevel>none</RequiredLevel><IsCustomField>0</IsCustomField>
          <optionset Name="ecc_salesarea_statuscode"><OptionSetType>status</OptionSetType><statuses>
            <status value="1" state="0"><labels><label description="Active" languagecode="1033" /></labels></status>
            <status value="2" state="1"><labels><label description="Inactive" languagecode="1033" /></labels></status>
          </statuses></optionset>
        </attribute>
        <attribute PhysicalName="ecc_AccountIdName">
          <Type>virtual</Type><Name>ecc_accountidname</Name><LogicalName>ecc_accountidname</LogicalName><IsCustomField>1</IsCustomField>
        </attribute>
      </attributes>
      <EntityKeys>
        <EntityKey>
          <Name>ecc_SalesAreaKey</Name><LogicalName>ecc_salesareakey</LogicalName>
          <EntityKeyAttributes><AttributeName>ecc_salesorganization</AttributeName><AttributeName>ecc_distributionchannel</AttributeName><AttributeName>ecc_division</AttributeName></EntityKeyAttributes>
        </EntityKey>
      </EntityKeys>
      <EntitySetName>ecc_salesareas</EntitySetName>
      <OwnershipTypeMask>UserOwned</OwnershipTypeMask>
      <ChangeTrackingEnabled>1</ChangeTrackingEnabled>
    </entity>
  </EntityInfo>
</Entity>`;

const relationship = (name: string, referencing: string, referenced: string, attributeName: string, roles = '') => `
  <EntityRelationship Name="${name}">
    <EntityRelationshipType>OneToMany</EntityRelationshipType>
    <ReferencingEntityName>${referencing}</ReferencingEntityName><ReferencedEntityName>${referenced}</ReferencedEntityName>
    <CascadeAssign>NoCascade</CascadeAssign><CascadeDelete>RemoveLink</CascadeDelete>
    <ReferencingAttributeName>${attributeName}</ReferencingAttributeName>${roles}
  </EntityRelationship>`;
const roles = (lookupNavigation: string, collectionNavigation: string) => `
    <EntityRelationshipRoles>
      <EntityRelationshipRole><NavPaneDisplayOption>UseCollectionName</NavPaneDisplayOption><NavigationPropertyName>${lookupNavigation}</NavigationPropertyName><RelationshipRoleType>1</RelationshipRoleType></EntityRelationshipRole>
      <EntityRelationshipRole><NavigationPropertyName>${collectionNavigation}</NavigationPropertyName><RelationshipRoleType>0</RelationshipRoleType></EntityRelationshipRole>
    </EntityRelationshipRoles>`;
const relationshipsFile = (...items: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<EntityRelationships xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${items.join('')}\n</EntityRelationships>`;

const regionOptionSet = `<?xml version="1.0" encoding="utf-8"?>
<optionset Name="ecc_region" localizedName="Region" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <OptionSetType>picklist</OptionSetType><IsGlobal>1</IsGlobal>
  ${options([363650000, 'North'], [363650001, 'South'])}
</optionset>`;

const salesAreaSolution = {
  'Entities/ecc_SalesArea/Entity.xml': salesAreaEntity,
  'Other/Relationships/Account.xml': relationshipsFile(relationship('ecc_account_ecc_salesarea_AccountId', 'ecc_SalesArea', 'Account', 'ecc_AccountId', roles('ecc_AccountId', 'ecc_account_ecc_salesarea_AccountId'))),
  'Other/Relationships/Owner.xml': relationshipsFile(relationship('owner_ecc_salesarea', 'ecc_SalesArea', 'Owner', 'OwnerId')),
  'OptionSets/ecc_region.xml': regionOptionSet,
};

describe('importSolution: the repository solution', () => {
  it('adds ecc_customernumber (text, 10) and the alternate key ecc_customernumber to account', () => {
    const columnsBefore = registry.entity('account')!.attributes.length;
    const result = importSolution(registry, packSolution(SOLUTION_SOURCE_DIR, { managed: true }));

    expect(result.solution).toMatchObject({ uniqueName: 'ecc365', managed: true, publisher: { uniqueName: 'ecc365', customizationPrefix: 'ecc' } });
    expect(result.tables.find((t) => t.logicalName === 'account')).toEqual({
      logicalName: 'account', created: false, keys: ['ecc_customernumber'],
      columns: [
        'ecc_accountgroup', 'ecc_companycode', 'ecc_creditblocked', 'ecc_creditcontrolarea', 'ecc_creditcurrency', 'ecc_creditexposure', 'ecc_creditlimit', 'ecc_customernumber',
        'ecc_distributionchannel', 'ecc_division', 'ecc_lastsyncedon', 'ecc_lastsyncmessage', 'ecc_lastsyncstatus', 'ecc_riskcategory', 'ecc_salesorganization',
      ],
    });
    const account = registry.entity('account')!;
    expect(account.attributes).toHaveLength(columnsBefore + 15);
    expect(account.attributes.find((a) => a.logicalName === 'ecc_customernumber')).toEqual({
      logicalName: 'ecc_customernumber',
      schemaName: 'ecc_CustomerNumber',
      type: 'String',
      requiredLevel: 'None',
      validForCreate: true,
      validForUpdate: true,
      validForRead: true,
      maxLength: 10,
      format: 'Text',
      isCustomAttribute: true,
    });
    expect(account.keys).toEqual([{ logicalName: 'ecc_customernumber', keyAttributes: ['ecc_customernumber'] }]);
    // The standard definition is not touched: another environment starts without the column.
    expect(new MetadataRegistry([...STANDARD_TABLES]).entity('account')!.attributes.some((a) => a.logicalName === 'ecc_customernumber')).toBe(false);
  });

  it('defines every Dataverse name the product reads and writes, with its type, keys and options', () => {
    importSolution(registry, packSolution(SOLUTION_SOURCE_DIR, { managed: true }));
    const column = (table: string, name: string) => registry.entity(table)?.attributes.find((a) => a.logicalName === name);
    const expected: [string, string, string, number?][] = [
      ['account', 'ecc_customernumber', 'String', 10], ['account', 'ecc_salesorganization', 'String', 4], ['account', 'ecc_distributionchannel', 'String', 2],
      ['account', 'ecc_division', 'String', 2], ['account', 'ecc_companycode', 'String', 4], ['account', 'ecc_creditcontrolarea', 'String', 4],
      ['product', 'ecc_materialnumber', 'String', 18],
      ['quote', 'ecc_sapdocumentnumber', 'String', 10], ['quote', 'ecc_sapdocumentcategory', 'Picklist'], ['quote', 'ecc_sapstatus', 'String', 100],
      ['quote', 'ecc_sapsubmittedon', 'DateTime'], ['quote', 'ecc_sapquotationnumber', 'String', 10],
      ['quotedetail', 'ecc_sapnetprice', 'Money'], ['quotedetail', 'ecc_saptaxamount', 'Money'], ['quotedetail', 'ecc_sappricedon', 'DateTime'],
      ['ecc_syncresult', 'ecc_name', 'String', 200], ['ecc_syncresult', 'ecc_flow', 'String', 100], ['ecc_syncresult', 'ecc_status', 'Picklist'],
      ['ecc_syncresult', 'ecc_message', 'Memo', 10000], ['ecc_syncresult', 'ecc_sapdocumentnumber', 'String', 10], ['ecc_syncresult', 'ecc_correlationid', 'String', 100],
      ['ecc_syncresult', 'ecc_startedon', 'DateTime'], ['ecc_syncresult', 'ecc_finishedon', 'DateTime'], ['ecc_syncresult', 'ecc_regardingtable', 'String', 64],
      ['ecc_syncresult', 'ecc_regardingid', 'String', 36], ['ecc_syncresult', 'ecc_sourcesnapshot', 'Memo', 1048576], ['ecc_syncresult', 'ecc_targetsnapshot', 'Memo', 1048576],
      ['ecc_syncresult', 'ecc_idempotencykey', 'String', 200],
    ];
    for (const [table, name, type, maxLength] of expected) {
      expect(column(table, name), `${table}.${name}`).toMatchObject({ type, isCustomAttribute: true, validForCreate: true, validForUpdate: true, ...(maxLength ? { maxLength } : {}) });
    }
    expect(registry.entity('product')!.keys).toEqual([{ logicalName: 'ecc_materialnumber', keyAttributes: ['ecc_materialnumber'] }]);
    expect(registry.entity('ecc_syncresult')!.keys).toEqual([{ logicalName: 'ecc_idempotencykey', keyAttributes: ['ecc_idempotencykey'] }]);
    expect(column('quote', 'ecc_sapdocumentcategory')!.options).toEqual([{ value: 363650000, label: 'Quotation' }, { value: 363650001, label: 'Sales Order' }]);
    expect(column('ecc_syncresult', 'ecc_status')!.options).toEqual([
      { value: 363650000, label: 'Succeeded' }, { value: 363650001, label: 'Failed' }, { value: 363650002, label: 'Retrying' }, { value: 363650003, label: 'Dead-lettered' },
    ]);
    // Money columns come with the base-currency twin Dataverse keeps, which no request writes.
    expect(column('quotedetail', 'ecc_sapnetprice_base')).toMatchObject({ type: 'Money', validForCreate: false, validForUpdate: false });
    expect(column('quote', 'ecc_sapsubmittedon')).toMatchObject({ format: 'DateAndTime', dateTimeBehavior: 'UserLocal' });
  });

  it('creates the sync result table as a user-owned table with its system columns and relationships', () => {
    const result = importSolution(registry, packSolution(SOLUTION_SOURCE_DIR, { managed: true }));
    expect(result.tables.find((t) => t.logicalName === 'ecc_syncresult')).toMatchObject({ created: true, keys: ['ecc_idempotencykey'] });
    const table = registry.entityBySetName('ecc_syncresults')!;
    expect(table).toMatchObject({
      logicalName: 'ecc_syncresult', schemaName: 'ecc_SyncResult', primaryIdAttribute: 'ecc_syncresultid', primaryNameAttribute: 'ecc_name',
      ownershipType: 'UserOwned', changeTrackingEnabled: true, isCustomEntity: true,
    });
    expect(Object.fromEntries(table.lookups.map((l) => [l.referencingAttribute, [l.referencedEntity, l.navigationProperty, l.schemaName]]))).toEqual({
      createdby: ['systemuser', 'createdby', 'lk_ecc_syncresult_createdby'],
      createdonbehalfby: ['systemuser', 'createdonbehalfby', 'lk_ecc_syncresult_createdonbehalfby'],
      ecc_syncrunid: ['ecc_syncrun', 'ecc_SyncRunId', 'ecc_syncrun_ecc_syncresult_syncrunid'],
      modifiedby: ['systemuser', 'modifiedby', 'lk_ecc_syncresult_modifiedby'],
      modifiedonbehalfby: ['systemuser', 'modifiedonbehalfby', 'lk_ecc_syncresult_modifiedonbehalfby'],
      ownerid: ['owner', 'ownerid', 'owner_ecc_syncresult'],
      owningbusinessunit: ['businessunit', 'owningbusinessunit', 'business_unit_ecc_syncresult'],
      owningteam: ['team', 'owningteam', 'team_ecc_syncresult'],
      owninguser: ['systemuser', 'owninguser', 'user_ecc_syncresult'],
    });
    expect(table.attributes.find((a) => a.logicalName === 'statuscode')!.options).toEqual([{ value: 1, label: 'Active', state: 0 }, { value: 2, label: 'Inactive', state: 1 }]);
  });

  it('imports the unmanaged package the same way, and a second import replaces rather than duplicates', () => {
    importSolution(registry, packSolution(SOLUTION_SOURCE_DIR, { managed: false }));
    const wider = repositoryFile('Entities/Account/Entity.xml').replace(/(<attribute PhysicalName="ecc_CustomerNumber">[\s\S]*?)<MaxLength>10<\/MaxLength>/, '$1<MaxLength>12</MaxLength>');
    const result = importSolution(registry, packed({ 'Entities/Account/Entity.xml': wider }, false));
    expect(result.solution.managed).toBe(false);
    const account = registry.entity('account')!;
    expect(account.attributes.filter((a) => a.logicalName === 'ecc_customernumber').map((a) => a.maxLength)).toEqual([12]);
    expect(account.keys).toHaveLength(1);
  });
});

describe('importSolution: a custom table', () => {
  it('creates the table with its columns, key, option sets and relationships', () => {
    const result = importSolution(registry, packed(salesAreaSolution));
    expect(result.tables).toEqual([expect.objectContaining({ logicalName: 'ecc_salesarea', created: true })]);
    expect(result.relationships).toEqual(['ecc_account_ecc_salesarea_AccountId', 'owner_ecc_salesarea']);

    const table = registry.entityBySetName('ecc_salesareas')!;
    expect(table).toMatchObject({
      logicalName: 'ecc_salesarea', schemaName: 'ecc_SalesArea', primaryIdAttribute: 'ecc_salesareaid', primaryNameAttribute: 'ecc_name',
      ownershipType: 'UserOwned', changeTrackingEnabled: true, isCustomEntity: true,
    });
    expect(table.objectTypeCode).toBeGreaterThanOrEqual(10000);
    const column = (name: string) => table.attributes.find((a) => a.logicalName === name);
    expect(column('ecc_salesareaid')).toMatchObject({ type: 'Uniqueidentifier', requiredLevel: 'SystemRequired', validForUpdate: false });
    expect(column('ecc_name')).toMatchObject({ type: 'String', maxLength: 100, requiredLevel: 'ApplicationRequired' });
    expect(column('ecc_contactemail')).toMatchObject({ type: 'String', format: 'Email', maxLength: 100 });
    expect(column('ecc_notes')).toMatchObject({ type: 'Memo', format: 'TextArea', maxLength: 2000 });
    expect(column('ecc_priority')).toMatchObject({ type: 'Integer', format: 'None', minValue: 0, maxValue: 100 });
    expect(column('ecc_discountpercent')).toMatchObject({ type: 'Decimal', minValue: 0, maxValue: 100, precision: 2 });
    expect(column('ecc_creditlimit')).toMatchObject({ type: 'Money', minValue: 0, maxValue: 1000000000, precision: 2 });
    expect(column('ecc_validfrom')).toMatchObject({ type: 'DateTime', format: 'DateOnly', dateTimeBehavior: 'DateOnly' });
    expect(column('ecc_lastsyncedon')).toMatchObject({ type: 'DateTime', format: 'DateAndTime', dateTimeBehavior: 'UserLocal' });
    expect(column('ecc_isdefault')).toMatchObject({ type: 'Boolean', options: [{ value: 0, label: 'No' }, { value: 1, label: 'Yes' }], defaultValue: false });
    expect(column('ecc_partnerrole')).toMatchObject({ defaultValue: 363650000, options: [{ value: 363650000, label: 'Sold-to party' }, { value: 363650001, label: 'Ship-to party' }] });
    expect(column('ecc_region')?.defaultValue).toBeUndefined();
    expect(column('ecc_region')?.options).toEqual([{ value: 363650000, label: 'North' }, { value: 363650001, label: 'South' }]);
    expect(column('statecode')?.options).toEqual([
      { value: 0, label: 'Active', defaultStatus: 1, invariantName: 'Active' },
      { value: 1, label: 'Inactive', defaultStatus: 2, invariantName: 'Inactive' },
    ]);
    expect(column('statuscode')?.options).toEqual([{ value: 1, label: 'Active', state: 0 }, { value: 2, label: 'Inactive', state: 1 }]);
    expect(column('ecc_accountid')).toMatchObject({ type: 'Lookup', targets: ['account'] });
    expect(column('ownerid')).toMatchObject({ type: 'Owner', targets: ['systemuser', 'team'] });
    // A virtual (name) column is derived by Dataverse, not held.
    expect(column('ecc_accountidname')).toBeUndefined();
    expect(table.keys).toEqual([{ logicalName: 'ecc_salesareakey', keyAttributes: ['ecc_salesorganization', 'ecc_distributionchannel', 'ecc_division'] }]);
    expect(table.lookups).toEqual([
      {
        schemaName: 'ecc_account_ecc_salesarea_AccountId', referencingAttribute: 'ecc_accountid', referencedEntity: 'account',
        navigationProperty: 'ecc_AccountId', collectionNavigationProperty: 'ecc_account_ecc_salesarea_AccountId', cascadeDelete: 'RemoveLink',
      },
      {
        schemaName: 'owner_ecc_salesarea', referencingAttribute: 'ownerid', referencedEntity: 'owner',
        navigationProperty: 'ownerid', collectionNavigationProperty: 'owner_ecc_salesarea', cascadeDelete: 'RemoveLink',
      },
    ]);
  });

  it('gives a lookup without relationship roles the navigation property Dataverse derives: the schema name, or column_target', () => {
    const withoutRoles = {
      ...salesAreaSolution,
      'Entities/ecc_SalesArea/Entity.xml': salesAreaEntity.replace(
        '<attribute PhysicalName="OwnerId">',
        `${attribute('ecc_CustomerId', 'customer', '<LookupStyle>single</LookupStyle>')}\n        <attribute PhysicalName="OwnerId">`,
      ),
      'Other/Relationships/Account.xml': relationshipsFile(
        relationship('ecc_account_ecc_salesarea_AccountId', 'ecc_SalesArea', 'Account', 'ecc_AccountId'),
        relationship('ecc_account_ecc_salesarea_CustomerId', 'ecc_SalesArea', 'Account', 'ecc_CustomerId'),
      ),
      'Other/Relationships/Contact.xml': relationshipsFile(relationship('ecc_contact_ecc_salesarea_CustomerId', 'ecc_SalesArea', 'Contact', 'ecc_CustomerId')),
    };
    importSolution(registry, packed(withoutRoles));
    const table = registry.entity('ecc_salesarea')!;
    const navigation = Object.fromEntries(table.lookups.map((l) => [l.schemaName, l.navigationProperty]));
    expect(navigation).toMatchObject({
      ecc_account_ecc_salesarea_AccountId: 'ecc_AccountId',
      ecc_account_ecc_salesarea_CustomerId: 'ecc_customerid_account',
      ecc_contact_ecc_salesarea_CustomerId: 'ecc_customerid_contact',
    });
    expect(table.attributes.find((a) => a.logicalName === 'ecc_customerid')).toMatchObject({ type: 'Customer', targets: ['account', 'contact'] });
  });
});

describe('importSolution: a solution Dataverse would refuse', () => {
  const accountEntity = repositoryFile('Entities/Account/Entity.xml');

  it('refuses bytes that are not a zip', () => {
    const failure = importFailure(strToU8('this is not a solution'));
    expect(failure.code).toBe(IMPORT_ERROR_CODES.badPackage);
    expect(failure.message).toMatch(/^The solution file is invalid\. The compressed file must contain the following files at its root: solution\.xml, customizations\.xml, and \[Content_Types\]\.xml\./);
    expect(failure.body()).toEqual({ error: { code: '0x80048060', message: failure.message } });
  });

  it('refuses a zip without customizations.xml at its root, naming what is missing', () => {
    const failure = importFailure(zipOf({ '[Content_Types].xml': '<Types />', 'solution.xml': repositoryFile('Other/Solution.xml'), 'Other/Customizations.xml': '<ImportExportXml />' }));
    expect(failure.code).toBe('0x80048060');
    expect(failure.message).toContain('missing at the root: customizations.xml');
  });

  it('refuses customizations.xml that is not well formed', () => {
    const zip = zipOf({ '[Content_Types].xml': '<Types />', 'solution.xml': repositoryFile('Other/Solution.xml').replace('<Managed>2</Managed>', '<Managed>1</Managed>'), 'customizations.xml': '<ImportExportXml><Entities></ImportExportXml>' });
    const failure = importFailure(zip);
    expect(failure.code).toBe(IMPORT_ERROR_CODES.notWellFormed);
    expect(failure.message).toMatch(/^Invalid customization file\. This file is not well formed\. \(customizations\.xml: /);
  });

  it('refuses a DOCTYPE, so no entity can be expanded', () => {
    const evil = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ImportExportXml>&e;</ImportExportXml>';
    const zip = zipOf({ '[Content_Types].xml': '<Types />', 'solution.xml': repositoryFile('Other/Solution.xml').replace('<Managed>2</Managed>', '<Managed>1</Managed>'), 'customizations.xml': evil });
    expect(importFailure(zip).code).toBe(IMPORT_ERROR_CODES.notWellFormed);
  });

  it('refuses a column type outside the schema, as XSD validation does', () => {
    const failure = importFailure(packed({ 'Entities/Account/Entity.xml': accountEntity.replace('<Type>nvarchar</Type>', '<Type>string</Type>') }));
    expect(failure.code).toBe(IMPORT_ERROR_CODES.schemaViolation);
    expect(failure.message).toContain("The value 'string' is invalid according to its datatype 'CrmDataType'");
    expect(failure.message).toContain('<attribute PhysicalName="ecc_AccountGroup"> <<<<<ERROR LOCATION>>>>>');
  });

  it('refuses a delete cascade outside the schema (CrmCascadeDeleteLinkType)', () => {
    const failure = importFailure(packed({ ...salesAreaSolution, 'Other/Relationships/Owner.xml': salesAreaSolution['Other/Relationships/Owner.xml'].replace('<CascadeDelete>RemoveLink</CascadeDelete>', '<CascadeDelete>Active</CascadeDelete>') }));
    expect(failure.code).toBe(IMPORT_ERROR_CODES.schemaViolation);
    expect(failure.message).toContain("The value 'Active' is invalid according to its datatype 'CrmCascadeDeleteLinkType'");
  });

  it("refuses a custom column without the publisher's prefix", () => {
    const unprefixed = accountEntity.replace(/ecc_CustomerNumber/g, 'SapCustomerNumber').replace(/ecc_customernumber/g, 'sapcustomernumber');
    const failure = importFailure(packed({ 'Entities/Account/Entity.xml': unprefixed }));
    expect(failure.code).toBe(IMPORT_ERROR_CODES.attributeName);
    expect(failure.message).toMatch(/^Invalid name for attribute SapCustomerNumber\./);
  });

  it('refuses a column that uses a global option set the solution does not bring', () => {
    const { ['OptionSets/ecc_region.xml']: _, ...withoutOptionSet } = salesAreaSolution;
    const failure = importFailure(packed(withoutOptionSet));
    expect(failure.code).toBe(IMPORT_ERROR_CODES.missingGlobalOptionSet);
    expect(failure.message).toBe("Attribute 'ecc_region' was not imported as it references a non-existing global Option Set ('ecc_region').");
  });

  it('refuses a relationship to a table the organization does not have, and changes nothing', () => {
    const toLead = { ...salesAreaSolution, 'Other/Relationships/Account.xml': relationshipsFile(relationship('ecc_lead_ecc_salesarea', 'ecc_SalesArea', 'Lead', 'ecc_AccountId')) };
    const failure = importFailure(packed({ ...toLead, 'Entities/Account/Entity.xml': accountEntity }));
    expect(failure.code).toBe(IMPORT_ERROR_CODES.missingDependencies);
    expect(failure.message).toContain('relationship ecc_lead_ecc_salesarea needs table lead');
    expect(registry.entity('ecc_salesarea')).toBeUndefined();
    expect(registry.entity('account')!.attributes.some((a) => a.logicalName === 'ecc_customernumber')).toBe(false);
  });

  it('refuses an alternate key over a column the table does not have', () => {
    const badKey = accountEntity.replace('<AttributeName>ecc_customernumber</AttributeName>', '<AttributeName>ecc_kunnr</AttributeName>');
    const failure = importFailure(packed({ 'Entities/Account/Entity.xml': badKey }));
    expect(failure.code).toBe(IMPORT_ERROR_CODES.missingDependencies);
    expect(failure.message).toContain('alternate key ecc_customernumber of account uses ecc_kunnr');
  });

  it('refuses a table that neither exists nor is defined by the solution', () => {
    const shell = '<Entity><Name LocalizedName="Lead" OriginalName="Lead">Lead</Name><EntityInfo><entity Name="Lead"><attributes /></entity></EntityInfo></Entity>';
    const failure = importFailure(packed({ 'Entities/Lead/Entity.xml': shell }));
    expect(failure.code).toBe(IMPORT_ERROR_CODES.importFailed);
    expect(failure.message).toContain("table Lead is neither in the organization nor named with the publisher's prefix 'ecc_'");
  });
});

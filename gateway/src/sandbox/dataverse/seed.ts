/**
 * The rows every simulated Dataverse starts with: the sandbox's business units, their default
 * teams, and a system user for the application user and each persona (identities.ts), matched to
 * Entra by azureactivedirectoryobjectid as Dataverse matches a token's oid. Only the columns a
 * table defines are written, so the seed fits both the standard tables and smaller test tables.
 */

import { SANDBOX_APPLICATION_USER, SANDBOX_APPLICATIONS, SANDBOX_BUSINESS_UNITS, SANDBOX_PERSONAS } from '../identities.js';
import type { SimulatedDataverse } from './simulatedDataverse.js';
import type { Row } from './values.js';

export const SEEDED_TABLES = ['businessunit', 'systemuser', 'team'] as const;

export function seedOrganization(dataverse: SimulatedDataverse): void {
  const missing = SEEDED_TABLES.filter((table) => !dataverse.models.byLogicalName(table));
  if (missing.length > 0) throw new Error(`The simulated Dataverse needs the tables ${missing.join(', ')} in its metadata to seed the sandbox's users.`);
  const now = dataverse.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const application = { id: SANDBOX_APPLICATION_USER.systemUserId, logicalName: 'systemuser' };
  const insert = (table: string, values: Row): void => {
    const model = dataverse.model(table);
    const row: Row = {};
    for (const [name, value] of Object.entries({ ...values, createdon: now, modifiedon: now, createdby: application, modifiedby: application, statecode: 0 })) {
      if (model.has(name)) row[name] = value;
    }
    if (model.has('statuscode')) row.statuscode = model.attributes.get('statuscode')?.options?.find((o) => o.state === 0)?.value ?? null;
    dataverse.store.write(table, row[model.primaryId] as string, row, model.keys);
  };
  const unit = (id: string) => ({ id, logicalName: 'businessunit' });

  for (const businessUnit of SANDBOX_BUSINESS_UNITS) {
    insert('businessunit', {
      businessunitid: businessUnit.id,
      name: businessUnit.name,
      parentbusinessunitid: businessUnit.parentId === undefined ? null : unit(businessUnit.parentId),
      isdisabled: false,
    });
  }
  const users = [
    {
      systemuserid: SANDBOX_APPLICATION_USER.systemUserId,
      fullname: SANDBOX_APPLICATION_USER.fullName,
      azureactivedirectoryobjectid: SANDBOX_APPLICATION_USER.objectId,
      applicationid: SANDBOX_APPLICATIONS.gateway.clientId,
      businessunitid: unit(SANDBOX_APPLICATION_USER.businessUnitId),
      accessmode: 4,
    },
    ...SANDBOX_PERSONAS.map((persona) => ({
      systemuserid: persona.systemUserId,
      fullname: persona.fullName,
      firstname: persona.fullName.split(' ')[0]!,
      lastname: persona.fullName.split(' ').slice(1).join(' '),
      domainname: persona.username,
      internalemailaddress: persona.username,
      title: persona.title,
      azureactivedirectoryobjectid: persona.objectId,
      businessunitid: unit(persona.businessUnitId),
      accessmode: 0,
    })),
  ];
  for (const user of users) insert('systemuser', { ...user, isdisabled: false });
  for (const team of dataverse.security.teams) {
    insert('team', {
      teamid: team.id,
      name: team.name,
      businessunitid: unit(team.businessUnitId),
      teamtype: 0,
      isdefault: true,
      administratorid: application,
    });
  }
}

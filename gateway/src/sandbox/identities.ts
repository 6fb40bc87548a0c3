/**
 * Who exists in the sandbox: one Microsoft Entra tenant with the gateway's app registration and
 * the sales organisation's people, in business units. The sandbox identity provider signs tokens
 * for them, and the simulated Dataverse has a system user for each (matched by the Entra object
 * id, as Dataverse matches azureactivedirectoryobjectid), so that every part of the sandbox
 * speaks of the same identities. All secrets here are sandbox defaults, never used elsewhere.
 */

export const SANDBOX_TENANT_ID = '6f1c4a9e-3b2d-4e8a-9c71-0e5d2f4a8b13';
export const SANDBOX_ORGANIZATION = { id: '2b7e0c54-91f3-4d6a-8e25-7c4b1a9d3f60', name: 'ecc365sandbox' };

/** App registrations: the gateway's (client credentials; its service principal is Dataverse's application user). */
export const SANDBOX_APPLICATIONS = {
  gateway: {
    clientId: 'ecc365-gateway',
    clientSecret: 'sandbox',
    /** Object id of the service principal: the application user's azureactivedirectoryobjectid. */
    objectId: '0f3d9b6e-5a21-4c8f-b7d4-2e9a6c1f8b05',
    displayName: 'ecc365 gateway',
  },
} as const;

export interface SandboxBusinessUnit {
  id: string;
  name: string;
  /** undefined for the root business unit. */
  parentId: string | undefined;
}

export const SANDBOX_BUSINESS_UNITS: SandboxBusinessUnit[] = [
  { id: '8d2f6a1c-4e7b-4b93-a5d0-1c9e7f3b2a64', name: 'ecc365', parentId: undefined },
  { id: '3a9c1e7f-2b5d-4f86-9e04-6d1b8a2c7f35', name: 'Sales Germany North', parentId: '8d2f6a1c-4e7b-4b93-a5d0-1c9e7f3b2a64' },
  { id: '5e1b7d3a-9c4f-4a28-b6e9-0f2d4c8a1b97', name: 'Sales Germany South', parentId: '8d2f6a1c-4e7b-4b93-a5d0-1c9e7f3b2a64' },
  { id: '7c4e2a9d-1f6b-4d3e-8a57-9b0c3e6f2d18', name: 'Sales USA', parentId: '8d2f6a1c-4e7b-4b93-a5d0-1c9e7f3b2a64' },
];

/** What a person may read in CRM, as a Dataverse security role's read depth says it. */
export type ReadDepth = 'User' | 'BusinessUnit' | 'ParentChildBusinessUnits' | 'Organization';

export interface SandboxPersona {
  /** Short name used in the form preview's persona switch and in tests. */
  key: string;
  fullName: string;
  /** Entra sign-in name; the sandbox identity provider accepts `password`. */
  username: string;
  password: string;
  /** Entra object id (oid claim); Dataverse systemuser.azureactivedirectoryobjectid. */
  objectId: string;
  systemUserId: string;
  businessUnitId: string;
  /** Read depth of the persona's security role on customer and sales records. */
  readDepth: ReadDepth;
  title: string;
}

const PASSWORD = 'sandbox';

export const SANDBOX_PERSONAS: SandboxPersona[] = [
  {
    key: 'anna', fullName: 'Anna Becker', username: 'anna.becker@ecc365sandbox.onmicrosoft.com', password: PASSWORD,
    objectId: 'a1f3c5e7-0b2d-4f68-9a1c-3e5b7d9f1a23', systemUserId: 'c4a1e8f2-6b3d-4e9a-8c27-5f1d3b9e7a40',
    businessUnitId: '3a9c1e7f-2b5d-4f86-9e04-6d1b8a2c7f35', readDepth: 'User', title: 'Sales representative, Germany North',
  },
  {
    key: 'ben', fullName: 'Ben Hofmann', username: 'ben.hofmann@ecc365sandbox.onmicrosoft.com', password: PASSWORD,
    objectId: 'b2e4d6f8-1c3e-4a79-8b2d-4f6c8e0a2b34', systemUserId: 'd5b2f9a3-7c4e-4fab-9d38-6a2e4c0f8b51',
    businessUnitId: '5e1b7d3a-9c4f-4a28-b6e9-0f2d4c8a1b97', readDepth: 'User', title: 'Sales representative, Germany South',
  },
  {
    key: 'carla', fullName: 'Carla Neumann', username: 'carla.neumann@ecc365sandbox.onmicrosoft.com', password: PASSWORD,
    objectId: 'c3d5e7f9-2d4f-4b8a-9c3e-5a7d9f1b3c45', systemUserId: 'e6c3a0b4-8d5f-4a0c-8e49-7b3f5d1a9c62',
    businessUnitId: '3a9c1e7f-2b5d-4f86-9e04-6d1b8a2c7f35', readDepth: 'BusinessUnit', title: 'Sales manager, Germany North',
  },
  {
    key: 'dave', fullName: 'Dave Miller', username: 'dave.miller@ecc365sandbox.onmicrosoft.com', password: PASSWORD,
    objectId: 'd4e6f8a0-3e5a-4c9b-8d4f-6b8e0a2c4d56', systemUserId: 'f7d4b1c5-9e6a-4b1d-9f5a-8c4a6e2b0d73',
    businessUnitId: '7c4e2a9d-1f6b-4d3e-8a57-9b0c3e6f2d18', readDepth: 'User', title: 'Sales representative, USA',
  },
  {
    key: 'erin', fullName: 'Erin Walsh', username: 'erin.walsh@ecc365sandbox.onmicrosoft.com', password: PASSWORD,
    objectId: 'e5f7a9b1-4f6b-4dac-9e5a-7c9f1b3d5e67', systemUserId: 'a8e5c2d6-0f7b-4c2e-8a6b-9d5b7f3c1e84',
    businessUnitId: '7c4e2a9d-1f6b-4d3e-8a57-9b0c3e6f2d18', readDepth: 'User', title: 'Sales trainee, USA (owns no records yet)',
  },
  {
    key: 'olivia', fullName: 'Olivia Brandt', username: 'olivia.brandt@ecc365sandbox.onmicrosoft.com', password: PASSWORD,
    objectId: 'f6a8b0c2-5a7c-4ebd-8f6b-8d0a2c4e6f78', systemUserId: 'b9f6d3e7-1a8c-4d3f-9b7c-0e6c8a4d2f95',
    businessUnitId: '8d2f6a1c-4e7b-4b93-a5d0-1c9e7f3b2a64', readDepth: 'Organization', title: 'Head of sales and ecc365 integration admin',
  },
];

/**
 * The ecc365 solution's security roles each persona holds, by persona key, as an admin assigns
 * them after importing the solution: every rep reads SAP data as ECC Sales Rep; Olivia also
 * monitors and retries as ECC Integration Admin.
 */
export const SANDBOX_SOLUTION_ROLES: Readonly<Record<string, readonly string[]>> = {
  anna: ['ECC Sales Rep'],
  ben: ['ECC Sales Rep'],
  carla: ['ECC Sales Rep'],
  dave: ['ECC Sales Rep'],
  erin: ['ECC Sales Rep'],
  olivia: ['ECC Sales Rep', 'ECC Integration Admin'],
};

/** The application user: the gateway's service principal in Dataverse. */
export const SANDBOX_APPLICATION_USER = {
  systemUserId: '1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b',
  objectId: SANDBOX_APPLICATIONS.gateway.objectId,
  applicationId: SANDBOX_APPLICATIONS.gateway.clientId,
  fullName: '# ecc365 gateway',
  businessUnitId: '8d2f6a1c-4e7b-4b93-a5d0-1c9e7f3b2a64',
} as const;

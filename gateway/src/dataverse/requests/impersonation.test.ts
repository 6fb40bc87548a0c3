import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_APPLICATION_USER, SANDBOX_ORGANIZATION, SANDBOX_PERSONAS } from '../../sandbox/identities.js';
import { DataverseAccessDeniedError, DataverseRequestError } from '../errors.js';
import { startsWith } from '../filter.js';
import type { DataverseClient } from '../client.js';
import { startSimulatedEnvironment, type SimulatedEnvironment } from '../testing/simulatedEnvironment.js';

let environment: SimulatedEnvironment;
let client: DataverseClient;

const persona = (key: string) => SANDBOX_PERSONAS.find((p) => p.key === key)!;
const anna = persona('anna'); // Germany North, reads her own records
const ben = persona('ben'); // Germany South
const carla = persona('carla'); // Germany North, reads her business unit's records
const olivia = persona('olivia'); // root business unit, reads everything

beforeAll(async () => {
  environment = await startSimulatedEnvironment();
  client = environment.client();
});
afterAll(() => environment.close());

/** A record the rep owns: created as the rep (Dataverse makes the caller the owner). */
const createOwnedBy = (rep: { objectId: string }, name: string) => client.asUser(rep.objectId).create('accounts', { name });

describe('WhoAmI', () => {
  it('names the application user, or the CRM user a request is made as', async () => {
    expect(await client.whoAmI()).toEqual({
      userId: SANDBOX_APPLICATION_USER.systemUserId,
      businessUnitId: SANDBOX_APPLICATION_USER.businessUnitId,
      organizationId: SANDBOX_ORGANIZATION.id,
    });
    expect(await client.asUser(anna.objectId).whoAmI()).toMatchObject({ userId: anna.systemUserId, businessUnitId: anna.businessUnitId });
    expect(await client.whoAmI({ callerObjectId: ben.objectId })).toMatchObject({ userId: ben.systemUserId });
  });
});

describe('asking Dataverse as a rep (CallerObjectId)', () => {
  it("a rep cannot read another business unit's account; the application user and an organization-wide reader can", async () => {
    const { id } = await createOwnedBy(ben, 'South customer');

    const denied = await client.asUser(anna.objectId).retrieve('accounts', id, { select: ['name'] }).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(DataverseAccessDeniedError);
    expect(denied).toMatchObject({ status: 403, category: 'business', details: { callerObjectId: anna.objectId } });
    await expect(client.asUser(carla.objectId).retrieve('accounts', id)).rejects.toBeInstanceOf(DataverseAccessDeniedError);

    expect(await client.retrieve('accounts', id, { select: ['name'] })).toMatchObject({ name: 'South customer' });
    expect(await client.asUser(ben.objectId).retrieve('accounts', id, { select: ['name'] })).toMatchObject({ name: 'South customer' });
    expect(await client.asUser(olivia.objectId).retrieve('accounts', id, { select: ['name'] })).toMatchObject({ name: 'South customer' });
  });

  it('lists only the rows the rep may read, silently leaving out the others', async () => {
    const tag = `Visible ${randomUUID().slice(0, 8)}`;
    await createOwnedBy(anna, `${tag} anna`);
    await createOwnedBy(carla, `${tag} carla`);
    await createOwnedBy(ben, `${tag} ben`);
    const visibleTo = async (objectId?: string) => {
      const view = objectId ? client.asUser(objectId) : client;
      const { rows } = await view.retrieveMultiple<{ name: string }>('accounts', { select: ['name'], filter: startsWith('name', tag), orderBy: ['name'] }, { maxRows: 10 }).collect();
      return rows.map((row) => row.name.slice(tag.length + 1));
    };
    expect(await visibleTo(anna.objectId)).toEqual(['anna']);
    expect(await visibleTo(carla.objectId)).toEqual(['anna', 'carla']);
    expect(await visibleTo(ben.objectId)).toEqual(['ben']);
    expect(await visibleTo()).toEqual(['anna', 'ben', 'carla']);
  });

  it('records the application user as acting on behalf of the rep on writes made as the rep', async () => {
    const { id } = await client.asUser(anna.objectId).create('accounts', { name: 'Made as Anna' });
    expect(await client.retrieve('accounts', id, { select: ['_createdby_value', '_createdonbehalfby_value', '_ownerid_value'] })).toMatchObject({
      _createdby_value: anna.systemUserId,
      _createdonbehalfby_value: SANDBOX_APPLICATION_USER.systemUserId,
      _ownerid_value: anna.systemUserId,
    });
  });

  it('refuses a CallerObjectId that is not an Entra object id before sending anything', async () => {
    await expect(client.asUser('anna.becker@ecc365sandbox.onmicrosoft.com').whoAmI()).rejects.toBeInstanceOf(DataverseRequestError);
  });
});

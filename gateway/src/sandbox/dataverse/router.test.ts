import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_APPLICATION_USER } from '../identities.js';
import type { CommittedWrite } from './hooks.js';
import { APPLICATION_AUTHORIZATION, bearerFor, persona, serveTestDataverse, type TestDataverseServer } from './testing/testDataverse.js';

let server: TestDataverseServer;
const written: CommittedWrite[] = [];
beforeAll(async () => (server = await serveTestDataverse({ hooks: { afterCommit: (write) => void written.push(write) } })));
afterAll(() => server.stop());

interface Answer {
  status: number;
  headers: Headers;
  body: ReturnType<typeof JSON.parse>;
  text: string;
}

async function call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; auth?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json', 'OData-Version': '4.0', Authorization: options.auth ?? APPLICATION_AUTHORIZATION, ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path.startsWith('http') ? path : `${server.serviceRoot}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined;
  return { status: response.status, headers: response.headers, body: json, text };
}

/** A column of each row of a result. */
const column = (rows: Record<string, unknown>[], name: string): unknown[] => rows.map((row) => row[name]);

const idFrom = (answer: Answer): string => /\(([0-9a-f-]{36})\)$/.exec(answer.headers.get('odata-entityid') ?? '')![1]!;

async function createAccount(values: Record<string, unknown>, auth?: string): Promise<string> {
  const answer = await call('POST', 'accounts', { body: values, ...(auth ? { auth } : {}) });
  expect(answer.status, answer.text).toBe(204);
  return idFrom(answer);
}

describe('authentication and the caller', () => {
  it('answers 401 with the challenge when the token is missing or refused', async () => {
    const answer = await call('GET', 'WhoAmI', { auth: 'Bearer forged' });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=/);
  });

  it('WhoAmI names the system user of the token, or the impersonated user', async () => {
    const self = await call('GET', 'WhoAmI');
    expect(self.body).toMatchObject({ UserId: SANDBOX_APPLICATION_USER.systemUserId, BusinessUnitId: SANDBOX_APPLICATION_USER.businessUnitId });
    const anna = persona('anna');
    const impersonated = await call('GET', 'WhoAmI', { headers: { CallerObjectId: anna.objectId } });
    expect(impersonated.body).toMatchObject({ UserId: anna.systemUserId, BusinessUnitId: anna.businessUnitId });
  });

  it('refuses impersonation by a user without prvActOnBehalfOfAnotherUser, and tokens of strangers', async () => {
    const answer = await call('GET', 'WhoAmI', { auth: bearerFor(persona('anna').objectId), headers: { CallerObjectId: persona('olivia').objectId } });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('0x80040220');
    expect(answer.body.error.message).toContain('prvActOnBehalfOfAnotherUser');
    const stranger = await call('GET', 'WhoAmI', { auth: bearerFor('00000000-0000-4000-8000-000000000001') });
    expect(stranger.status).toBe(403);
  });
});

describe('create, retrieve, update, delete', () => {
  it('creates with system columns and returns the row with Prefer: return=representation', async () => {
    const answer = await call('POST', 'accounts?$select=name,creditlimit,statecode,statuscode,_ownerid_value,createdon', {
      body: { name: 'Kessler Maschinenbau', creditlimit: 25000.5 },
      headers: { Prefer: 'return=representation' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name: 'Kessler Maschinenbau', creditlimit: 25000.5, statecode: 0, statuscode: 1, _ownerid_value: SANDBOX_APPLICATION_USER.systemUserId });
    expect(answer.body['@odata.etag']).toMatch(/^W\/"\d+"$/);
    expect(answer.body.createdon).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(written.at(-1)).toMatchObject({ message: 'Create', table: 'account', id: answer.body.accountid });
  });

  it('binds lookups given relative (with and without /) and absolute, and reports them with annotations', async () => {
    const contact = await call('POST', 'contacts', { body: { firstname: 'Jana', lastname: 'Vogel' } });
    const contactId = idFrom(contact);
    const parent = await createAccount({ name: 'Parent AG' });
    const child = await createAccount({ name: 'Child GmbH', 'primarycontactid@odata.bind': `/contacts(${contactId})`, 'parentaccountid@odata.bind': `accounts(${parent})` });
    const other = await createAccount({ name: 'Other GmbH', 'parentaccountid@odata.bind': `${server.serviceRoot}accounts(${parent})` });
    const answer = await call('GET', `accounts(${child})?$select=_primarycontactid_value,_parentaccountid_value`, {
      headers: { Prefer: 'odata.include-annotations="*"' },
    });
    expect(answer.body._primarycontactid_value).toBe(contactId);
    expect(answer.body['_primarycontactid_value@OData.Community.Display.V1.FormattedValue']).toBe('Jana Vogel');
    expect(answer.body['_primarycontactid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('contact');
    expect(answer.body['_primarycontactid_value@Microsoft.Dynamics.CRM.associatednavigationproperty']).toBe('primarycontactid');
    const children = await call('GET', `accounts?$select=name&$filter=_parentaccountid_value eq ${parent}&$orderby=name`);
    expect(column(children.body.value, 'accountid')).toEqual([child, other]);
  });

  it('validates values as Dataverse does: length, option value, type, unknown columns, read-only columns', async () => {
    const long = await call('POST', 'accounts', { body: { name: 'x'.repeat(161) } });
    expect(long.status).toBe(400);
    expect(long.body.error).toEqual({ code: '0x80044331', message: "A validation error occurred.  The length of the 'name' attribute of the 'account' entity exceeded the maximum allowed length of '160'." });
    const option = await call('POST', 'accounts', { body: { name: 'A', industrycode: 99 } });
    expect(option.status).toBe(400);
    expect(option.body.error.message).toContain('Accepted Values: 1,2,3');
    const type = await call('POST', 'accounts', { body: { name: 'A', numberofemployees: 'many' } });
    expect(type.body.error.code).toBe('0x80048d19');
    const unknown = await call('POST', 'accounts', { body: { name: 'A', colour: 'red' } });
    expect(unknown.body.error.message).toContain("The property 'colour' does not exist on type 'Microsoft.Dynamics.CRM.account'");
    const readOnly = await call('POST', 'accounts', { body: { name: 'A', createdon: '2020-01-01T00:00:00Z' } });
    expect(readOnly.status).toBe(400);
    const status = await call('POST', 'accounts', { body: { name: 'A', statuscode: 2 } });
    expect(status.status).toBe(400);
    expect(status.body.error.message).toContain('is not a valid status code for state code accountState.Active');
  });

  it('answers 404 with 0x80040217 for a missing row, and deletes', async () => {
    const id = await createAccount({ name: 'Short-lived' });
    expect((await call('DELETE', `accounts(${id})`)).status).toBe(204);
    const gone = await call('GET', `accounts(${id})`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toEqual({ code: '0x80040217', message: `account With Id = ${id} Does Not Exist` });
    expect(written.at(-1)).toMatchObject({ message: 'Delete', id, postImage: undefined });
  });
});

describe('alternate keys, upsert and concurrency', () => {
  it('addresses rows by alternate key and refuses a duplicate key value', async () => {
    const id = await createAccount({ name: 'Keyed', ecc_customernumber: '1000' });
    const byKey = await call('GET', "accounts(ecc_customernumber='1000')?$select=name");
    expect(byKey.body).toMatchObject({ accountid: id, name: 'Keyed' });
    const duplicate = await call('POST', 'accounts', { body: { name: 'Again', ecc_customernumber: '1000' } });
    expect(duplicate.status).toBe(412);
    expect(duplicate.body.error.code).toBe('0x80060892');
    const invalid = await call('GET', "accounts(name='Keyed')");
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('The key in the request URI is not valid');
  });

  it('upserts: creates when absent, updates when present; If-None-Match: * and If-Match: * restrict it', async () => {
    const created = await call('PATCH', "accounts(ecc_customernumber='2000')", { body: { name: 'Upserted' } });
    expect(created.status).toBe(204);
    const id = idFrom(created);
    const updated = await call('PATCH', "accounts(ecc_customernumber='2000')", { body: { name: 'Upserted again' } });
    expect(idFrom(updated)).toBe(id);
    expect((await call('GET', `accounts(${id})?$select=name,ecc_customernumber`)).body).toMatchObject({ name: 'Upserted again', ecc_customernumber: '2000' });
    const createOnly = await call('PATCH', "accounts(ecc_customernumber='2000')", { body: { name: 'x' }, headers: { 'If-None-Match': '*' } });
    expect(createOnly.status).toBe(412);
    const updateOnly = await call('PATCH', "accounts(ecc_customernumber='2999')", { body: { name: 'x' }, headers: { 'If-Match': '*' } });
    expect(updateOnly.status).toBe(404);
    expect((await call('GET', "accounts(ecc_customernumber='2999')")).status).toBe(404);
  });

  it('checks If-Match ETags and answers 304 to a conditional GET', async () => {
    const id = await createAccount({ name: 'Versioned' });
    const first = await call('GET', `accounts(${id})?$select=name`);
    const etag = first.body['@odata.etag'] as string;
    expect((await call('GET', `accounts(${id})?$select=name`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await call('PATCH', `accounts(${id})`, { body: { name: 'v2' }, headers: { 'If-Match': etag } })).status).toBe(204);
    const stale = await call('PATCH', `accounts(${id})`, { body: { name: 'v3' }, headers: { 'If-Match': etag } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('0x80060882');
  });
});

describe('queries', () => {
  const names = ["O'Brien & Sons #1", '50% Rabatt GmbH', 'Müller & Co', 'mueller trading', 'Zeta'];
  let ids: string[];
  beforeAll(async () => {
    ids = [];
    for (const [i, name] of names.entries()) ids.push(await createAccount({ name, accountnumber: `Q-${i}`, numberofemployees: (i + 1) * 10, description: 'query-set' }));
  });
  const query = async (filter: string, extra = '') =>
    column((await call('GET', `accounts?$select=name&$filter=${encodeURIComponent(`description eq 'query-set' and (${filter})`)}${extra}`)).body.value, 'name');

  it("finds values containing ', %, & and # (escaped '' and URL-encoded)", async () => {
    expect(await query("name eq 'O''Brien & Sons #1'")).toEqual(["O'Brien & Sons #1"]);
    expect(await query("name eq '50% Rabatt GmbH'")).toEqual(['50% Rabatt GmbH']);
    expect(await query("contains(name,'[%]')")).toEqual(['50% Rabatt GmbH']);
    expect(await query("startswith(name,'müller &')")).toEqual(['Müller & Co']);
  });

  it('compares strings case-insensitively and supports and/or/not, ranges, In, Between and null', async () => {
    expect(await query("name eq 'ZETA'")).toEqual(['Zeta']);
    expect(await query('numberofemployees gt 20 and not (numberofemployees ge 50)', '&$orderby=numberofemployees')).toEqual(['Müller & Co', 'mueller trading']);
    expect(await query("Microsoft.Dynamics.CRM.In(PropertyName='accountnumber',PropertyValues=['Q-0','Q-4'])", '&$orderby=name desc')).toEqual(['Zeta', "O'Brien & Sons #1"]);
    expect(await query("Microsoft.Dynamics.CRM.Between(PropertyName='numberofemployees',PropertyValues=['20','30'])")).toHaveLength(2);
    expect(await query('telephone1 eq null and numberofemployees eq 10')).toEqual(["O'Brien & Sons #1"]);
    expect(await query("Microsoft.Dynamics.CRM.OnOrAfter(PropertyName='createdon',PropertyValue='2000-01-01')")).toHaveLength(5);
  });

  it('refuses unknown columns and a quoted GUID for a GUID column', async () => {
    const unknown = await call('GET', 'accounts?$filter=colour eq 1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Could not find a property named 'colour' on type 'Microsoft.Dynamics.CRM.account'.");
    const quoted = await call('GET', `accounts?$filter=accountid eq '${ids[0]}'`);
    expect(quoted.body.error.message).toContain("Found operand types 'Edm.Guid' and 'Edm.String'");
  });

  it('pages with odata.maxpagesize and @odata.nextLink, and counts', async () => {
    const seen: string[] = [];
    let url: string | undefined = `accounts?$select=name&$filter=${encodeURIComponent("description eq 'query-set'")}&$orderby=numberofemployees desc&$count=true`;
    let pages = 0;
    while (url) {
      const page: Answer = await call('GET', url, { headers: { Prefer: 'odata.maxpagesize=2' } });
      expect(page.body['@odata.count']).toBe(5);
      seen.push(...(column(page.body.value, 'name') as string[]));
      url = page.body['@odata.nextLink'];
      if (url) expect(url).toContain('$skiptoken=%3Ccookie%20pagenumber%3D%22');
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].reverse());
    const count = await call('GET', `accounts/$count?$filter=${encodeURIComponent("description eq 'query-set'")}`);
    expect(count.text).toBe('5');
  });

  it('expands single-valued and collection-valued navigation properties', async () => {
    const parent = await createAccount({ name: 'Expand Parent' });
    await call('POST', 'contacts', { body: { lastname: 'Ahrens', 'parentcustomerid_account@odata.bind': `/accounts(${parent})` } });
    await call('POST', 'contacts', { body: { lastname: 'Berg', 'parentcustomerid_account@odata.bind': `/accounts(${parent})` } });
    const answer = await call('GET', `accounts(${parent})?$select=name&$expand=contact_customer_accounts($select=lastname;$orderby=lastname desc),owninguser($select=fullname)`);
    expect(column(answer.body.contact_customer_accounts, 'lastname')).toEqual(['Berg', 'Ahrens']);
    expect(answer.body.owninguser.fullname).toBe(SANDBOX_APPLICATION_USER.fullName);
    const any = await call('GET', `accounts?$select=name&$filter=${encodeURIComponent("contact_customer_accounts/any(c:c/lastname eq 'Berg')")}`);
    expect(column(any.body.value, 'name')).toEqual(['Expand Parent']);
  });
});

describe('security', () => {
  it('shows a rep only rows they own, of their business unit at BusinessUnit depth, or shared with them', async () => {
    const anna = persona('anna');
    const carla = persona('carla');
    const ben = persona('ben');
    const annas = await createAccount({ name: 'Anna owns', description: 'security-set' }, bearerFor(anna.objectId));
    const bens = await createAccount({ name: 'Ben owns', description: 'security-set' }, bearerFor(ben.objectId));
    const shared = await createAccount({ name: 'Shared with Anna', description: 'security-set' });
    const visible = async (objectId: string) =>
      column(
        (await call('GET', `accounts?$select=name&$filter=${encodeURIComponent("description eq 'security-set'")}&$orderby=name`, { headers: { CallerObjectId: objectId } })).body.value,
        'name',
      );
    expect(await visible(anna.objectId)).toEqual(['Anna owns']);
    expect(await visible(carla.objectId)).toEqual(['Anna owns']);
    const forbidden = await call('GET', `accounts(${bens})`, { headers: { CallerObjectId: anna.objectId } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('0x80040220');
    expect(forbidden.body.error.message).toContain('AccessRights: ReadAccess');

    const grant = await call('POST', 'GrantAccess', {
      body: {
        Target: { '@odata.type': 'Microsoft.Dynamics.CRM.account', accountid: shared },
        PrincipalAccess: { Principal: { '@odata.type': 'Microsoft.Dynamics.CRM.systemuser', systemuserid: anna.systemUserId }, AccessMask: 'ReadAccess' },
      },
    });
    expect(grant.status).toBe(204);
    expect(await visible(anna.objectId)).toEqual(['Anna owns', 'Shared with Anna']);
    const write = await call('PATCH', `accounts(${shared})`, { body: { name: 'Changed by Anna' }, headers: { CallerObjectId: anna.objectId, 'If-Match': '*' } });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain('AccessRights: WriteAccess');
    expect(annas).toBeDefined();
  });

  it('assigns the owner given as ownerid@odata.bind to a user or a team, and the owner may then read the row', async () => {
    const anna = persona('anna');
    const id = await createAccount({ name: 'Owned by Anna', 'ownerid@odata.bind': `/systemusers(${anna.systemUserId})` });
    const asAnna = await call('GET', `accounts(${id})?$select=name,_ownerid_value`, { auth: bearerFor(anna.objectId) });
    expect(asAnna.body).toMatchObject({ name: 'Owned by Anna', _ownerid_value: anna.systemUserId });
    const refused = await call('POST', 'accounts', { body: { name: 'Owned by an account', 'ownerid@odata.bind': `/accounts(${id})` } });
    expect(refused.status).toBe(400);
  });

  it('records the impersonated user as creator and the caller as creating on behalf', async () => {
    const anna = persona('anna');
    const answer = await call('POST', 'accounts?$select=_createdby_value,_createdonbehalfby_value,_ownerid_value,_owningbusinessunit_value', {
      body: { name: 'On behalf' },
      headers: { CallerObjectId: anna.objectId, Prefer: 'return=representation' },
    });
    expect(answer.body).toMatchObject({
      _createdby_value: anna.systemUserId,
      _createdonbehalfby_value: SANDBOX_APPLICATION_USER.systemUserId,
      _ownerid_value: anna.systemUserId,
      _owningbusinessunit_value: anna.businessUnitId,
    });
  });
});

describe('$batch', () => {
  const post = (body: string, prefer?: string) =>
    fetch(`${server.serviceRoot}$batch`, {
      method: 'POST',
      headers: { Authorization: APPLICATION_AUTHORIZATION, 'Content-Type': 'multipart/mixed; boundary="batch_x"', ...(prefer ? { Prefer: prefer } : {}) },
      body,
    });

  it('reads LF-only bodies with relative URLs, and goes on after a failure with odata.continue-on-error', async () => {
    const body = [
      '--batch_x', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      'POST /api/data/v9.2/accounts HTTP/1.1', 'Content-Type: application/json; type=entry', '', JSON.stringify({ name: 'z'.repeat(161) }),
      '--batch_x', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      'POST accounts HTTP/1.1', 'Content-Type: application/json', '', JSON.stringify({ name: 'After the failure' }),
      '--batch_x--', '',
    ].join('\n');
    const stopped = await post(body);
    expect(stopped.status).toBe(400);
    const stoppedText = await stopped.text();
    expect(stoppedText).toContain('0x80044331');
    expect(stoppedText).not.toContain('HTTP/1.1 204');
    const continued = await post(body, 'odata.continue-on-error');
    expect(continued.status).toBe(200);
    const text = await continued.text();
    expect(text.match(/HTTP\/1\.1 (\d{3})/g)).toEqual(['HTTP/1.1 400', 'HTTP/1.1 204']);
  });

  it('refuses a Content-ID reference that the change set has not declared', async () => {
    const body = [
      '--batch_x', 'Content-Type: multipart/mixed; boundary=changeset_y', '',
      '--changeset_y', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', 'Content-ID: 2', '',
      'POST accounts HTTP/1.1', 'Content-Type: application/json', '', JSON.stringify({ name: 'Child', 'parentaccountid@odata.bind': '$1' }),
      '--changeset_y--', '--batch_x--', '',
    ].join('\r\n');
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain("Content-ID Reference: '$1' does not exist in the batch context.");
  });
});

describe('ImportSolution', () => {
  it('hands the zip to the solution import and answers its refusal as Dataverse does', async () => {
    const answer = await call('POST', 'ImportSolution', { body: { CustomizationFile: Buffer.from('not a zip').toString('base64'), OverwriteUnmanagedCustomizations: true } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('0x80048060');
  });

  it('is refused to a user without the import privilege', async () => {
    const answer = await call('POST', 'ImportSolution', { body: { CustomizationFile: '' }, headers: { CallerObjectId: persona('anna').objectId } });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toContain('prvImportCustomization');
  });
});

describe('bulk messages and change tracking', () => {
  it('CreateMultiple creates all rows or none', async () => {
    const created = await call('POST', 'accounts/Microsoft.Dynamics.CRM.CreateMultiple', {
      body: { Targets: [{ '@odata.type': 'Microsoft.Dynamics.CRM.account', name: 'Bulk 1' }, { '@odata.type': 'Microsoft.Dynamics.CRM.account', name: 'Bulk 2' }] },
    });
    expect(created.status).toBe(200);
    expect(created.body.Ids).toHaveLength(2);
    const failed = await call('POST', 'accounts/Microsoft.Dynamics.CRM.CreateMultiple', {
      body: { Targets: [{ '@odata.type': 'Microsoft.Dynamics.CRM.account', name: 'Bulk 3' }, { '@odata.type': 'Microsoft.Dynamics.CRM.account', name: 'y'.repeat(200) }] },
    });
    expect(failed.status).toBe(400);
    expect((await call('GET', `accounts?$filter=${encodeURIComponent("name eq 'Bulk 3'")}`)).body.value).toEqual([]);
  });

  it('UpsertMultiple creates and updates by alternate key', async () => {
    await createAccount({ name: 'Before', ecc_customernumber: '3000' });
    const answer = await call('POST', 'accounts/Microsoft.Dynamics.CRM.UpsertMultiple', {
      body: {
        Targets: [
          { '@odata.type': 'Microsoft.Dynamics.CRM.account', '@odata.id': "accounts(ecc_customernumber='3000')", name: 'After' },
          { '@odata.type': 'Microsoft.Dynamics.CRM.account', ecc_customernumber: '3001', name: 'New by key' },
        ],
      },
    });
    expect(answer.status).toBe(204);
    expect((await call('GET', "accounts(ecc_customernumber='3000')?$select=name")).body.name).toBe('After');
    expect((await call('GET', "accounts(ecc_customernumber='3001')?$select=name")).body.name).toBe('New by key');
  });

  it('reports new, changed and deleted rows through delta links', async () => {
    const start = await call('GET', 'contacts?$select=lastname', { headers: { Prefer: 'odata.track-changes' } });
    expect(start.headers.get('preference-applied')).toContain('odata.track-changes');
    const deltaLink = start.body['@odata.deltaLink'] as string;
    expect(deltaLink).toContain('$deltatoken=');
    const changed = idFrom(await call('POST', 'contacts', { body: { lastname: 'Delta one' } }));
    const deleted = idFrom(await call('POST', 'contacts', { body: { lastname: 'Delta two' } }));
    await call('DELETE', `contacts(${deleted})`);
    const delta = await call('GET', deltaLink);
    expect(delta.body.value).toEqual([
      expect.objectContaining({ contactid: changed, lastname: 'Delta one' }),
      expect.objectContaining({ id: deleted, reason: 'deleted' }),
    ]);
    const again = await call('GET', delta.body['@odata.deltaLink']);
    expect(again.body.value).toEqual([]);
    const filtered = await call('GET', "contacts?$filter=lastname eq 'x'", { headers: { Prefer: 'odata.track-changes' } });
    expect(filtered.body.error.message).toBe('The "$filter" query parameter isn\'t supported when Change Tracking is enabled.');
  });
});

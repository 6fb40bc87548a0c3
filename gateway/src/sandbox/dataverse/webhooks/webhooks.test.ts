import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_APPLICATION_USER } from '../../identities.js';
import { serveDataverseEnvironment, type EnvironmentTestServer } from '../testing/environmentServer.js';
import { callWebApi, createdId, registerWebhook, startWebhookReceiver, type ReceivedPost, type WebhookReceiver, type WebhookRegistration } from '../testing/webhookTesting.js';

let server: EnvironmentTestServer;
let receiver: WebhookReceiver;
const registeredSteps: string[] = [];

beforeAll(async () => {
  server = await serveDataverseEnvironment({ environment: { knobs: { webhookRetryDelayMs: 5, webhookTimeoutMs: 5_000 } } });
});
afterAll(() => server.stop());
beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await server.environment.webhooks.settled();
  for (const id of registeredSteps.splice(0)) await callWebApi(server, 'DELETE', `sdkmessageprocessingsteps(${id})`);
  await receiver.close();
});

const KEY = 'S2V5IGZvciB0aGUgZ2F0ZXdheQ==';

async function register(registration: Partial<WebhookRegistration> & Pick<WebhookRegistration, 'message' | 'mode'>): Promise<{ endpointId: string; stepId: string }> {
  const ids = await registerWebhook(server, {
    name: 'ecc365 gateway', url: receiver.url, authType: 4, authValue: KEY, table: 'account', ...registration,
  });
  registeredSteps.push(ids.stepId);
  return ids;
}

const createAccount = async (values: Record<string, unknown>): Promise<string> => createdId(await callWebApi(server, 'POST', 'accounts', values));
const updateAccount = (id: string, values: Record<string, unknown>, headers: Record<string, string> = {}) => callWebApi(server, 'PATCH', `accounts(${id})`, values, headers);

/** Waits until the asynchronous steps queued so far ran; synchronous ones ran before the answer. */
const delivered = async (): Promise<ReceivedPost[]> => {
  await server.environment.webhooks.settled();
  return receiver.received;
};

type KeyValues = { key: string; value: unknown }[];
const entry = (list: unknown, key: string): unknown => (list as KeyValues).find((item) => item.key === key)?.value;
const keys = (list: unknown): string[] => (list as KeyValues).map((item) => item.key);
const target = (post: ReceivedPost) => entry(post.body.InputParameters, 'Target') as { Attributes: KeyValues; Id: string; LogicalName: string };

describe('webhook posts', () => {
  it('posts a Create to the endpoint with the webhook key as code, the x-ms-dynamics headers and the new row as Target', async () => {
    const { stepId } = await register({ message: 'Create', mode: 1 });
    const correlationId = '0d5c3a1e-7b24-4f6a-9c1d-2e8f4b6a7c90';
    const id = createdId(await callWebApi(server, 'POST', 'accounts', { name: 'Webhook Create GmbH', creditlimit: 2500, accountcategorycode: 1 }, { 'x-ms-correlation-request-id': correlationId }));

    const [post, ...more] = await delivered();
    expect(more).toEqual([]);
    expect(post!.method).toBe('POST');
    expect(post!.url.pathname).toBe('/hooks/dataverse');
    expect(post!.url.searchParams.get('code')).toBe(KEY);
    expect(post!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-ms-dynamics-organization': new URL(server.origin).host,
      'x-ms-dynamics-entity-name': 'account',
      'x-ms-dynamics-request-name': 'Create',
      'x-ms-correlation-request-id': correlationId,
    });
    expect(post!.body).toMatchObject({
      MessageName: 'Create', Mode: 1, Stage: 40, PrimaryEntityName: 'account', PrimaryEntityId: id, CorrelationId: correlationId,
      UserId: SANDBOX_APPLICATION_USER.systemUserId, OutputParameters: [{ key: 'id', value: id }],
      OwningExtension: { Id: stepId, LogicalName: 'sdkmessageprocessingstep' },
    });
    const attributes = target(post!).Attributes;
    expect(entry(attributes, 'name')).toBe('Webhook Create GmbH');
    expect(entry(attributes, 'accountid')).toBe(id);
    expect(entry(attributes, 'creditlimit')).toEqual({ __type: 'Money:http://schemas.microsoft.com/xrm/2011/Contracts', Value: 2500 });
    expect(entry(attributes, 'accountcategorycode')).toEqual({ __type: 'OptionSetValue:http://schemas.microsoft.com/xrm/2011/Contracts', Value: 1 });
    expect(entry(attributes, 'statecode'), 'the platform default is part of the Target').toMatchObject({ Value: 0 });
    expect(entry(attributes, 'ownerid')).toMatchObject({ __type: 'EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts', Id: SANDBOX_APPLICATION_USER.systemUserId, LogicalName: 'systemuser' });
    expect(entry(attributes, 'createdon')).toMatch(/^\/Date\(\d+\)\/$/);
    expect(post!.text, 'dates and types written with escaped slashes').toContain('"\\/Date(');
  });

  it('runs an Update step only when the Target holds one of its filtering attributes', async () => {
    const id = await createAccount({ name: 'Filter Werke', telephone1: '+49 40 1' });
    await register({ message: 'Update', mode: 1, filteringAttributes: 'telephone1,fax' });
    await updateAccount(id, { name: 'Filter Werke AG' });
    expect(await delivered()).toEqual([]);

    await updateAccount(id, { telephone1: '+49 40 2' });
    const [post] = await delivered();
    expect(keys(target(post!).Attributes)).toEqual(['telephone1', 'accountid', 'modifiedon', 'modifiedby', 'modifiedonbehalfby']);
    expect(entry(target(post!).Attributes, 'telephone1')).toBe('+49 40 2');
  });

  it('sends the pre and post images a step registered, with the columns asked for and the primary key, and HttpHeader authentication', async () => {
    const id = await createAccount({ name: 'Image Metall', telephone1: '111', fax: '999' });
    await register({
      message: 'Update', mode: 0, authType: 5, authValue: '<settings><setting name="x-ecc365-key" value="s3cret"/><setting name="x-tenant" value="ecc"/></settings>',
      images: [{ type: 0, alias: 'Before', attributes: 'name,telephone1' }, { type: 1, alias: 'After', attributes: 'name,telephone1' }],
    });
    const answer = await updateAccount(id, { telephone1: '222' });
    expect(answer.status).toBe(204);
    // A synchronous step has been posted when the answer comes.
    const [post] = receiver.received;
    expect(post!.headers).toMatchObject({ 'x-ecc365-key': 's3cret', 'x-tenant': 'ecc' });
    expect(post!.url.search).toBe('');
    expect(post!.body).toMatchObject({ Mode: 0, IsInTransaction: true });
    const before = entry(post!.body.PreEntityImages, 'Before') as { Attributes: KeyValues };
    const after = entry(post!.body.PostEntityImages, 'After') as { Attributes: KeyValues };
    expect(before.Attributes).toEqual([{ key: 'name', value: 'Image Metall' }, { key: 'telephone1', value: '111' }, { key: 'accountid', value: id }]);
    expect(after.Attributes).toEqual([{ key: 'name', value: 'Image Metall' }, { key: 'telephone1', value: '222' }, { key: 'accountid', value: id }]);
    expect(keys(post!.body.PostEntityImages), 'a synchronous step gets only the images it registered').toEqual(['After']);
  });

  it('posts a Delete with the row as an EntityReference Target and its pre image, and HttpQueryString authentication', async () => {
    const id = await createAccount({ name: 'Delete Bau' });
    await register({
      message: 'Delete', mode: 1, authType: 6, authValue: '<settings><setting name="client" value="ecc365"/><setting name="sig" value="a b"/></settings>',
      images: [{ type: 0, alias: 'Deleted' }],
    });
    expect((await callWebApi(server, 'DELETE', `accounts(${id})`)).status).toBe(204);

    const [post] = await delivered();
    expect(post!.url.searchParams.get('client')).toBe('ecc365');
    expect(post!.url.searchParams.get('sig')).toBe('a b');
    expect(post!.body).toMatchObject({ MessageName: 'Delete', PostEntityImages: [] });
    expect(entry(post!.body.InputParameters, 'Target')).toEqual({
      __type: 'EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts', Id: id, KeyAttributes: [], LogicalName: 'account', Name: null, RowVersion: null,
    });
    const deleted = entry(post!.body.PreEntityImages, 'Deleted') as { Attributes: KeyValues; FormattedValues: KeyValues };
    expect(entry(deleted.Attributes, 'name')).toBe('Delete Bau');
    expect(entry(deleted.FormattedValues, 'statecode')).toBe('Active');
  });

  it('raises a state change as its own Update, and as SetState and SetStateDynamicEntity', async () => {
    const id = await createAccount({ name: 'State Handel' });
    await register({ message: 'Update', mode: 1 });
    await register({ message: 'SetState', mode: 1 });
    await register({ message: 'SetStateDynamicEntity', mode: 1 });
    await updateAccount(id, { name: 'State Handel KG', statecode: 1, statuscode: 2 });

    const posts = await delivered();
    expect(posts.map((post) => post.body.MessageName)).toEqual(['Update', 'Update', 'SetState', 'SetStateDynamicEntity']);
    expect(keys(target(posts[0]!).Attributes)).toEqual(['name', 'accountid', 'modifiedon', 'modifiedby', 'modifiedonbehalfby']);
    expect(keys(target(posts[1]!).Attributes)).toEqual(['statecode', 'statuscode', 'accountid', 'modifiedon', 'modifiedby', 'modifiedonbehalfby']);
    const setState = posts[2]!.body.InputParameters;
    expect(keys(setState)).toEqual(['EntityMoniker', 'State', 'Status']);
    expect(entry(setState, 'EntityMoniker')).toMatchObject({ Id: id, LogicalName: 'account' });
    expect(entry(setState, 'State')).toMatchObject({ Value: 1 });
    expect(entry(setState, 'Status')).toMatchObject({ Value: 2 });
    expect(posts[3]!.headers['x-ms-dynamics-request-name']).toBe('SetStateDynamicEntity');
  });
});

describe('webhooks on tables a solution brought', () => {
  it('registers and runs a step on a table added after the start, once the import request finished', async () => {
    const column = (logicalName: string, type: 'Uniqueidentifier' | 'String', extra: object = {}) => ({
      logicalName, schemaName: logicalName, type, requiredLevel: 'None' as const, validForCreate: true, validForUpdate: true, validForRead: true, isCustomAttribute: true, ...extra,
    });
    // What an import writes into the registry; any write request afterwards lets the platform add its message filters.
    server.dataverse.registry.upsertEntity({
      logicalName: 'ecc_syncrun', schemaName: 'ecc_SyncRun', entitySetName: 'ecc_syncruns', primaryIdAttribute: 'ecc_syncrunid', primaryNameAttribute: 'ecc_name',
      ownershipType: 'OrganizationOwned', changeTrackingEnabled: false, isCustomEntity: true, objectTypeCode: 10042,
      attributes: [column('ecc_syncrunid', 'Uniqueidentifier'), column('ecc_name', 'String', { maxLength: 100 })], keys: [], lookups: [],
    });
    await createAccount({ name: 'Trigger for filters' });
    await register({ message: 'Create', mode: 1, table: 'ecc_syncrun' });
    const id = createdId(await callWebApi(server, 'POST', 'ecc_syncruns', { ecc_name: 'run 1' }));
    const [post] = await delivered();
    expect(post!.body).toMatchObject({ MessageName: 'Create', PrimaryEntityName: 'ecc_syncrun', PrimaryEntityId: id });
  });
});

describe('failed deliveries', () => {
  interface SystemJob {
    asyncoperationid: string;
    statuscode: number;
    retrycount: number;
    message: string | null;
    friendlymessage: string | null;
    errorcode: number | null;
    completedon: string | null;
    data: string | null;
  }
  const systemJobsOf = async (stepId: string, status?: number): Promise<SystemJob[]> => {
    const filter = `_owningextensionid_value eq ${stepId}${status === undefined ? '' : ` and statuscode eq ${status}`}`;
    const answer = await callWebApi(server, 'GET', `asyncoperations?$select=name,statuscode,retrycount,friendlymessage,errorcode,message,completedon,data&$filter=${encodeURIComponent(filter)}&$orderby=completedon desc`);
    return answer.body.value as unknown as SystemJob[];
  };

  it('retries once after 503 and records the success in the step\'s system job', async () => {
    const { stepId } = await register({ message: 'Update', mode: 1 });
    const id = await createAccount({ name: 'Retry Logistik' });
    receiver.answerWith(503, 200);
    await updateAccount(id, { telephone1: '503' });

    const posts = await delivered();
    expect(posts).toHaveLength(2);
    expect(posts[1]!.text).toBe(posts[0]!.text);
    expect(posts[1]!.headers['x-ms-correlation-request-id']).toBe(posts[0]!.headers['x-ms-correlation-request-id']);
    const [delivery] = server.environment.webhooks.deliveries().filter((d) => d.stepId === stepId);
    expect(delivery).toMatchObject({ succeeded: true, attempts: [{ status: 503 }, { status: 200 }], mode: 'asynchronous' });
    const [job] = await systemJobsOf(stepId);
    expect(job).toMatchObject({ statuscode: 30, retrycount: 1, message: null });
    expect(JSON.parse(job!.data!), 'the job keeps the body it posted').toMatchObject({ MessageName: 'Update', PrimaryEntityId: id });
  });

  it('records a failure as a Failed system job an admin can query by step, after the one retry 502/503/504 get and no retry otherwise', async () => {
    const { stepId } = await register({ message: 'Update', mode: 1 });
    const id = await createAccount({ name: 'Failing Papier' });
    receiver.answerWith(500, 503, 503);
    await updateAccount(id, { telephone1: 'first' });
    await updateAccount(id, { telephone1: 'second' });
    expect(await delivered()).toHaveLength(3);

    const failed = await systemJobsOf(stepId, 31);
    expect(failed).toHaveLength(2);
    const [serverError, unavailable] = [failed.find((job) => job.retrycount === 0)!, failed.find((job) => job.retrycount === 1)!];
    expect(serverError.message).toMatch(/answered 500 Internal Server Error\.$/);
    expect(unavailable.message).toMatch(/answered 503 Service Unavailable\. Tried 2 times\.$/);
    expect(unavailable.message, 'the key in the query string is not repeated').not.toContain(KEY);
    expect(unavailable).toMatchObject({ friendlymessage: unavailable.message, errorcode: expect.any(Number) as number });
    expect(unavailable.completedon).not.toBeNull();
  });

  it('deletes the system job of a successful run when the step says asyncautodelete', async () => {
    const { stepId } = await register({ message: 'Update', mode: 1, asyncAutoDelete: true });
    const id = await createAccount({ name: 'Auto Delete Textil' });
    receiver.answerWith(200, 500);
    await updateAccount(id, { telephone1: 'ok' });
    await updateAccount(id, { telephone1: 'fails' });
    await delivered();
    expect((await systemJobsOf(stepId)).map((job) => job.statuscode)).toEqual([31]);
  });

  it('logs a failed synchronous step and keeps the write (the simulator commits before steps run)', async () => {
    const { stepId } = await register({ message: 'Update', mode: 0 });
    const id = await createAccount({ name: 'Sync Chemie' });
    receiver.answerWith(500);
    expect((await updateAccount(id, { telephone1: 'kept' })).status).toBe(204);
    expect(server.environment.webhooks.deliveries().filter((d) => d.stepId === stepId)).toEqual([
      expect.objectContaining({ succeeded: false, mode: 'synchronous', systemJobId: undefined, failure: expect.stringMatching(/answered 500/) as string }),
    ]);
    expect(await systemJobsOf(stepId), 'Dataverse keeps no system job for a synchronous step').toEqual([]);
    expect((await callWebApi(server, 'GET', `accounts(${id})?$select=telephone1`)).body.telephone1).toBe('kept');
  });

  it('fails a delivery the endpoint cannot be reached for, without retrying', async () => {
    const { stepId } = await register({ message: 'Update', mode: 1 });
    await receiver.close();
    const id = await createAccount({ name: 'Unreachable Glas' });
    await updateAccount(id, { telephone1: 'nobody listens' });
    await server.environment.webhooks.settled();
    const [job] = await systemJobsOf(stepId, 31);
    expect(job!.message).toMatch(/could not be reached: ECONNREFUSED\.$/);
    expect(job!.retrycount).toBe(0);
    receiver = await startWebhookReceiver();
  });
});

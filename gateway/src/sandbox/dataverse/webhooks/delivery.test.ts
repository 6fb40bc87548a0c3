import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhookTesting.js';
import { deliverWebhook, MAX_BODY_BYTES, webhookBody, type WebhookPost } from './delivery.js';

let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(() => receiver.close());

const post = (endpoint: Partial<WebhookPost['endpoint']> = {}): WebhookPost => ({
  endpoint: { id: 'e1', name: 'gateway', url: receiver.url, authType: 4, authValue: 'key', ...endpoint },
  context: { MessageName: 'Update', PrimaryEntityName: 'account' },
  organization: 'ecc365sandbox.crm.dynamics.com',
  table: 'account',
  message: 'Update',
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
});
const settings = { timeoutMs: 5_000, retryDelayMs: 1 };

describe('webhook delivery', () => {
  it('fails a post the endpoint does not answer within the timeout, without a retry', async () => {
    receiver.answerWith('no answer');
    const result = await deliverWebhook(post(), { timeoutMs: 50, retryDelayMs: 1 });
    expect(result.succeeded).toBe(false);
    // One attempt: a post that timed out is not retried (whether it reached the endpoint before the timeout depends on the machine's load).
    expect(result.attempts).toEqual([{ status: undefined, error: expect.stringMatching(/did not answer within 50 ms\.$/) as string }]);
  });

  it('posts nothing when an HttpHeader endpoint\'s authvalue is not a settings document, and says so', async () => {
    const result = await deliverWebhook(post({ authType: 5, authValue: 'x-key: value' }), settings);
    expect(result.succeeded).toBe(false);
    expect(result.attempts[0]!.error).toMatch(/^The authvalue of service endpoint 'gateway' must be <settings><setting name="…" value="…"\/><\/settings>/);
    expect(receiver.received).toEqual([]);
  });

  it('counts any 2xx as delivered and ignores the answer\'s body', async () => {
    receiver.answerWith(202);
    expect(await deliverWebhook(post(), settings)).toMatchObject({ succeeded: true, attempts: [{ status: 202, error: undefined }] });
  });

  it('leaves ParentContext, InputParameters and the images out of a body over 256 KB, and says so in a header', async () => {
    const large = { ...post().context, InputParameters: [{ key: 'Target', value: 'x'.repeat(MAX_BODY_BYTES) }], ParentContext: {}, PreEntityImages: [], PostEntityImages: [] };
    const { body, sizeExceeded } = webhookBody(large);
    expect(sizeExceeded).toBe(true);
    expect(JSON.parse(body)).toEqual({ MessageName: 'Update', PrimaryEntityName: 'account', InputParameters: null, ParentContext: null, PreEntityImages: null, PostEntityImages: null });

    await deliverWebhook({ ...post(), context: large }, settings);
    expect(receiver.received[0]!.headers['x-ms-dynamics-msg-size-exceeded']).toBe('true');
    expect(webhookBody(post().context).sizeExceeded).toBe(false);
  });
});

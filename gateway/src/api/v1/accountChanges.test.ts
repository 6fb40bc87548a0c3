/**
 * The solution's webhook steps and the events the gateway handles cannot drift apart: every step
 * the solution ships posts an event the gateway acts on, on the columns it watches, and every
 * event the gateway handles has its step.
 */

import { SOLUTION_SOURCE_DIR, packSolution } from '@ecc365/solution';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ACCESS_COLUMNS, HANDLED_EVENTS, createAccountChangeHandler } from './accountChanges.js';
import { remoteExecutionContextSchema } from './remoteExecutionContext.js';

// Dataverse's fixed SdkMessageId of each message (the same in every organization).
const MESSAGES: Record<string, string> = {
  '9ebdbb1b-ea3e-db11-86a7-000a3a5473e8': 'Create',
  '20bebb1b-ea3e-db11-86a7-000a3a5473e8': 'Update',
  'a1bdbb1b-ea3e-db11-86a7-000a3a5473e8': 'Delete',
};

const customizations = strFromU8(unzipSync(packSolution(SOLUTION_SOURCE_DIR, { managed: true }))['customizations.xml']!);
const text = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
const steps = [...customizations.matchAll(/<SdkMessageProcessingStep [\s\S]*?<\/SdkMessageProcessingStep>/g)].map(([step]) => ({
  message: MESSAGES[text(step, 'SdkMessageId') ?? ''] ?? `unknown message ${text(step, 'SdkMessageId')}`,
  table: text(step, 'PrimaryEntity'),
  filteringAttributes: text(step, 'FilteringAttributes')?.split(',').sort(),
}));

describe('the webhook steps of the solution', () => {
  it('post only events the gateway handles, each handled event has its step, and Update steps watch the columns the gateway remembers', () => {
    expect(steps.map(({ message, table }) => `${message} of ${table}`).sort()).toEqual(HANDLED_EVENTS.map(({ message, table }) => `${message} of ${table}`).sort());
    for (const step of steps) {
      const handled = HANDLED_EVENTS.find((event) => event.message === step.message && event.table === step.table)!;
      expect(step.filteringAttributes, `${step.message} of ${step.table}`).toEqual(handled.filteringAttributes ? [...handled.filteringAttributes].sort() : undefined);
    }
    expect(ACCOUNT_ACCESS_COLUMNS).toEqual(expect.arrayContaining(['ecc_customernumber', 'ecc_salesorganization', 'ecc_companycode', 'ownerid']));
  });
});

describe('createAccountChangeHandler', () => {
  const context = (message: string, table: string) =>
    remoteExecutionContextSchema.parse({
      MessageName: message, PrimaryEntityName: table, PrimaryEntityId: '0b5d7c2e-4f1a-4e8b-9c3d-2a6f8e1b7d40', Stage: 40, Mode: 1,
      CorrelationId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', OrganizationId: '2b7e0c54-91f3-4d6a-8e25-7c4b1a9d3f60', UserId: '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d',
    });

  it('forgets the account in every cache it is given, and leaves events it does not handle alone', () => {
    const forgotten: string[] = [];
    const memory = (name: string, entries: number) => ({ forget: (table: string, id: string) => (forgotten.push(`${name} ${table} ${id}`), entries) });
    const handle = createAccountChangeHandler([memory('links', 2), memory('records', 1)]);
    expect(handle(context('Update', 'account'))).toEqual({ action: 'forgot-account', forgotten: 3 });
    expect(forgotten).toEqual(['links account 0b5d7c2e-4f1a-4e8b-9c3d-2a6f8e1b7d40', 'records account 0b5d7c2e-4f1a-4e8b-9c3d-2a6f8e1b7d40']);
    expect(handle(context('Create', 'account'))).toBeUndefined();
    expect(handle(context('Update', 'quote'))).toBeUndefined();
    expect(forgotten).toHaveLength(2);
  });
});

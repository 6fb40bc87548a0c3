/**
 * The body Dataverse posts to a webhook: a RemoteExecutionContext for one step and one event,
 * shaped as Microsoft's use-webhooks.md sample (an asynchronous post-operation Update step):
 * the step's stage and mode, the event's message and table, the calling and initiating users,
 * InputParameters (Target: the Entity of the event; Delete: an EntityReference; SetState:
 * EntityMoniker, State, Status), the images the step registered (keyed by alias, only the columns
 * asked for and the primary key, columns without a value left out), and the main operation's
 * context as ParentContext (stage 30, the request's own columns, ChangedEntityTypes).
 *
 * Asynchronous steps also get a post image "AsynchronousStepPrimaryName" with the row's primary
 * name, as in Microsoft's sample, whose step registers no image ([U]: the platform's, for naming
 * the system job). RequestId is null for asynchronous steps, as in the sample.
 */

import { SANDBOX_ORGANIZATION } from '../../identities.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import type { TableModel } from '../tableModel.js';
import { formatValue, isEntityReference, type Row } from '../values.js';
import { attributeValue, CONTRACT_TYPES, dataContractDate, entityReference, optionSetValue, type KeyValue } from './dataContract.js';
import type { PipelineEvent } from './pipelineEvents.js';
import { MODES, type StepImage, type WebhookStep } from './registrations.js';

const MAIN_OPERATION_STAGE = 30;
const ASYNCHRONOUS_PRIMARY_NAME_IMAGE = 'AsynchronousStepPrimaryName';

export interface ExecutionContextInput {
  step: WebhookStep;
  event: PipelineEvent;
  /** The system job of an asynchronous step; a new id for a synchronous one. */
  operationId: string;
}

export function remoteExecutionContext(dataverse: SimulatedDataverse, { step, event, operationId }: ExecutionContextInput): Record<string, unknown> {
  const { write } = event;
  const model = dataverse.model(write.table);
  const mode = step.mode === MODES.asynchronous ? MODES.asynchronous : MODES.synchronous;
  const common = {
    BusinessUnitId: write.businessUnitId,
    CorrelationId: write.correlationId,
    Depth: 1,
    InitiatingUserId: write.initiatingUserId,
  };
  const shared = {
    IsExecutingOffline: false,
    IsInTransaction: mode === MODES.synchronous,
    IsOfflinePlayback: false,
    IsolationMode: 1,
    MessageName: event.message,
    Mode: mode,
    OperationCreatedOn: dataContractDate(Date.parse(write.committedOn), true),
    OperationId: operationId,
    OrganizationId: write.organizationId,
    OrganizationName: SANDBOX_ORGANIZATION.name,
    OutputParameters: write.message === 'Create' && event.message === 'Create' ? [{ key: 'id', value: write.id }] : [],
    OwningExtension: entityReference({ id: step.id, logicalName: 'sdkmessageprocessingstep' }, null, false),
  };
  const primary = {
    PrimaryEntityId: write.id,
    PrimaryEntityName: write.table,
    RequestId: mode === MODES.asynchronous ? null : write.requestId,
    SecondaryEntityName: 'none',
  };
  const parentContext = {
    ...common,
    InputParameters: inputParameters(dataverse, model, event, event.requestAttributes),
    ...shared,
    ParentContext: null,
    PostEntityImages: [],
    PreEntityImages: [],
    ...primary,
    SharedVariables: [{ key: 'ChangedEntityTypes', value: [{ __type: CONTRACT_TYPES.keyValuePairOfStrings, key: write.table, value: write.message }] }],
    Stage: MAIN_OPERATION_STAGE,
    UserId: write.userId,
  };
  return {
    ...common,
    InputParameters: inputParameters(dataverse, model, event, event.targetAttributes),
    ...shared,
    ParentContext: parentContext,
    PostEntityImages: images(dataverse, model, step, event, 'post'),
    PreEntityImages: images(dataverse, model, step, event, 'pre'),
    ...primary,
    SharedVariables: [],
    Stage: step.stage,
    UserId: step.impersonatingUserId ?? write.userId,
  };
}

function inputParameters(dataverse: SimulatedDataverse, model: TableModel, event: PipelineEvent, targetAttributes: string[]): KeyValue[] {
  const { write } = event;
  const reference = { id: write.id, logicalName: write.table };
  switch (event.message) {
    case 'Delete':
      return [{ key: 'Target', value: entityReference(reference, null, true) }];
    case 'SetState':
    case 'SetStateDynamicEntity':
      return [
        { key: 'EntityMoniker', value: entityReference(reference, null, true) },
        { key: 'State', value: optionSetValue(write.postImage?.statecode as number) },
        { key: 'Status', value: optionSetValue(write.postImage?.statuscode as number) },
      ];
    default: {
      const row = write.postImage ?? {};
      // A Target's lookups carry no name, as in Microsoft's sample.
      const attributes = targetAttributes.map((name) => ({ key: name, value: attributeValue(model.attributes.get(name), row[name], () => null) }));
      return [{ key: 'Target', value: entity(model, write.id, attributes, [], true) }];
    }
  }
}

function images(dataverse: SimulatedDataverse, model: TableModel, step: WebhookStep, event: PipelineEvent, kind: 'pre' | 'post'): KeyValue[] {
  const row = kind === 'pre' ? event.write.preImage : event.write.postImage;
  if (!row) return [];
  const registered: StepImage[] = step.images.filter((image) => image[kind]);
  if (kind === 'post' && step.mode === MODES.asynchronous && !registered.some((image) => image.alias === ASYNCHRONOUS_PRIMARY_NAME_IMAGE)) {
    registered.push({ alias: ASYNCHRONOUS_PRIMARY_NAME_IMAGE, pre: false, post: true, attributes: [model.primaryName] });
  }
  return registered.map((image) => ({ key: image.alias, value: imageEntity(dataverse, model, event.write.id, row, image.attributes) }));
}

/** An image: the columns asked for (all when none) that have a value, and the primary key, with their formatted values. */
function imageEntity(dataverse: SimulatedDataverse, model: TableModel, id: string, row: Row, columns: string[] | undefined): Record<string, unknown> {
  const wanted = [...(columns ?? [...model.attributes.keys()]), model.primaryId];
  const names = [...new Set(wanted)].filter((name) => model.attributes.get(name)?.validForRead && row[name] !== undefined && row[name] !== null);
  const nameOf = (reference: { id: string; logicalName: string }) => dataverse.primaryNameOf(reference) ?? null;
  const attributes = names.map((name) => ({ key: name, value: attributeValue(model.attributes.get(name), row[name], nameOf) }));
  const formatted = names.flatMap((name) => {
    const attribute = model.attributes.get(name)!;
    if (isEntityReference(row[name])) return [];
    const text = formatValue(attribute, row[name], () => undefined, currencySymbol(dataverse, row));
    return text === undefined ? [] : [{ key: name, value: text }];
  });
  return entity(model, id, attributes, formatted, false);
}

function entity(model: TableModel, id: string, attributes: KeyValue[], formattedValues: KeyValue[], typed: boolean): Record<string, unknown> {
  return {
    ...(typed ? { __type: CONTRACT_TYPES.entity } : {}),
    Attributes: attributes,
    EntityState: null,
    FormattedValues: formattedValues,
    Id: id,
    KeyAttributes: [],
    LogicalName: model.logicalName,
    RelatedEntities: [],
    RowVersion: null,
  };
}

function currencySymbol(dataverse: SimulatedDataverse, row: Row): string | undefined {
  const currency = row.transactioncurrencyid;
  if (!isEntityReference(currency)) return undefined;
  const symbol = dataverse.store.table('transactioncurrency').get(currency.id)?.currencysymbol;
  return typeof symbol === 'string' ? symbol : undefined;
}

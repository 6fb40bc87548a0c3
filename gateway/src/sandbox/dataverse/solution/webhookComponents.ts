/**
 * The webhooks of an imported solution, stored as Dataverse stores them (webhooks/registrations.ts
 * reads them): each <ServiceEndpoint> becomes a serviceendpoint row and each
 * <SdkMessageProcessingStep> an enabled sdkmessageprocessingstep row, both with the solution's
 * ids, the step bound to its message and to the message's filter for its table. A solution carries
 * no endpoint key (authvalue cannot be read back, so it is never exported): a re-import keeps the
 * key an admin set, and puts back the solution's URL ([U]: whether Dataverse keeps an admin's URL
 * on an upgrade is not documented here; admins set it again after importing).
 *
 * Steps name their message by Dataverse's fixed SdkMessageId. The simulator runs webhook steps
 * only: a step whose event handler is a plug-in type is refused.
 */

import { childNamed, childrenNamed, type XmlElement } from '../../../xml/parse.js';
import { SANDBOX_APPLICATION_USER } from '../../identities.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import { isEntityReference, type Row } from '../values.js';
import { writePlatformRow } from '../webhooks/platformRows.js';
import { WEBHOOK_CONTRACT } from '../webhooks/registrations.js';
import { ensureSdkMessages, type WebhookMessage } from '../webhooks/sdkMessages.js';
import { importErrors } from './importErrors.js';
import { childText, requiredChildText, startTag } from './xmlDocument.js';

/** Dataverse's SdkMessageId of the messages webhook steps are registered on (the same in every organization). */
const MESSAGE_IDS: Record<string, WebhookMessage> = {
  '9ebdbb1b-ea3e-db11-86a7-000a3a5473e8': 'Create',
  '20bebb1b-ea3e-db11-86a7-000a3a5473e8': 'Update',
  'a1bdbb1b-ea3e-db11-86a7-000a3a5473e8': 'Delete',
};

/** Object type code of serviceendpoint, a step's EventHandlerTypeCode when a webhook handles it. */
const SERVICE_ENDPOINT_TYPE_CODE = '4618';

export interface ImportedServiceEndpoint {
  id: string;
  name: string;
  values: Row;
}

export interface ImportedStep {
  id: string;
  name: string;
  message: WebhookMessage;
  table: string;
  endpointId: string;
  values: Row;
}

export interface WebhookComponents {
  endpoints: ImportedServiceEndpoint[];
  steps: ImportedStep[];
}

const guid = (value: string): string => value.replace(/^\{|\}$/g, '').toLowerCase();
const integer = (element: XmlElement, name: string, fallback: number): number => {
  const text = childText(element, name);
  return text === undefined ? fallback : Number.parseInt(text, 10);
};

/** The endpoints and steps of customizations.xml, checked; `hasTable` says whether a table (logical name) exists or comes with the solution. */
export function readWebhookComponents(root: XmlElement, solution: string, hasTable: (logicalName: string) => boolean, hasEndpoint: (id: string) => boolean): WebhookComponents {
  const endpoints = childrenNamed(childNamed(root, 'ServiceEndpoints') ?? root, 'ServiceEndpoint').map((element): ImportedServiceEndpoint => {
    const id = element.attributes.ServiceEndpointId;
    if (!id) throw importErrors.schemaViolation("The required attribute 'ServiceEndpointId' is missing.", startTag(element));
    const contract = integer(element, 'Contract', 0);
    if (contract !== WEBHOOK_CONTRACT) throw importErrors.importFailed(`service endpoint ${element.attributes.Name ?? id} has contract ${contract}; the simulated Dataverse imports webhooks (contract 8) only`);
    const name = element.attributes.Name ?? guid(id);
    return {
      id: guid(id),
      name,
      values: {
        name,
        description: childText(element, 'Description') ?? null,
        contract,
        connectionmode: integer(element, 'ConnectionMode', 1),
        userclaim: integer(element, 'UserClaim', 1),
        authtype: integer(element, 'AuthType', 4),
        messageformat: integer(element, 'MessageFormat', 2),
        url: childText(element, 'Url') ?? null,
        path: childText(element, 'Path') ?? '',
        solutionnamespace: childText(element, 'SolutionNamespace') ?? '',
      },
    };
  });
  const endpointIds = new Set(endpoints.map((endpoint) => endpoint.id));

  const steps = childrenNamed(childNamed(root, 'SdkMessageProcessingSteps') ?? root, 'SdkMessageProcessingStep').map((element): ImportedStep => {
    const id = element.attributes.SdkMessageProcessingStepId;
    if (!id) throw importErrors.schemaViolation("The required attribute 'SdkMessageProcessingStepId' is missing.", startTag(element));
    const name = element.attributes.Name ?? guid(id);
    if (childText(element, 'EventHandlerTypeCode') !== SERVICE_ENDPOINT_TYPE_CODE) {
      throw importErrors.importFailed(`step ${name} is handled by a plug-in type; the simulated Dataverse runs webhook steps (a service endpoint, EventHandlerTypeCode ${SERVICE_ENDPOINT_TYPE_CODE}) only`);
    }
    const message = MESSAGE_IDS[guid(requiredChildText(element, 'SdkMessageId'))];
    if (!message) throw importErrors.importFailed(`step ${name} is registered on message ${requiredChildText(element, 'SdkMessageId')}, which is not Create, Update or Delete`);
    const table = requiredChildText(element, 'PrimaryEntity').toLowerCase();
    if (!hasTable(table)) throw importErrors.missingDependencies(solution, `step ${name} needs table ${table}`);
    const endpointId = guid(requiredChildText(element, 'EventHandler'));
    if (!endpointIds.has(endpointId) && !hasEndpoint(endpointId)) throw importErrors.missingDependencies(solution, `step ${name} needs service endpoint ${endpointId}`);
    return {
      id: guid(id),
      name,
      message,
      table,
      endpointId,
      values: {
        name,
        description: childText(element, 'Description') ?? null,
        filteringattributes: childText(element, 'FilteringAttributes') ?? null,
        stage: integer(element, 'Stage', 40),
        mode: integer(element, 'Mode', 0),
        rank: integer(element, 'Rank', 1),
        invocationsource: integer(element, 'InvocationSource', 0),
        supporteddeployment: integer(element, 'SupportedDeployment', 0),
        asyncautodelete: childText(element, 'AsyncAutoDelete') === '1',
        statecode: 0,
        statuscode: 1,
      },
    };
  });
  return { endpoints, steps };
}

/** Writes the endpoints and steps as the platform, after the solution's tables are in the metadata. */
export function writeWebhookComponents(dataverse: SimulatedDataverse, { endpoints, steps }: WebhookComponents): void {
  if (endpoints.length === 0 && steps.length === 0) return;
  const author = { userId: SANDBOX_APPLICATION_USER.systemUserId, businessUnitId: SANDBOX_APPLICATION_USER.businessUnitId };
  ensureSdkMessages(dataverse);
  const messageIds = new Map<string, string>();
  for (const [id, row] of dataverse.store.table('sdkmessage').rows) if (typeof row.name === 'string') messageIds.set(row.name, id);
  const filterOf = (messageId: string, table: string): string | undefined => {
    for (const [id, row] of dataverse.store.table('sdkmessagefilter').rows) {
      if (isEntityReference(row.sdkmessageid) && row.sdkmessageid.id === messageId && row.primaryobjecttypecode === table) return id;
    }
    return undefined;
  };
  for (const endpoint of endpoints) writePlatformRow(dataverse, 'serviceendpoint', endpoint.id, endpoint.values, author);
  for (const step of steps) {
    const messageId = messageIds.get(step.message)!;
    const filterId = filterOf(messageId, step.table);
    if (!filterId) throw importErrors.importFailed(`step ${step.name}: table ${step.table} takes no custom steps`);
    writePlatformRow(dataverse, 'sdkmessageprocessingstep', step.id, {
      ...step.values,
      eventhandler: { id: step.endpointId, logicalName: 'serviceendpoint' },
      sdkmessageid: { id: messageId, logicalName: 'sdkmessage' },
      sdkmessagefilterid: { id: filterId, logicalName: 'sdkmessagefilter' },
    }, author);
  }
}

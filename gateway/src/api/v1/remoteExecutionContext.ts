/**
 * The body Dataverse posts to a webhook: Microsoft.Xrm.Sdk.RemoteExecutionContext as JSON
 * (DataContractJsonSerializer; Microsoft's use-webhooks.md sample). Only what the gateway reads is
 * checked; the rest of the context passes through unread. InputParameters is null when the
 * context was over 256 KB (Dataverse then leaves it out and says so in
 * x-ms-dynamics-msg-size-exceeded), so it is optional here.
 */

import { z } from 'zod';

const guid = z.uuid();

/** A key/value pair of a DataCollection (InputParameters, Attributes, images). */
const keyValue = z.object({ key: z.string(), value: z.unknown() });

/** An Entity as the context carries it (the Target of Create and Update). */
const entity = z.looseObject({
  LogicalName: z.string(),
  Id: guid,
  Attributes: z.array(keyValue),
});

export const remoteExecutionContextSchema = z.looseObject({
  MessageName: z.string().min(1),
  PrimaryEntityName: z.string().min(1),
  PrimaryEntityId: guid,
  /** 10 pre-validation, 20 pre-operation, 40 post-operation. */
  Stage: z.int(),
  /** 0 synchronous, 1 asynchronous. */
  Mode: z.int(),
  CorrelationId: guid,
  OrganizationId: guid,
  UserId: guid,
  InputParameters: z.array(keyValue).nullable().optional(),
});

export type RemoteExecutionContext = z.infer<typeof remoteExecutionContextSchema>;

/** The columns the event's Target holds (Create, Update); undefined when the context has no Target. */
export function targetColumns(context: RemoteExecutionContext): string[] | undefined {
  const target = context.InputParameters?.find((parameter) => parameter.key === 'Target')?.value;
  const parsed = entity.safeParse(target);
  return parsed.success ? parsed.data.Attributes.map((attribute) => attribute.key) : undefined;
}

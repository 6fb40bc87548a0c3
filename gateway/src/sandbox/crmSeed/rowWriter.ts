/**
 * Writes seed rows through the simulated Dataverse's table operations, as the application user,
 * so they are stored as Dataverse stores them: values checked, lookups bound with @odata.bind,
 * system columns, owners and state/status pairs set by the engine.
 */

import type { OperationContext, SimulatedDataverse } from '../dataverse/simulatedDataverse.js';

export class RowWriter {
  private readonly context: OperationContext;

  constructor(private readonly dataverse: SimulatedDataverse) {
    this.context = dataverse.systemContext();
  }

  /** "accounts(<id>)", for <navigation>@odata.bind. */
  bind(table: string, id: string): string {
    return this.dataverse.entityPath(this.dataverse.model(table), id);
  }

  create(table: string, id: string, body: Record<string, unknown>): string {
    return this.dataverse.create(this.context, this.dataverse.model(table), body, { id });
  }

  update(table: string, id: string, body: Record<string, unknown>): void {
    this.dataverse.update(this.context, this.dataverse.model(table), { kind: 'id', id }, body);
  }
}

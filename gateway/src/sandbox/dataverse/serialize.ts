/**
 * Rows written as the Web API writes them: @odata.etag, the selected columns (lookups as
 * _<column>_value), expanded navigation properties, and — when the request's Prefer header asks
 * for them — the FormattedValue, lookuplogicalname and associatednavigationproperty annotations.
 */

import type { AttributeMetadata } from './metadata.js';
import { expandedChildren, type ExpandPlan, type QueryPlan } from './query.js';
import type { OperationContext, SimulatedDataverse } from './simulatedDataverse.js';
import { isLookup } from './tableModel.js';
import { formatValue, isEntityReference, writeOutputValue, type Row } from './values.js';

export const ANNOTATIONS = {
  formattedValue: 'OData.Community.Display.V1.FormattedValue',
  lookupLogicalName: 'Microsoft.Dynamics.CRM.lookuplogicalname',
  associatedNavigationProperty: 'Microsoft.Dynamics.CRM.associatednavigationproperty',
} as const;

/** Which annotations a Prefer: odata.include-annotations="…" value asks for ("*", names, "Namespace.*"). */
export type AnnotationFilter = (annotation: string) => boolean;

export const NO_ANNOTATIONS: AnnotationFilter = () => false;

export function annotationFilter(patterns: string | undefined): AnnotationFilter {
  if (!patterns) return NO_ANNOTATIONS;
  const list = patterns.split(',').map((p) => p.trim().replace(/^"|"$/g, '')).filter((p) => p !== '');
  return (annotation) =>
    list.some((pattern) => {
      if (pattern.startsWith('-')) return false;
      if (pattern === '*') return true;
      return pattern.endsWith('.*') ? annotation.startsWith(pattern.slice(0, -1)) : annotation === pattern;
    });
}

export const etagOf = (row: Row): string => `W/"${row.versionnumber as number}"`;

export class RowWriter {
  constructor(
    private readonly dataverse: SimulatedDataverse,
    private readonly context: OperationContext,
    private readonly annotations: AnnotationFilter,
  ) {}

  write(plan: QueryPlan, row: Row): Record<string, unknown> {
    const model = plan.model;
    const json: Record<string, unknown> = { '@odata.etag': etagOf(row) };
    const attributes = plan.select ?? [...model.attributes.values()].filter((a) => a.validForRead);
    const primary = model.attributes.get(model.primaryId);
    const columns = primary && !attributes.includes(primary) ? [...attributes, primary] : attributes;
    for (const attribute of columns) this.writeColumn(json, plan, attribute, row);
    for (const expand of plan.expand) json[expand.navigation] = this.expand(expand, row, row[model.primaryId] as string);
    return json;
  }

  private writeColumn(json: Record<string, unknown>, plan: QueryPlan, attribute: AttributeMetadata, row: Row): void {
    const property = plan.model.propertyName(attribute);
    const value = row[attribute.logicalName];
    const formatted = this.annotations(ANNOTATIONS.formattedValue)
      ? formatValue(attribute, value, (reference) => this.dataverse.primaryNameOf(reference), this.currencySymbol(row))
      : undefined;
    if (formatted !== undefined) json[`${property}@${ANNOTATIONS.formattedValue}`] = formatted;
    if (isLookup(attribute) && isEntityReference(value)) {
      if (this.annotations(ANNOTATIONS.associatedNavigationProperty)) {
        const navigation = plan.model.navigationFor(attribute.logicalName, value.logicalName);
        if (navigation) json[`${property}@${ANNOTATIONS.associatedNavigationProperty}`] = navigation.name;
      }
      if (this.annotations(ANNOTATIONS.lookupLogicalName)) json[`${property}@${ANNOTATIONS.lookupLogicalName}`] = value.logicalName;
    }
    json[property] = writeOutputValue(value);
  }

  private expand(expand: ExpandPlan, row: Row, parentId: string): unknown {
    if (expand.collection) {
      const plan = [...expand.plans.values()][0]!;
      return expandedChildren(this.dataverse, this.context, expand, parentId).map((child) => this.write(plan, child));
    }
    const reference = row[expand.single!.attribute.logicalName];
    if (!isEntityReference(reference)) return null;
    const plan = expand.plans.get(reference.logicalName);
    const related = plan && this.dataverse.readableRow(this.context, reference);
    return plan && related ? this.write(plan, related) : null;
  }

  private currencySymbol(row: Row): string | undefined {
    const currency = row.transactioncurrencyid;
    if (!isEntityReference(currency)) return undefined;
    const symbol = this.dataverse.store.table('transactioncurrency').get(currency.id)?.currencysymbol;
    return typeof symbol === 'string' ? symbol : undefined;
  }
}

/**
 * Environment variable definitions of a solution
 * (environmentvariabledefinitions/<schema name>/environmentvariabledefinition.xml in the zip) and
 * what importing them does: each becomes, or updates, an environmentvariabledefinition row with
 * its display name, description, type and default value. The environment's values
 * (environmentvariablevalue rows) are the environment's own: an import never touches them.
 */

import { childNamed, type XmlElement } from '../../../xml/parse.js';
import type { OperationContext, SimulatedDataverse } from '../simulatedDataverse.js';
import type { Row } from '../values.js';
import { importErrors } from './importErrors.js';
import { childText, parseSolutionXml, requiredChildText, startTag } from './xmlDocument.js';

export const DEFINITION_TABLE = 'environmentvariabledefinition';

/** EnvironmentVariableDefinition.Type. */
export const ENVIRONMENT_VARIABLE_TYPES = { string: 100000000, number: 100000001, boolean: 100000002, json: 100000003, dataSource: 100000004 } as const;

export interface EnvironmentVariableDefinition {
  schemaName: string;
  displayName: string;
  description: string | undefined;
  type: number;
  defaultValue: string | undefined;
  isRequired: boolean;
  introducedVersion: string | undefined;
}

/** <displayname default="…"><label description="…" languagecode="1033"/></displayname>: the US English label, else the default. */
function localized(element: XmlElement, name: string): string | undefined {
  const container = childNamed(element, name);
  if (!container) return undefined;
  const labels = container.children.filter((child) => child.name === 'label');
  const label = labels.find((l) => l.attributes.languagecode === '1033') ?? labels[0];
  return label?.attributes.description ?? container.attributes.default;
}

function checkDefaultValue(definition: EnvironmentVariableDefinition, where: string): void {
  const value = definition.defaultValue;
  if (value === undefined) return;
  const invalid = (expected: string) => importErrors.importFailed(`environment variable ${definition.schemaName}: the default value '${value}' is not ${expected} (${where})`);
  switch (definition.type) {
    case ENVIRONMENT_VARIABLE_TYPES.number:
      if (value.trim() === '' || !Number.isFinite(Number(value))) throw invalid('a number');
      break;
    case ENVIRONMENT_VARIABLE_TYPES.boolean:
      if (!/^(yes|no|true|false)$/i.test(value)) throw invalid('yes or no');
      break;
    case ENVIRONMENT_VARIABLE_TYPES.json:
      try {
        JSON.parse(value);
      } catch {
        throw invalid('JSON');
      }
      break;
    default:
      break;
  }
}

/** One definition file, checked as the import checks it: the folder's name, the publisher's prefix, the type and the default value. */
export function readEnvironmentVariableDefinition(file: string, text: string, customizationPrefix: string): EnvironmentVariableDefinition {
  const root = parseSolutionXml(file, text, 'environmentvariabledefinition');
  const schemaName = root.attributes.schemaname;
  if (!schemaName) throw importErrors.schemaViolation("The required attribute 'schemaname' is missing.", startTag(root));
  const folder = file.split('/')[1];
  if (folder !== schemaName) throw importErrors.importFailed(`${file} defines ${schemaName}, not the variable its folder is named after`);
  if (!schemaName.toLowerCase().startsWith(`${customizationPrefix}_`)) {
    throw importErrors.importFailed(`environment variable ${schemaName} is not named with the publisher's prefix '${customizationPrefix}_'`);
  }
  const typeText = requiredChildText(root, 'type');
  const type = Number(typeText);
  if (!(Object.values(ENVIRONMENT_VARIABLE_TYPES) as number[]).includes(type)) {
    throw importErrors.schemaViolation(`The 'type' element is invalid - The value '${typeText}' is not an environment variable type.`, startTag(root));
  }
  const definition: EnvironmentVariableDefinition = {
    schemaName,
    displayName: localized(root, 'displayname') ?? schemaName,
    description: localized(root, 'description'),
    type,
    defaultValue: childNamed(root, 'defaultvalue')?.text,
    isRequired: childText(root, 'isrequired') === '1',
    introducedVersion: childText(root, 'introducedversion'),
  };
  checkDefaultValue(definition, file);
  return definition;
}

/** The definition rows by schema name (unique, compared as Dataverse compares text: ignoring case). */
export function definitionRowsBySchemaName(dataverse: SimulatedDataverse): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const row of dataverse.store.table(DEFINITION_TABLE).rows.values()) {
    if (typeof row.schemaname === 'string') rows.set(row.schemaname.toLowerCase(), row);
  }
  return rows;
}

/** Creates the definitions a solution brings, or updates those an earlier import created. */
export function writeEnvironmentVariableDefinitions(dataverse: SimulatedDataverse, context: OperationContext, definitions: EnvironmentVariableDefinition[]): void {
  const model = dataverse.model(DEFINITION_TABLE);
  const existing = definitionRowsBySchemaName(dataverse);
  for (const definition of definitions) {
    const body: Record<string, unknown> = {
      displayname: definition.displayName,
      description: definition.description ?? null,
      type: definition.type,
      defaultvalue: definition.defaultValue ?? null,
      isrequired: definition.isRequired,
    };
    const row = existing.get(definition.schemaName.toLowerCase());
    if (row) {
      dataverse.update(context, model, { kind: 'id', id: row[model.primaryId] as string }, body);
    } else {
      dataverse.create(context, model, { ...body, schemaname: definition.schemaName, introducedversion: definition.introducedVersion ?? null });
    }
  }
}

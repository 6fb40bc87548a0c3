/**
 * customizations.xml from an unpacked solution, as SolutionPackager packs it: Other/Customizations.xml
 * with the component files put back where they came from (Solution component file reference
 * (SolutionPackager), MicrosoftDocs/dynamics-365-customer-engagement
 * ce/developer/solution-component-file-reference-solutionpackager.md):
 * - Entities/<Entity schema name>/Entity.xml: one <Entity> under <Entities>;
 * - Other/Relationships/<Entity schema name>.xml: the <EntityRelationship> elements under <EntityRelationships>
 *   (Other/Relationships.xml only lists their names);
 * - OptionSets/<schema name>.xml: one <optionset> under <optionsets>.
 * Environment variable definitions are packed beside customizations.xml (environmentVariables.ts).
 * Forms, views, ribbons, web resources, plug-ins, steps and the other components are not packed
 * yet: a source holding them is refused rather than packed without them.
 */

import { isEnvironmentVariableDefinition } from './environmentVariables.js';
import type { SolutionFiles } from './solutionFiles.js';
import { UnpackedSolutionError, appendToElement, rootElement } from './xmlText.js';

const CUSTOMIZATIONS = 'Other/Customizations.xml';

function componentKind(file: string): 'entity' | 'relationships' | 'optionset' | 'index' | undefined {
  if (/^Entities\/[^/]+\/Entity\.xml$/.test(file)) return 'entity';
  if (/^Other\/Relationships\/[^/]+\.xml$/.test(file)) return 'relationships';
  if (/^OptionSets\/[^/]+\.xml$/.test(file)) return 'optionset';
  if (file === 'Other/Relationships.xml') return 'index';
  return undefined;
}

export function packCustomizations(files: SolutionFiles): string {
  const unsupported = files.names().filter((file) => file !== CUSTOMIZATIONS && file !== 'Other/Solution.xml' && !componentKind(file) && !isEnvironmentVariableDefinition(file));
  if (unsupported.length > 0) {
    throw new UnpackedSolutionError(unsupported[0]!, `the packer does not pack this kind of component yet (${unsupported.length} such file(s): ${unsupported.join(', ')})`);
  }
  const entities: string[] = [];
  const relationships: string[] = [];
  const optionSets: string[] = [];
  for (const file of files.names()) {
    switch (componentKind(file)) {
      case 'entity':
        entities.push(rootElement(files.text(file), 'Entity', file).element);
        break;
      case 'relationships': {
        const content = rootElement(files.text(file), 'EntityRelationships', file).content.trim();
        if (content) relationships.push(content);
        break;
      }
      case 'optionset':
        optionSets.push(rootElement(files.text(file), 'optionset', file).element);
        break;
      default:
        break;
    }
  }
  let document = files.text(CUSTOMIZATIONS);
  rootElement(document, 'ImportExportXml', CUSTOMIZATIONS);
  document = appendToElement(document, 'Entities', entities, CUSTOMIZATIONS);
  document = appendToElement(document, 'EntityRelationships', relationships, CUSTOMIZATIONS);
  document = appendToElement(document, 'optionsets', optionSets, CUSTOMIZATIONS);
  return document;
}

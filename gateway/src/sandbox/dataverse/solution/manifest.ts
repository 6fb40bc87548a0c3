/** solution.xml: which solution this is and whose (the publisher and its customization prefix). */

import { childNamed } from '../../../xml/parse.js';
import { parseSolutionXml, requiredChildText, startTag } from './xmlDocument.js';
import { importErrors } from './importErrors.js';

export interface SolutionManifest {
  uniqueName: string;
  version: string;
  managed: boolean;
  publisher: { uniqueName: string; customizationPrefix: string; optionValuePrefix: number };
}

export function readManifest(solutionXml: string): SolutionManifest {
  const root = parseSolutionXml('solution.xml', solutionXml, 'ImportExportXml');
  const manifest = childNamed(root, 'SolutionManifest');
  if (!manifest) throw importErrors.schemaViolation("The element 'ImportExportXml' has incomplete content. List of possible elements expected: 'SolutionManifest'.", startTag(root));
  const publisher = childNamed(manifest, 'Publisher');
  if (!publisher) throw importErrors.schemaViolation("The element 'SolutionManifest' has incomplete content. List of possible elements expected: 'Publisher'.", startTag(manifest));
  const managed = requiredChildText(manifest, 'Managed');
  // A package is either managed (1) or not (0); 2 ("both") exists only in unpacked source.
  if (managed !== '0' && managed !== '1') throw importErrors.importFailed(`solution.xml says <Managed>${managed}</Managed>; a solution package is managed (1) or unmanaged (0)`);
  const optionValuePrefix = Number(requiredChildText(publisher, 'CustomizationOptionValuePrefix'));
  return {
    uniqueName: requiredChildText(manifest, 'UniqueName'),
    version: requiredChildText(manifest, 'Version'),
    managed: managed === '1',
    publisher: {
      uniqueName: requiredChildText(publisher, 'UniqueName'),
      customizationPrefix: requiredChildText(publisher, 'CustomizationPrefix').toLowerCase(),
      optionValuePrefix,
    },
  };
}

/**
 * Built controls for tests: a control folder as `pcf-scripts build` writes it (ControlManifest.xml,
 * bundle.js, strings/*.resx) in a temporary output directory.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BuiltControlFixture {
  constructorName: string;
  properties?: string;
  resources?: string;
  files?: Record<string, string>;
}

export function resx(strings: Record<string, string>): string {
  const data = Object.entries(strings)
    .map(([name, value]) => `  <data name="${name}" xml:space="preserve"><value>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</value></data>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<root>\n  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n${data}\n</root>\n`;
}

export function builtManifest(fixture: BuiltControlFixture): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<manifest>
  <control namespace="Ecc365" constructor="${fixture.constructorName}" version="1.0.0" display-name-key="${fixture.constructorName}_Name" control-type="virtual" api-version="1.3.18">
    ${fixture.properties ?? '<property name="customerNumber" display-name-key="customerNumber_Name" of-type="SingleLine.Text" usage="bound" required="true"/>'}
    <resources>
      ${
        fixture.resources ??
        `<code path="bundle.js" order="1"/>
      <platform-library name="React" version="16.14.0"/>
      <platform-library name="Fluent" version="8.121.1"/>
      <resx path="strings/${fixture.constructorName}.1033.resx" version="1.0.0"/>
      <resx path="strings/${fixture.constructorName}.1031.resx" version="1.0.0"/>`
      }
    </resources>
    <built-by name="pac" version="1.51.1"/>
  </control>
</manifest>
`;
}

/** A temporary controls output directory with the given controls built into it. */
export function writeBuiltControls(fixtures: BuiltControlFixture[]): { outDir: string; remove(): void } {
  const outDir = mkdtempSync(path.join(tmpdir(), 'ecc365-controls-'));
  for (const fixture of fixtures) {
    const files: Record<string, string> = {
      'ControlManifest.xml': builtManifest(fixture),
      'bundle.js': `ComponentFramework.registerControl('Ecc365.${fixture.constructorName}', function () {});\n`,
      [`strings/${fixture.constructorName}.1033.resx`]: resx({ [`${fixture.constructorName}_Name`]: 'English name', refresh: 'Refresh', onlyEnglish: 'Only in English' }),
      [`strings/${fixture.constructorName}.1031.resx`]: resx({ [`${fixture.constructorName}_Name`]: 'Deutscher Name', refresh: 'Aktualisieren' }),
      ...fixture.files,
    };
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(outDir, fixture.constructorName, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/**
 * Where the form preview finds what it serves, in this repository: the built controls
 * (controls/out/controls), the controls package whose node_modules hold the platform libraries,
 * the compiled browser host (gateway/dist/preview-browser) and the stylesheet. Found from this
 * module's own location, whether it runs compiled (dist/) or from source (tests).
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GATEWAY_PACKAGE = '@ecc365/gateway';

function gatewayPackageRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(directory, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === GATEWAY_PACKAGE) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`The form preview runs inside the ${GATEWAY_PACKAGE} package, whose package.json was not found above ${fileURLToPath(import.meta.url)}.`);
    directory = parent;
  }
}

export interface PreviewPaths {
  /** controls/out/controls: one folder per built control. */
  controlsOutDir: string;
  /** controls/: resolves react, react-dom, pcf-scripts and pcf-start. */
  controlsPackageDir: string;
  /** gateway/dist/preview-browser: the compiled host (browser/host.js and what it imports). */
  hostScriptsDir: string;
  /** The preview's stylesheet. */
  stylesheetFile: string;
}

export function defaultPreviewPaths(): PreviewPaths {
  const gateway = gatewayPackageRoot();
  const controls = path.resolve(gateway, '..', 'controls');
  return {
    controlsOutDir: path.join(controls, 'out', 'controls'),
    controlsPackageDir: controls,
    hostScriptsDir: path.join(gateway, 'dist', 'preview-browser'),
    stylesheetFile: path.join(gateway, 'src', 'sandbox', 'preview', 'assets', 'preview.css'),
  };
}

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ControlManifestError, createControlCatalog, readControlManifest, readResx } from './controlCatalog.js';
import { builtManifest, writeBuiltControls } from './testing/builtControls.js';

describe('a built control manifest', () => {
  it('names the control as its bundle registers it, with its properties, code, strings and platform libraries', () => {
    const control = readControlManifest(
      builtManifest({
        constructorName: 'SapPricing',
        properties:
          '<property name="quoteTotal" of-type="Currency" usage="bound" required="true"/><property name="pageSize" of-type="Whole.None" usage="input"/><property name="picked" of-type="SingleLine.Text" usage="output"/>',
        resources:
          '<code path="bundle.js" order="1"/><css path="css/SapPricing.css" order="1"/><img path="img/logo.png"/><platform-library name="React" version="16.14.0"/><platform-library name="Fluent" version="8.121.1"/><resx path="strings/SapPricing.1033.resx" version="1.0.0"/><resx path="strings/SapPricing.1031.resx" version="1.0.0"/>',
      }),
      'SapPricing',
    );
    expect(control).toEqual({
      folder: 'SapPricing',
      name: 'Ecc365.SapPricing',
      controlType: 'virtual',
      properties: [
        { name: 'quoteTotal', ofType: 'Currency', usage: 'bound', required: true },
        { name: 'pageSize', ofType: 'Whole.None', usage: 'input', required: false },
        { name: 'picked', ofType: 'SingleLine.Text', usage: 'output', required: false },
      ],
      codePath: 'bundle.js',
      cssPaths: ['css/SapPricing.css'],
      resx: [
        { path: 'strings/SapPricing.1033.resx', languageId: 1033 },
        { path: 'strings/SapPricing.1031.resx', languageId: 1031 },
      ],
      otherResources: ['img/logo.png'],
      platformLibraries: [
        { name: 'React', version: '16.14.0' },
        { name: 'Fluent', version: '8.121.1' },
      ],
    });
  });

  it('is refused, saying why, when it is not a built manifest', () => {
    expect(() => readControlManifest('<manifest><control namespace="A" constructor="B"><resources/></control></manifest>', 'B')).toThrow(/names 0 code files/);
    expect(() => readControlManifest('<manifest><control constructor="B"><resources><code path="bundle.js"/></resources></control></manifest>', 'B')).toThrow(/has no namespace/);
    expect(() => readControlManifest('<manifest', 'B')).toThrow(ControlManifestError);
    expect(() => readControlManifest('<!DOCTYPE x [<!ENTITY e "x">]><manifest/>', 'B')).toThrow(/DOCTYPE/);
  });
});

describe('.resx strings', () => {
  it('reads each string entry and leaves out typed (non-string) entries', () => {
    const strings = readResx(
      `<root><data name="a" xml:space="preserve"><value>Aufträge &amp; Lieferungen</value><comment>shown as title</comment></data><data name="empty"><value/></data><data name="logo" type="System.Resources.ResXFileRef, System.Windows.Forms"><value>logo.png</value></data><data name="typed" type="System.String"><value>t</value></data></root>`,
    );
    expect([...strings]).toEqual([
      ['a', 'Aufträge & Lieferungen'],
      ['empty', ''],
      ['typed', 't'],
    ]);
  });
});

describe('the control catalog over a controls output directory', () => {
  const built = writeBuiltControls([{ constructorName: 'SapOrders' }]);
  const catalog = createControlCatalog(built.outDir);
  afterAll(() => built.remove());

  it('lists the built controls and reads each', () => {
    expect(catalog.folders()).toEqual(['SapOrders']);
    expect(catalog.control('SapOrders').name).toBe('Ecc365.SapOrders');
  });

  it('says a control is not built, and never reads outside the output directory', () => {
    expect(() => catalog.control('SapCredit')).toThrow(/SapCredit is not built.*npm run build/);
    expect(() => catalog.control('../SapOrders')).toThrow(/is not built/);
    expect(createControlCatalog(path.join(built.outDir, 'missing')).folders()).toEqual([]);
  });

  it('gives the strings of the user language over the English ones', () => {
    const control = catalog.control('SapOrders');
    expect(catalog.strings(control, 1031)).toEqual({ SapOrders_Name: 'Deutscher Name', refresh: 'Aktualisieren', onlyEnglish: 'Only in English' });
    expect(catalog.strings(control, 1033)).toEqual({ SapOrders_Name: 'English name', refresh: 'Refresh', onlyEnglish: 'Only in English' });
  });

  it('serves only the files the manifest names', () => {
    writeFileSync(path.join(built.outDir, 'SapOrders', 'secret.txt'), 'not a resource');
    const control = catalog.control('SapOrders');
    expect(catalog.resourceFile(control, 'bundle.js')).toBe(path.join(built.outDir, 'SapOrders', 'bundle.js'));
    expect(catalog.resourceFile(control, 'strings/SapOrders.1031.resx')).toBe(path.join(built.outDir, 'SapOrders', 'strings', 'SapOrders.1031.resx'));
    expect(catalog.resourceFile(control, 'secret.txt')).toBeUndefined();
    expect(catalog.resourceFile(control, '../SapOrders/bundle.js')).toBeUndefined();
  });

  it('refuses a manifest that names a file outside the control folder', () => {
    const escaping = writeBuiltControls([{ constructorName: 'Escaping', resources: '<code path="../Other/bundle.js" order="1"/>' }]);
    try {
      const escapingCatalog = createControlCatalog(escaping.outDir);
      expect(escapingCatalog.resourceFile(escapingCatalog.control('Escaping'), '../Other/bundle.js')).toBeUndefined();
    } finally {
      escaping.remove();
    }
  });

  it('says which .resx cannot be read', () => {
    const broken = writeBuiltControls([{ constructorName: 'Broken', files: { 'strings/Broken.1031.resx': '<root><data name="x">' } }]);
    try {
      const brokenCatalog = createControlCatalog(broken.outDir);
      expect(() => brokenCatalog.strings(brokenCatalog.control('Broken'), 1031)).toThrow(/Broken\/strings\/Broken\.1031\.resx cannot be read/);
    } finally {
      broken.remove();
    }
  });
});

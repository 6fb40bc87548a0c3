import { describe, expect, it } from 'vitest';
import { buildXml } from './build.js';
import { parseXml } from './parse.js';

describe('buildXml', () => {
  it('writes a declaration, attributes, repeated elements and empty elements', () => {
    expect(buildXml({ T: { '@_xmlns:rfc': 'urn:r', item: [{ N: 1 }, { N: 2 }], EMPTY: '' } })).toBe(
      '<?xml version="1.0" encoding="utf-8"?><T xmlns:rfc="urn:r"><item><N>1</N></item><item><N>2</N></item><EMPTY/></T>',
    );
  });

  it('escapes text and attribute values, so a value cannot add markup and reads back unchanged', () => {
    const value = '</TEXT><INJECTED>&amp;"\'';
    const xml = buildXml({ X: { '@_a': value, TEXT: value } });
    expect(xml).not.toContain('<INJECTED>');
    const root = parseXml(xml);
    expect(root.attributes.a).toBe(value);
    expect(root.children.map((child) => [child.name, child.text])).toEqual([['TEXT', value]]);
  });
});

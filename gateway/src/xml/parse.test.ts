import { describe, expect, it } from 'vitest';
import { childNamed, childrenNamed, parseXml, resolveQName, XmlRejected } from './parse.js';

describe('parseXml', () => {
  it('refuses a DOCTYPE before anything in it is read, so no declared entity is ever expanded', () => {
    const withEntity = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "EXPANDED">]><x>&e;</x>';
    const thrown = (() => {
      try {
        parseXml(withEntity);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(XmlRejected);
    expect((thrown as Error).message).toMatch(/DOCTYPE/);
    expect((thrown as Error).message).not.toMatch(/EXPANDED/);
    expect(() => parseXml('<!doctype x SYSTEM "file:///etc/passwd"><x/>')).toThrow(XmlRejected);
  });

  it('decodes the predefined entities and character references in text and attributes', () => {
    const root = parseXml('<x a="&quot;&lt;&#65;&gt;&quot;">&lt;&amp;&gt;&apos;&quot; &#x20AC;&#228;</x>');
    expect(root.text).toBe('<&>\'" €ä');
    expect(root.attributes.a).toBe('"<A>"');
  });

  it('refuses any other entity, an unterminated reference and references to non-characters', () => {
    expect(() => parseXml('<x>&nbsp;</x>')).toThrow(/1:9: undefined entity/);
    expect(() => parseXml('<x a="&nbsp;"/>')).toThrow(/undefined entity/);
    expect(() => parseXml('<x a="fish&chips"/>')).toThrow(XmlRejected);
    expect(() => parseXml('<x>fish & chips</x>')).toThrow(XmlRejected);
    for (const reference of ['&#0;', '&#xD800;', '&#x110000;']) {
      expect(() => parseXml(`<x>${reference}</x>`), reference).toThrow(/malformed character entity/);
    }
  });

  it('reads attributes named like members of Object.prototype as plain attributes', () => {
    const root = parseXml('<control constructor="SapOrders" __proto__="x" toString="y"/>');
    expect(root.attributes.constructor).toBe('SapOrders');
    expect(Object.keys(root.attributes)).toEqual(['constructor', '__proto__', 'toString']);
    expect(Object.getPrototypeOf(root.attributes)).toBe(Object.prototype);
  });

  it('keeps CDATA literal, entity-like text included', () => {
    expect(parseXml('<x><![CDATA[a &nbsp; <b>]]></x>').text).toBe('a &nbsp; <b>');
  });

  it('refuses malformed XML and a document without exactly one root element', () => {
    expect(() => parseXml('<x><y></x>')).toThrow(/malformed XML/);
    expect(() => parseXml('<?xml version="1.0"?>')).toThrow(XmlRejected);
    expect(() => parseXml('<x/><y/>')).toThrow(XmlRejected);
  });

  it('resolves namespaces by prefix, default namespace and inheritance, whatever prefix the sender chose', () => {
    const root = parseXml(
      '<env:Envelope xmlns:env="urn:e" xmlns="urn:d"><env:Body><f:Call xmlns:f="urn:f"><PLAIN>1</PLAIN><LOCAL xmlns="">2</LOCAL></f:Call></env:Body></env:Envelope>',
    );
    expect(root).toMatchObject({ name: 'Envelope', namespace: 'urn:e' });
    const call = childNamed(root, 'Body')!.children[0]!;
    expect(call).toMatchObject({ name: 'Call', namespace: 'urn:f' });
    expect(childNamed(call, 'PLAIN')).toMatchObject({ namespace: 'urn:d', text: '1' });
    expect(childNamed(call, 'LOCAL')?.namespace).toBe('');
    expect(call.attributes).toEqual({ 'xmlns:f': 'urn:f' });
  });

  it('gives an element with child elements no text, and finds children by local name', () => {
    const root = parseXml('<T>\n  <item><N>1</N></item>\n  <item><N>2</N></item>\n  <other/>\n</T>');
    expect(root.text).toBe('');
    expect(childrenNamed(root, 'item').map((item) => childNamed(item, 'N')?.text)).toEqual(['1', '2']);
    expect(childNamed(root, 'missing')).toBeUndefined();
  });

  it('resolves a prefixed name in an attribute value with the namespaces in scope at the element', () => {
    const root = parseXml('<schema xmlns:s0="urn:types" xmlns="urn:default"><element type="s0:char10"/><element type="date"/></schema>');
    const [prefixed, plain] = childrenNamed(root, 'element');
    expect(resolveQName(prefixed!, prefixed!.attributes.type!)).toEqual({ namespace: 'urn:types', name: 'char10' });
    expect(resolveQName(plain!, plain!.attributes.type!)).toEqual({ namespace: 'urn:default', name: 'date' });
    expect(resolveQName(plain!, 'xx:date')).toEqual({ namespace: undefined, name: 'date' });
  });
});

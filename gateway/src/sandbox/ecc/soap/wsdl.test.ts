import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSoapRfc, type SoapRfcServer } from './standalone.js';
import { createSoapTestEcc } from './testFunctions.js';

const AUTH = { Authorization: `Basic ${Buffer.from('ECC365:sandbox').toString('base64')}` };
const RFC_NS = 'urn:sap-com:document:sap:rfc:functions';

// Read with prefixes kept, so the test sees the names a WSDL consumer sees.
const reader = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name) => ['xsd:simpleType', 'xsd:complexType', 'xsd:element', 'wsdl:message', 'wsdl:portType', 'wsdl:binding', 'wsdl:service'].includes(name),
});
/** A value in a parsed XML tree, by element names and indexes. */
const at = (node: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((n, key) => (n as Record<string | number, unknown> | undefined)?.[key], node);
const list = (node: unknown): unknown[] => (Array.isArray(node) ? (node as unknown[]) : []);
const named = (nodes: unknown, name: string): unknown => list(nodes).find((node) => at(node, 'name') === name);

describe('WSDL of a function module (/sap/bc/soap/wsdl11)', () => {
  let server: SoapRfcServer;
  let definitions: unknown;
  let contentType: string | null;

  beforeAll(async () => {
    server = await serveSoapRfc(createSoapTestEcc().ecc);
    const response = await fetch(`${server.wsdlUrl}?services=z_test_echo&sap-client=100`, { headers: AUTH });
    expect(response.status).toBe(200);
    contentType = response.headers.get('content-type');
    definitions = at(reader.parse(await response.text()), 'wsdl:definitions');
  });
  afterAll(() => server.stop());

  const schema = (): unknown => at(definitions, 'wsdl:types', 'xsd:schema');
  const restrictionOf = (name: string): unknown => at(named(at(schema(), 'xsd:simpleType'), name), 'xsd:restriction');
  const complexType = (name: string): unknown => named(at(schema(), 'xsd:complexType'), name);
  const element = (name: string): unknown[] => list(at(named(at(schema(), 'xsd:element'), name), 'xsd:complexType', 0, 'xsd:sequence', 'xsd:element'));
  const binding = (): unknown => at(definitions, 'wsdl:binding', 0);

  it('is document/literal XML in the RFC namespace, with unqualified elements', () => {
    expect(contentType).toMatch(/^text\/xml/);
    expect(at(definitions, 'targetNamespace')).toBe(RFC_NS);
    expect(at(schema(), 'targetNamespace')).toBe(RFC_NS);
    expect(schema()).not.toHaveProperty('elementFormDefault');
    expect(at(binding(), 'soap:binding')).toEqual({ style: 'document', transport: 'http://schemas.xmlsoap.org/soap/http' });
    expect(at(binding(), 'wsdl:operation', 'wsdl:input', 'soap:body', 'use')).toBe('literal');
  });

  it('names simple types by ABAP type and length, as SAP does', () => {
    expect(restrictionOf('char20')).toEqual({ base: 'xsd:string', 'xsd:maxLength': { value: '20' } });
    expect(restrictionOf('numeric6')).toEqual({ base: 'xsd:string', 'xsd:maxLength': { value: '6' }, 'xsd:pattern': { value: '\\d*' } });
    expect(restrictionOf('date10')).toEqual({ base: 'xsd:string', 'xsd:maxLength': { value: '10' }, 'xsd:pattern': { value: '\\d\\d\\d\\d-\\d\\d-\\d\\d' } });
    expect(restrictionOf('time')).toEqual({ base: 'xsd:string', 'xsd:maxLength': { value: '8' }, 'xsd:pattern': { value: '\\d\\d:\\d\\d:\\d\\d' } });
    expect(restrictionOf('curr15.2')).toEqual({ base: 'xsd:decimal', 'xsd:totalDigits': { value: '15' }, 'xsd:fractionDigits': { value: '2' } });
    expect(restrictionOf('quantum13.3')).toMatchObject({ base: 'xsd:decimal', 'xsd:fractionDigits': { value: '3' } });
    expect(restrictionOf('decimal5.2')).toMatchObject({ base: 'xsd:decimal', 'xsd:totalDigits': { value: '5' } });
    for (const [name, length] of [['cuky5', '5'], ['unit3', '3'], ['lang', '1']]) {
      expect(restrictionOf(name!)).toEqual({ base: 'xsd:string', 'xsd:maxLength': { value: length } });
    }
  });

  it('describes each structure as a complexType named after it, and tables as TABLE_OF_<structure>', () => {
    const values = list(at(complexType('ZTEST_VALUES'), 'xsd:sequence', 'xsd:element'));
    expect(values.map((f) => `${at(f, 'name') as string}:${at(f, 'type') as string}`)).toEqual([
      'TEXT:s0:char20', 'NUMBER:s0:numeric6', 'DAY:s0:date10', 'TIME:s0:time', 'COUNT:xsd:int', 'AMOUNT:s0:curr15.2',
      'QUANTITY:s0:quantum13.3', 'RATE:s0:decimal5.2', 'FACTOR:xsd:double', 'CURRENCY:s0:cuky5', 'UNIT:s0:unit3', 'LANGU:s0:lang',
    ]);
    expect(at(complexType('TABLE_OF_ZTEST_ITEM'), 'xsd:sequence', 'xsd:element')).toEqual([{ name: 'item', type: 's0:ZTEST_ITEM', minOccurs: '0', maxOccurs: 'unbounded' }]);
    expect(complexType('BAPIRET2')).toBeDefined();
  });

  it('lists IMPORTING, CHANGING and TABLES in <FM> and EXPORTING, CHANGING and TABLES in <FM>.Response, optional ones with minOccurs 0', () => {
    expect(element('Z_TEST_ECHO')).toEqual([
      { name: 'COUNTER', type: 'xsd:int', minOccurs: '0' },
      { name: 'DAY', type: 's0:date10' },
      { name: 'DOUBLED', type: 's0:TABLE_OF_ZTEST_ITEM', minOccurs: '0' },
      { name: 'ITEMS', type: 's0:TABLE_OF_ZTEST_ITEM', minOccurs: '0' },
      { name: 'TIME', type: 's0:time', minOccurs: '0' },
      { name: 'VALUES', type: 's0:ZTEST_VALUES', minOccurs: '0' },
    ]);
    expect(element('Z_TEST_ECHO.Response').map((e) => at(e, 'name'))).toEqual(['COUNTER', 'DAY_AFTER', 'DOUBLED', 'ITEMS', 'RETURN', 'VALUES_OUT']);
  });

  it('has the messages, port type, binding and a service at this host\'s rfc endpoint', () => {
    expect(at(definitions, 'wsdl:message')).toEqual([
      { name: 'Z_TEST_ECHO.Input', 'wsdl:part': { name: 'parameters', element: 's0:Z_TEST_ECHO' } },
      { name: 'Z_TEST_ECHO.Output', 'wsdl:part': { name: 'parameters', element: 's0:Z_TEST_ECHO.Response' } },
    ]);
    expect(at(definitions, 'wsdl:portType', 0, 'wsdl:operation')).toEqual({
      name: 'Z_TEST_ECHO',
      'wsdl:input': { message: 's0:Z_TEST_ECHO.Input' },
      'wsdl:output': { message: 's0:Z_TEST_ECHO.Output' },
    });
    expect(at(binding(), 'wsdl:operation', 'soap:operation', 'soapAction')).toBe('http://www.sap.com/Z_TEST_ECHO');
    expect(at(definitions, 'wsdl:service', 0, 'wsdl:port', 'soap:address', 'location')).toBe(server.rfcUrl);
  });

  it('describes several function modules at once', async () => {
    const response = await fetch(`${server.wsdlUrl}?services=Z_TEST_ECHO,BAPI_TRANSACTION_COMMIT&sap-client=100`, { headers: AUTH });
    const portTypes = list(at(reader.parse(await response.text()), 'wsdl:definitions', 'wsdl:portType'));
    expect(portTypes.map((p) => at(p, 'wsdl:operation', 'name'))).toEqual(['Z_TEST_ECHO', 'BAPI_TRANSACTION_COMMIT']);
  });

  it('needs a logon, and answers an unknown function module with a fault', async () => {
    expect((await fetch(`${server.wsdlUrl}?services=Z_TEST_ECHO`)).status).toBe(401);
    const unknown = await fetch(`${server.wsdlUrl}?services=Z_NOT_THERE&sap-client=100`, { headers: AUTH });
    expect(unknown.status).toBe(500);
    expect(await unknown.text()).toContain('<faultstring>FU_NOT_FOUND</faultstring>');
  });
});

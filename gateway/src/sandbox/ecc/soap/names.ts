/**
 * The names SOAP-RFC gives things in XML, as the simulated service reads and writes them. The
 * XML itself is parsed and built by xml/; these are the sandbox's own copy of the protocol's
 * names, so the transport's tests against the sandbox check the transport against an
 * independent reading of the protocol.
 */

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const RFC_FUNCTIONS_NS = 'urn:sap-com:document:sap:rfc:functions';

/** SAP writes "/" in namespaced names (/BIC/X) as "_-" in XML element names. */
export const toXmlName = (sapName: string): string => sapName.replaceAll('/', '_-');
export const fromXmlName = (xmlName: string): string => xmlName.replaceAll('_-', '/');

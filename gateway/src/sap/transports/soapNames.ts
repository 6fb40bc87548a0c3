/**
 * The names SOAP-RFC gives things in XML: the SOAP envelope's namespace, the namespace of
 * function elements, and SAP's spelling of namespaced names. The XML itself is parsed and
 * built by xml/.
 */

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const RFC_FUNCTIONS_NS = 'urn:sap-com:document:sap:rfc:functions';

/** SAP writes "/" in namespaced names (/BIC/X) as "_-" in XML element names. */
export const toXmlName = (sapName: string): string => sapName.replaceAll('/', '_-');
export const fromXmlName = (xmlName: string): string => xmlName.replaceAll('_-', '/');

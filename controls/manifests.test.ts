/**
 * Every control's manifest and strings, checked together: a virtual control on the platform's
 * React and Fluent at the versions Microsoft's current samples use, declaring the gateway as an
 * external service (premium), using the Web API, and shipping English and German strings with
 * exactly the keys its manifest and its code read.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDIT_STRING_KEYS, PROPERTIES as SapCreditProperties } from './SapCredit/manifest';
import { DELIVERIES_STRING_KEYS, PROPERTIES as SapDeliveriesProperties } from './SapDeliveries/manifest';
import { INVOICES_STRING_KEYS, PROPERTIES as SapInvoicesProperties } from './SapInvoices/manifest';
import { ORDERS_STRING_KEYS, PROPERTIES as SapOrdersProperties } from './SapOrders/manifest';
import { PRICING_STRING_KEYS, PROPERTIES as SapPricingProperties } from './SapPricing/manifest';
import { SEND_STRING_KEYS, PROPERTIES as SendQuoteToSapProperties } from './SendQuoteToSap/manifest';
import { SYNC_STRING_KEYS, PROPERTIES as SyncStatusProperties } from './SyncStatus/manifest';
import { CONTROLS_ROOT, loadResx } from './shared/testing/resx';

const PROPERTIES: Record<string, Readonly<Record<string, string>>> = {
  SapOrders: SapOrdersProperties,
  SapDeliveries: SapDeliveriesProperties,
  SapInvoices: SapInvoicesProperties,
  SapCredit: SapCreditProperties,
  SapPricing: SapPricingProperties,
  SendQuoteToSap: SendQuoteToSapProperties,
  SyncStatus: SyncStatusProperties,
};

const STRING_KEYS: Record<string, readonly string[]> = {
  SapOrders: ORDERS_STRING_KEYS,
  SapDeliveries: DELIVERIES_STRING_KEYS,
  SapInvoices: INVOICES_STRING_KEYS,
  SapCredit: CREDIT_STRING_KEYS,
  SapPricing: PRICING_STRING_KEYS,
  SendQuoteToSap: SEND_STRING_KEYS,
  SyncStatus: SYNC_STRING_KEYS,
};

const LANGUAGES = [1033, 1031];

const controlFolders = readdirSync(CONTROLS_ROOT).filter((name) => existsSync(path.join(CONTROLS_ROOT, name, 'ControlManifest.Input.xml')));

function manifestOf(control: string): Element {
  const xml = readFileSync(path.join(CONTROLS_ROOT, control, 'ControlManifest.Input.xml'), 'utf8');
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  return document.getElementsByTagName('control')[0]!;
}

function platformLibraries(control: Element): Record<string, string> {
  return Object.fromEntries(Array.from(control.getElementsByTagName('platform-library')).map((library): [string, string] => [library.getAttribute('name') ?? '', library.getAttribute('version') ?? '']));
}

/** Microsoft's sample manifests, when ../shared/reference is there (a clone of the project alone has none). */
const REFERENCE_DIR = path.resolve(process.env.ECC365_REFERENCE_DIR ?? path.resolve(CONTROLS_ROOT, '../../shared/reference'), 'dataverse/pcf');
const referenceAvailable = existsSync(REFERENCE_DIR);

describe('control manifests', () => {
  it('are the seven controls of the product', () => {
    expect(controlFolders.sort()).toEqual(Object.keys(STRING_KEYS).sort());
  });

  it.each(controlFolders)('%s is a virtual control on the platform React and Fluent, calling the gateway as an external service with the Web API', (name) => {
    const control = manifestOf(name);
    expect(control.getAttribute('namespace')).toBe('Ecc365');
    expect(control.getAttribute('constructor')).toBe(name);
    expect(control.getAttribute('control-type')).toBe('virtual');
    expect(platformLibraries(control)).toEqual({ React: '16.14.0', Fluent: '8.121.1' });

    const external = control.getElementsByTagName('external-service-usage')[0]!;
    expect(external.getAttribute('enabled')).toBe('true');
    expect(external.getElementsByTagName('domain').length).toBeGreaterThan(0);

    const features = Array.from(control.getElementsByTagName('uses-feature')).map((feature) => feature.getAttribute('name'));
    expect(features).toEqual(['WebAPI']);

    const properties = Array.from(control.getElementsByTagName('property'));
    expect(properties.map((property) => property.getAttribute('usage'))).toEqual(['bound']);
    // The types the control's code reads its parameters with (manifest.ts) name the same properties.
    expect(Object.fromEntries(properties.map((property) => [property.getAttribute('name'), property.getAttribute('of-type')]))).toEqual(PROPERTIES[name]);

    const resx = Array.from(control.getElementsByTagName('resx')).map((file) => file.getAttribute('path'));
    expect(resx.sort()).toEqual(LANGUAGES.map((language) => `strings/${name}.${language}.resx`).sort());
  });

  (referenceAvailable ? it : it.skip)(
    referenceAvailable ? "use the platform library versions of Microsoft's current samples" : `use the platform library versions of Microsoft's samples (skipped: ${REFERENCE_DIR} is absent)`,
    () => {
    const samples = readdirSync(REFERENCE_DIR).map((file) => new DOMParser().parseFromString(readFileSync(path.join(REFERENCE_DIR, file), 'utf8'), 'application/xml'));
    const sampleVersions = samples.map((document) => platformLibraries(document.getElementsByTagName('control')[0]!)).filter((libraries) => Object.keys(libraries).length > 0);
    expect(sampleVersions.length).toBeGreaterThan(0);
    for (const name of controlFolders) {
      for (const sample of sampleVersions) expect(platformLibraries(manifestOf(name))).toEqual(sample);
    }
    },
  );
});

describe('control strings', () => {
  it.each(controlFolders)('%s has English and German strings for exactly the keys its manifest and code read', (name) => {
    const control = manifestOf(name);
    const manifestKeys = [control, ...Array.from(control.getElementsByTagName('property'))].flatMap((element) => [
      element.getAttribute('display-name-key')!,
      element.getAttribute('description-key')!,
    ]);
    const expected = [...new Set([...manifestKeys, ...STRING_KEYS[name]!])].sort();

    for (const language of LANGUAGES) {
      const strings = loadResx(name, language);
      expect(Object.keys(strings).sort(), `${name}.${language}.resx`).toEqual(expected);
      for (const [key, value] of Object.entries(strings)) expect(value.trim(), `${name}.${language}.resx ${key}`).not.toBe('');
    }
  });

  it.each(controlFolders)('%s uses the same placeholders in every language', (name) => {
    const [english, ...others] = LANGUAGES.map((language) => loadResx(name, language));
    const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();
    for (const translation of others) {
      for (const [key, value] of Object.entries(english!)) expect(placeholders(translation[key] ?? ''), `${name} ${key}`).toEqual(placeholders(value));
    }
  });
});

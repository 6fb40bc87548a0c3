/**
 * SAP's names of things the panels show (payment terms, sales document types) in the rep's
 * language: the first of the rep's languages (BCP 47 tags, best first) that SAP has (T002), each
 * text SAP lacks there in the configured language. Texts and language keys are customizing, kept
 * for the long cache time. They are read through the panel's session, so SAP being slow to give
 * them does not hold up a panel's next view; and they are a nicety: when SAP does not give them
 * (slow, or the RFC user may not read the table) the panel shows the keys.
 */

import { readLanguageKeys, readSalesDocumentTypeTexts } from '../sap/operations/customizingTexts.js';
import { readPaymentTermsTexts } from '../sap/operations/paymentTerms.js';
import type { RfcSession } from '../sap/rfc.js';
import { ReadThroughCache, type ReadThroughCacheOptions } from './readThroughCache.js';

const READERS = {
  paymentTerms: readPaymentTermsTexts,
  documentTypes: readSalesDocumentTypeTexts,
} satisfies Record<string, (sap: RfcSession, language: string) => Promise<Map<string, string>>>;

export type SapTextKind = keyof typeof READERS;

/** The rep's languages as T002 keeps them (ISO 639-1, lower case): de-DE and de both ask for German. */
export const isoLanguages = (languages: readonly string[]): string[] =>
  [...new Set(languages.map((tag) => tag.split('-')[0]!.toLowerCase()).filter((code) => /^[a-z]{2}$/.test(code)))];

export class SapTexts {
  private readonly texts: Record<SapTextKind, ReadThroughCache<Map<string, string>>>;
  private readonly languageKeys: ReadThroughCache<Map<string, string>>;

  /** `configuredLanguage`: SAP's key of the language used where SAP has no text in the rep's. */
  constructor(
    private readonly configuredLanguage: string,
    cache: ReadThroughCacheOptions,
  ) {
    this.texts = { paymentTerms: new ReadThroughCache(cache), documentTypes: new ReadThroughCache(cache) };
    this.languageKeys = new ReadThroughCache(cache);
  }

  /** Texts of a kind by key, in the first of `languages` (ISO 639-1, see isoLanguages) SAP has. */
  async read(sap: RfcSession, kind: SapTextKind, languages: readonly string[]): Promise<Map<string, string>> {
    try {
      const language = await this.sapLanguageOf(sap, languages);
      const textsIn = async (key: string) => (await this.texts[kind].get(key, () => READERS[kind](sap, key))).value;
      if (language === this.configuredLanguage) return await textsIn(language);
      const [own, fallback] = await Promise.all([textsIn(language), textsIn(this.configuredLanguage)]);
      return new Map([...fallback, ...own]);
    } catch {
      return new Map();
    }
  }

  /** The SAP language key of the first of the languages SAP has, else the configured one. */
  private async sapLanguageOf(sap: RfcSession, languages: readonly string[]): Promise<string> {
    if (languages.length === 0) return this.configuredLanguage;
    let keys: Map<string, string>;
    try {
      keys = (await this.languageKeys.get('T002', () => readLanguageKeys(sap))).value;
    } catch {
      // Without T002 this time (SAP slow, or the RFC user may not read it) texts come in the configured language.
      return this.configuredLanguage;
    }
    for (const language of languages) {
      const key = keys.get(language);
      if (key !== undefined) return key;
    }
    return this.configuredLanguage;
  }
}

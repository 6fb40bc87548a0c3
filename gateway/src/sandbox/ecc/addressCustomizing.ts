/**
 * Country and language keys of the simulated ECC, as SAP delivers them in T005 and T002. The seed
 * has no T005 table, so the customer BAPIs check against these lists; it writes T002 (language
 * keys with their ISO codes, which clients read) from the list here. SAP's country keys
 * are the ISO 3166-1 alpha-2 codes (T005-INTCA equals T005-LAND1 for every standard country);
 * language keys are one character with an ISO 639-1 code each (T002-LAISO; an excerpt of the
 * languages SAP delivers).
 */

const COUNTRY_KEYS = new Set(`AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
  BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ
  FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE
  JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
  MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU
  RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
  UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/));

/** SAP language key (SPRAS) → ISO 639-1 code (T002-LAISO). */
const LANGUAGE_ISO: Record<string, string> = {
  A: 'AR', B: 'HE', C: 'CS', D: 'DE', E: 'EN', F: 'FR', G: 'EL', H: 'HU', I: 'IT', J: 'JA', K: 'DA', L: 'PL', N: 'NL',
  O: 'NO', P: 'PT', Q: 'SK', R: 'RU', S: 'ES', T: 'TR', U: 'FI', V: 'SV', W: 'BG', 0: 'SR', 1: 'ZH', 2: 'TH', 3: 'KO',
  4: 'RO', 5: 'SL', 6: 'HR', 7: 'MS', 8: 'UK', 9: 'ET',
};
const LANGUAGE_KEY = new Map(Object.entries(LANGUAGE_ISO).map(([key, iso]) => [iso, key]));

export const isCountryKey = (land1: string): boolean => COUNTRY_KEYS.has(land1);

/** The country key of an ISO 3166-1 code, or undefined when no country has it. */
export const countryOfIso = (iso: string): string | undefined => (COUNTRY_KEYS.has(iso.toUpperCase()) ? iso.toUpperCase() : undefined);

/** The ISO code of a country key (identical for SAP's standard countries). */
export const isoOfCountry = (land1: string): string => (COUNTRY_KEYS.has(land1) ? land1 : '');

export const isLanguageKey = (spras: string): boolean => spras in LANGUAGE_ISO;

/** Every language key with its ISO 639-1 code: T002's rows. */
export const languageKeys = (): { spras: string; iso: string }[] => Object.entries(LANGUAGE_ISO).map(([spras, iso]) => ({ spras, iso }));

/** The language key of an ISO 639-1 code, or undefined when SAP has no such language. */
export const languageOfIso = (iso: string): string | undefined => LANGUAGE_KEY.get(iso.toUpperCase());

export const isoOfLanguage = (spras: string): string => LANGUAGE_ISO[spras] ?? '';

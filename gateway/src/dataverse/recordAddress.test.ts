import { describe, expect, it } from 'vitest';
import { parseKeyPredicate } from '../sandbox/dataverse/odata/syntax.js';
import { DataverseRequestError } from './errors.js';
import { guid } from './odataValues.js';
import { idFromEntityUrl, odataBind, recordPath, recordReference } from './recordAddress.js';

const ID = 'a1f3c5e7-0b2d-4f68-9a1c-3e5b7d9f1a23';

describe('record addresses', () => {
  it('names a record by primary key, normalizing the GUID', () => {
    expect(recordPath('accounts', `{${ID.toUpperCase()}}`)).toBe(`accounts(${ID})`);
    expect(recordPath('accounts', guid(ID))).toBe(`accounts(${ID})`);
    expect(odataBind('systemusers', ID)).toBe(`/systemusers(${ID})`);
  });

  it('names a record by alternate key: literals quoted, each value percent-encoded in URLs, plain in bodies', () => {
    expect(recordPath('accounts', { key: { ecc_customernumber: '0000001000' } })).toBe("accounts(ecc_customernumber='0000001000')");
    expect(recordPath('contacts', { key: { firstname: "Ann O'Neil", emailaddress1: 'ann@example.com' } })).toBe(
      "contacts(firstname='Ann%20O''Neil',emailaddress1='ann%40example.com')",
    );
    expect(recordReference('contacts', { key: { firstname: "Ann O'Neil", birthyear: 1980 } })).toBe("contacts(firstname='Ann O''Neil',birthyear=1980)");
    expect(odataBind('accounts', { key: { _primarycontactid_value: guid(ID) } })).toBe(`/accounts(_primarycontactid_value=${ID})`);
  });

  it('gives the simulated Dataverse back the exact key values after URL decoding', () => {
    const key = { firstname: "Zoë O'Neil (West), Jr.", emailaddress1: "o'neil=1@example.com" };
    const path = recordPath('contacts', { key });
    const predicate = decodeURIComponent(path).slice('contacts('.length, -1);
    const parsed = parseKeyPredicate(predicate);
    expect(parsed.kind).toBe('values');
    expect(parsed.kind === 'values' ? Object.fromEntries(parsed.values) : undefined).toEqual({
      firstname: { type: 'string', value: key.firstname },
      emailaddress1: { type: 'string', value: key.emailaddress1 },
    });
  });

  it.each(['A/B', 'A#1', 'A&B', '50%', 'a+b', 'x:y', 'a?b', 'a*b', 'a<b', 'a\\b'])(
    'refuses the key value %j, which Dataverse cannot address in a URL, with advice',
    (value) => {
      expect(() => recordPath('accounts', { key: { accountnumber: value } })).toThrow(DataverseRequestError);
      expect(() => odataBind('accounts', { key: { accountnumber: value } })).toThrow(/filter on accountnumber/);
    },
  );

  it('refuses what is not an address', () => {
    expect(() => recordPath('accounts', 'not-a-guid')).toThrow(DataverseRequestError);
    expect(() => recordPath('accounts(x)', ID)).toThrow(DataverseRequestError);
    expect(() => recordPath('accounts', { key: {} })).toThrow(DataverseRequestError);
    expect(() => recordPath('accounts', { key: { 'name)': 'x' } })).toThrow(DataverseRequestError);
  });

  it('reads the record id from OData-EntityId', () => {
    expect(idFromEntityUrl(`https://org.crm4.dynamics.com/api/data/v9.2/accounts(${ID.toUpperCase()})`)).toBe(ID);
    expect(idFromEntityUrl('https://org/api/data/v9.2/accounts(ecc_customernumber=\'1\')')).toBeUndefined();
    expect(idFromEntityUrl(undefined)).toBeUndefined();
  });
});

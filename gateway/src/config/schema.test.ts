import { describe, expect, it } from 'vitest';
import { configSchema } from './schema.js';

describe('the api and panels sections', () => {
  it('have defaults that run on the sandbox', () => {
    const config = configSchema.parse({});
    expect(config.api).toEqual({
      scopes: ['user_impersonation'],
      clockSkewSeconds: 60,
      corsOrigins: [],
      rateLimit: { maxRequests: 300, windowSeconds: 60 },
      accessCacheSeconds: 60,
    });
    expect(config.panels).toEqual({ cacheSeconds: 60, timeoutMs: 15_000, customizingCacheSeconds: 3_600, language: 'E' });
  });

  it('take lists as JSON or, from environment variables, as comma-separated text', () => {
    const config = configSchema.parse({
      api: { corsOrigins: 'https://contoso.crm4.dynamics.com/, https://localhost:8181', audiences: 'api://ecc365,4b6c1f0e', rateLimit: { maxRequests: '20' } },
    });
    expect(config.api.corsOrigins).toEqual(['https://contoso.crm4.dynamics.com', 'https://localhost:8181']);
    expect(config.api.audiences).toEqual(['api://ecc365', '4b6c1f0e']);
    expect(config.api.rateLimit).toEqual({ maxRequests: 20, windowSeconds: 60 });
  });

  it('refuse an origin with a path, an http authority, an empty scope list and a long company code', () => {
    const issues = (input: unknown) => configSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues({ api: { corsOrigins: ['https://contoso.crm4.dynamics.com/main.aspx'] } })).toEqual([expect.stringMatching(/^api\.corsOrigins\.0: must be an origin/)]);
    expect(issues({ api: { authority: 'http://login.example.com/tenant' } })).toEqual([expect.stringMatching(/^api\.authority:/)]);
    expect(issues({ api: { scopes: [] } })).toEqual([expect.stringMatching(/^api\.scopes:/)]);
    expect(issues({ panels: { companyCode: '10000' } })).toEqual(['panels.companyCode: up to four letters or digits']);
  });
});

describe('the quotes section', () => {
  it('needs no approval column by default, and takes one with its approved value, from JSON or environment text', () => {
    expect(configSchema.parse({}).quotes).toEqual({ abandonedAfterSeconds: 300 });
    expect(configSchema.parse({ quotes: { approvalColumn: 'statuscode', approvedValue: 100000001, abandonedAfterSeconds: '600' } }).quotes).toEqual({
      approvalColumn: 'statuscode', approvedValue: 100000001, abandonedAfterSeconds: 600,
    });
  });

  it('refuses an approval column without its value, a column name that is not a logical name, and a too short abandonment time', () => {
    const issues = (input: unknown) => configSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues({ quotes: { approvalColumn: 'new_approved' } })).toEqual(['quotes: set approvalColumn and approvedValue together']);
    expect(issues({ quotes: { approvalColumn: 'Approval Status', approvedValue: true } })).toEqual([expect.stringMatching(/^quotes\.approvalColumn: a column logical name/)]);
    expect(issues({ quotes: { abandonedAfterSeconds: 5 } })).toEqual([expect.stringMatching(/^quotes\.abandonedAfterSeconds:/)]);
  });
});

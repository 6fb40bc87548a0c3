/**
 * The sandbox's CRM data: the simulated Dataverse seeded from the simulated ECC, the values of the
 * gateway's environment variables and webhook, and the seeded records by role for tests.
 */

export { seedCrmFromEcc, DEFAULT_MAX_ACCOUNTS, type CrmSeedOptions, type CrmSeedResult, type EccSource } from './seedCrm.js';
export { setSandboxGatewayUrl, setEnvironmentVariableValues, GATEWAY_VARIABLES, SANDBOX_GATEWAY_VALUES } from './environmentValues.js';
export { setSandboxWebhookEndpoint, SANDBOX_WEBHOOK_KEY, GATEWAY_WEBHOOK_PATH } from './webhookEndpoint.js';
export { seededCrm, type SeededAccount, type SeededCrm, type SeededQuote, type QuoteRole } from './seededCrm.js';

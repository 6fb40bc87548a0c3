/**
 * The form preview (npm start → /): CRM-like account and quote forms hosting the real built PCF
 * controls through an implementation of the ComponentFramework context, with a switch between
 * the sandbox's sales rep personas. The CLI mounts `router` at / in sandbox mode and calls
 * `attach(origin)` once the server listens.
 */

export { createFormPreview, PREVIEW_PATH, type FormPreview, type FormPreviewOptions } from './router.js';

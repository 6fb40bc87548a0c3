/**
 * The browser console, where a PCF runtime reports what goes wrong in a control (a failed load,
 * an exception in updateView, an output that does not fit its column); the preview reports the
 * same there, with the error itself, for the control's developer.
 */

/* eslint-disable no-console -- the console is the developer's channel in the browser */
export const developerConsole = {
  error: (message: string, error: unknown): void => console.error(message, error),
  warn: (message: string, detail: unknown): void => console.warn(message, detail),
};

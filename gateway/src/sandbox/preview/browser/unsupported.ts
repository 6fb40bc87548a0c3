/**
 * What the form preview does not provide. A control that calls it gets an error naming the API,
 * instead of an undefined function or a silent no-op that would hide the gap.
 */

export class PreviewUnsupportedError extends Error {
  override readonly name = 'PreviewUnsupportedError';

  constructor(api: string) {
    super(`${api} is not available in the ecc365 form preview; the preview implements what the ecc365 controls use.`);
  }
}

/** A function that throws for `api` when called. */
export function unsupported(api: string): (...args: unknown[]) => never {
  return () => {
    throw new PreviewUnsupportedError(api);
  };
}

/** An object every method of which throws, for a whole context API the preview does not provide. */
export function unsupportedApi<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_target, property) => (typeof property === 'string' && property !== 'then' && property !== 'toJSON' ? unsupported(`${name}.${property}`) : undefined),
  });
}

/**
 * Input of the panel API's routes checked against the contract's schemas (model/panelApi.ts): a
 * request that does not fit answers 400 REQUEST_INVALID naming the parameter and what is wrong.
 */

import type { z } from 'zod';
import { AppError } from '../../model/errors.js';

export type InputPlace = 'path' | 'query' | 'body';

const PLACE_NAME: Record<InputPlace, string> = { path: 'Path parameter', query: 'Query parameter', body: 'Body field' };

export class RequestInvalidError extends AppError {
  constructor(message: string, details: Record<string, unknown>) {
    super('REQUEST_INVALID', message, { category: 'validation', details });
  }
}

function describe(issue: z.core.$ZodIssue, place: InputPlace): string {
  if (issue.code === 'unrecognized_keys') return `${issue.keys.length > 1 ? `${PLACE_NAME[place]}s` : PLACE_NAME[place]} ${issue.keys.join(', ')} not known`;
  const name = issue.path.map(String).join('.');
  return name === '' ? `The ${place === 'body' ? 'body' : place} is invalid: ${issue.message}` : `${PLACE_NAME[place]} ${name}: ${issue.message}`;
}

/** The parsed value, or RequestInvalidError saying which parameter is wrong. */
export function parsed<S extends z.ZodType>(schema: S, value: unknown, place: InputPlace): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => describe(issue, place));
  throw new RequestInvalidError(`${problems.join('; ')}.`, { place, issues: result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })) });
}

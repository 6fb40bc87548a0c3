/**
 * Checks of what a caller hands an SAP operation, before anything is sent to SAP: shapes, lengths
 * that SAP would silently cut or reject with a conversion error, formats of codes. Whether a
 * business field is mandatory stays SAP's decision (it depends on its customizing) and comes back
 * as SAP's message.
 */

import { z } from 'zod';
import { AppError } from '../../model/errors.js';

export class InvalidInputError extends AppError {
  constructor(operation: string, problems: string[]) {
    super('INVALID_INPUT', `${operation}: ${problems.join('; ')}`, { category: 'validation', details: { operation, problems } });
  }
}

/** Parses input with a schema, or throws InvalidInputError naming every problem and where it is. */
export function validInput<T>(schema: z.ZodType<T>, input: unknown, operation: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(
    operation,
    result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)),
  );
}

/** A key SAP needs to find something (a customer or material number): not blank, at most `length` characters. */
export const sapKey = (length: number): z.ZodString => z.string().trim().min(1, 'must not be empty').max(length, `must have at most ${length} characters`);

/** A text SAP stores in a field of `length` characters. */
export const sapText = (length: number): z.ZodString => z.string().max(length, `must have at most ${length} characters (SAP's field length)`);

/** An upper bound of rows, always required for reads of tables that grow. */
export const rowLimit = (limit: number): z.ZodNumber => z.number().int('must be a whole number').min(1, 'must be at least 1').max(limit, `must be at most ${limit}`);

/** An organisational key (sales organisation, distribution channel, division, company code) of `length` characters. */
export const orgKey = (length: number): z.ZodString => z.string().regex(new RegExp(`^[A-Za-z0-9]{1,${length}}$`), `must be 1 to ${length} letters or digits`);

/** SAP's one-character language key (SPRAS), e.g. E or D. */
export const languageKey = z.string().regex(/^[A-Z0-9]$/, "must be SAP's one-character language key");

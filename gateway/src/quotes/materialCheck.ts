/**
 * Asks SAP whether it sells each line's material in the account's sales area, before a document
 * is created (submit) or to name the line behind a refused price simulation (price). Each
 * distinct material is read once (getMaterial: general data, units and sales views), a few at a
 * time so that a long quote does not take every SAP work process.
 */

import type { Material } from '../model/material.js';
import type { SalesArea } from '../model/customer.js';
import { SapNotFoundError } from '../sap/errors.js';
import { getMaterial } from '../sap/operations/getMaterial.js';
import { InvalidInputError } from '../sap/operations/inputValidation.js';
import type { RfcClient } from '../sap/rfc.js';
import type { QuoteError } from './errors.js';
import { sellabilityProblem, type SapLine } from './quoteLines.js';

/** Materials read from SAP at once. */
const PARALLEL_READS = 4;

async function materialsOf(sap: RfcClient, numbers: string[]): Promise<Map<string, Material | undefined>> {
  const found = new Map<string, Material | undefined>();
  const queue = [...numbers];
  const worker = async (): Promise<void> => {
    for (let number = queue.shift(); number !== undefined; number = queue.shift()) {
      try {
        found.set(number, await getMaterial(sap, number));
      } catch (error) {
        // Unknown to SAP, or not even a valid material number: the line's problem, not a failure.
        if (error instanceof SapNotFoundError || error instanceof InvalidInputError) found.set(number, undefined);
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, numbers.length) }, worker));
  return found;
}

/** The problem of the first line SAP would not sell, in the quote's order, or undefined when SAP sells every line. */
export async function findUnsellableLine(sap: RfcClient, lines: SapLine[], salesArea: SalesArea): Promise<QuoteError | undefined> {
  const materials = await materialsOf(sap, [...new Set(lines.map((line) => line.materialNumber))]);
  for (const line of lines) {
    const problem = sellabilityProblem(line, materials.get(line.materialNumber), salesArea);
    if (problem) return problem;
  }
  return undefined;
}

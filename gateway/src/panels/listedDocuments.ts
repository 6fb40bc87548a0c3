/**
 * Details of the documents a list names, in one round trip to SAP when the list was read before.
 *
 * Some panels need two dependent reads: the list of a customer's documents (only it can select by
 * customer and date), then the documents' status (which SAP keeps apart and reads only by document
 * number). Done in turn, a panel costs two SAP round trips. The details of the documents the list
 * named last time are therefore read in parallel with the list; only documents that are new since
 * then are read afterwards. Both reads are fresh every time (nothing is shown that was not read in
 * this refresh), the number of RFC calls does not grow (one list, one details read; a second
 * details read only when new documents appeared), and once a customer's panel has been shown, its
 * next refresh costs one round trip.
 */

export interface ListedDocuments<D> {
  /** The documents the list named, in its order, each with its details when SAP returned them. */
  documents: { number: string; details: D }[];
}

export async function readListedDocuments<D>(
  list: Promise<string[]>,
  knownNumbers: readonly string[],
  readDetails: (numbers: string[]) => Promise<Map<string, D>>,
): Promise<ListedDocuments<D>> {
  const prefetch = knownNumbers.length > 0 ? readDetails([...knownNumbers]) : Promise.resolve(new Map<string, D>());
  const [wanted, prefetched] = await Promise.all([list, prefetch]);
  const missing = wanted.filter((number) => !prefetched.has(number));
  const more = missing.length > 0 ? await readDetails(missing) : new Map<string, D>();
  const documents: { number: string; details: D }[] = [];
  for (const number of wanted) {
    const details = prefetched.get(number) ?? more.get(number);
    if (details !== undefined) documents.push({ number, details });
  }
  return { documents };
}

/**
 * BAPI_MATERIAL_GETLIST: materials selected by ranges of number (MATNRSELECTION), description
 * (MATERIALSHORTDESCSEL, in the logon language), sales organisation and distribution channel
 * (a material qualifies when one of its sales views, MVKE, lies in both ranges). MATNRLIST holds
 * number and description, ordered by number; MAXROWS bounds it (0 = all). Numbers compare in
 * internal format (MATN1 pads numeric numbers to 18 digits). Invalid range rows are reported in
 * RETURN (BAPIRET2, S& 026/027); an empty result is not an error.
 *
 * Readings (no source settles them): descriptions are compared in capitals, as the BAPI selects on
 * the upper-case search field MAKTG; materials marked for deletion are listed; the selection by
 * plant, storage location and manufacturer part number is not offered, since the simulated ECC
 * has no plant data. The function group is a reading too.
 */

import { BAPIMATLST, BAPIMATRADC, BAPIMATRAM, BAPIMATRAS, BAPIMATRASO } from '../ddic/structures/material.js';
import { BAPIRET2 } from '../ddic/structures/returns.js';
import { defineFunction, importing, tables } from '../functionModule.js';
import { toBapiret2 } from '../messages.js';
import { invalidRange, rangeMatcher, rangesOf, type SelectionRange } from '../selectionRanges.js';
import { LOGON_LANGUAGE } from './BAPI_MATERIAL_GET_DETAIL.js';

const SELECTIONS = [
  ['MATNRSELECTION', 'MATNR_LOW', 'MATNR_HIGH'],
  ['MATERIALSHORTDESCSEL', 'DESCR_LOW', 'DESCR_HIGH'],
  ['SALESORGANISATIONSELECTION', 'SALESORG_LOW', 'SALESORG_HIGH'],
  ['DISTRIBUTIONCHANNELSELECTION', 'DISTR_CHAN_LOW', 'DISTR_CHAN_HIGH'],
] as const;

const inCapitals = (ranges: SelectionRange[]): SelectionRange[] =>
  ranges.map((r) => ({ ...r, low: r.low.toUpperCase(), high: r.high.toUpperCase() }));

export const BAPI_MATERIAL_GETLIST = defineFunction({
  name: 'BAPI_MATERIAL_GETLIST',
  functionGroup: 'MGVB',
  parameters: [
    importing('MAXROWS', 'INT4', { default: '0', reference: 'BAPIF4A-MAX_ROWS' }),
    tables('MATNRSELECTION', BAPIMATRAM, { optional: true }),
    tables('MATERIALSHORTDESCSEL', BAPIMATRAS, { optional: true }),
    tables('SALESORGANISATIONSELECTION', BAPIMATRASO, { optional: true }),
    tables('DISTRIBUTIONCHANNELSELECTION', BAPIMATRADC, { optional: true }),
    tables('MATNRLIST', BAPIMATLST, { optional: true }),
    tables('RETURN', BAPIRET2, { optional: true }),
  ],
  exceptions: [],
  handler: ({ db, input, table }) => {
    const [numbers, descriptions, salesOrgs, channels] = SELECTIONS.map(([name, low, high]) => rangesOf(table(name), low, high)) as [
      SelectionRange[], SelectionRange[], SelectionRange[], SelectionRange[],
    ];
    for (const [index, ranges] of [numbers, descriptions, salesOrgs, channels].entries()) {
      const invalid = invalidRange(ranges);
      if (invalid) return { MATNRLIST: [], RETURN: [toBapiret2(invalid, { parameter: SELECTIONS[index]![0] })] };
    }
    const numberMatches = rangeMatcher(numbers);
    const descriptionMatches = rangeMatcher(inCapitals(descriptions));
    const salesOrgMatches = rangeMatcher(salesOrgs);
    const channelMatches = rangeMatcher(channels);
    const selectsBySalesView = salesOrgs.length + channels.length > 0;
    const descriptionOf = (matnr: string): string => String(db.table('MAKT').get({ MATNR: matnr, SPRAS: LOGON_LANGUAGE })?.MAKTX ?? '');

    const maxRows = Number(input.MAXROWS ?? 0);
    const found = db
      .table('MARA')
      .select({}, (mara) => {
        const matnr = String(mara.MATNR);
        if (!numberMatches(matnr) || !descriptionMatches(descriptionOf(matnr).toUpperCase())) return false;
        if (!selectsBySalesView) return true;
        return db.table('MVKE').select({ MATNR: matnr }).some((view) => salesOrgMatches(String(view.VKORG)) && channelMatches(String(view.VTWEG)));
      })
      .map((mara) => String(mara.MATNR))
      .sort()
      .slice(0, maxRows > 0 ? maxRows : undefined);
    return { MATNRLIST: found.map((matnr) => ({ MATERIAL: matnr, MATL_DESC: descriptionOf(matnr) })), RETURN: [] };
  },
});

/**
 * Display names Dataverse's metadata gives the tables and the list columns the preview shows, in
 * its two languages: the form header's table name and the headers of subgrid columns, which a
 * model-driven app takes from the table's and the column's DisplayName. The simulated Dataverse
 * keeps no display names, so the preview holds these; a column without one shows its logical name.
 * Labels on the form itself come from the form XML.
 */

import type { Labels } from './formLayouts.js';

const labels = (en: string, de: string): Labels => ({ 1033: en, 1031: de });

const TABLES: Readonly<Record<string, Labels>> = {
  account: labels('Account', 'Firma'),
  quote: labels('Quote', 'Angebot'),
};

const COLUMNS: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
  quotedetail: {
    productid: labels('Existing product', 'Vorhandenes Produkt'),
    quantity: labels('Quantity', 'Menge'),
    priceperunit: labels('Price per unit', 'Preis pro Einheit'),
    extendedamount: labels('Extended amount', 'Erweiterter Betrag'),
    ecc_sapnetprice: labels('SAP net price', 'SAP-Nettopreis'),
  },
};

export const tableLabel = (table: string): Labels => TABLES[table] ?? labels(table, table);

export const columnLabel = (table: string, column: string): Labels => COLUMNS[table]?.[column] ?? labels(column, column);

/**
 * The home page's lists: the signed-in rep's active accounts and their quotes, as the Dynamics
 * 365 Sales hub's system views show them (Microsoft's views, which the solution does not bring).
 */

import type { Labels, ViewLayout } from './formLayouts.js';

const labels = (en: string, de: string): Labels => ({ 1033: en, 1031: de });

export const HOME_VIEWS: readonly ViewLayout[] = [
  {
    id: 'accounts',
    title: labels('Active accounts', 'Aktive Firmen'),
    table: 'account',
    formPath: '/accounts/',
    filter: 'statecode eq 0',
    orderBy: 'name asc',
    columns: [
      { column: 'name', label: labels('Account name', 'Firmenname') },
      { column: 'ecc_customernumber', label: labels('SAP customer', 'SAP-Kunde') },
      { column: 'address1_city', label: labels('City', 'Ort') },
      { column: 'ownerid', label: labels('Owner', 'Besitzer') },
    ],
  },
  {
    id: 'quotes',
    title: labels('Quotes', 'Angebote'),
    table: 'quote',
    formPath: '/quotes/',
    orderBy: 'name asc',
    columns: [
      { column: 'name', label: labels('Name', 'Name') },
      { column: 'quotenumber', label: labels('Quote ID', 'Angebots-ID') },
      { column: 'customerid', label: labels('Potential customer', 'Potenzieller Kunde') },
      { column: 'statecode', label: labels('Status', 'Status') },
      { column: 'totalamount', label: labels('Total amount', 'Gesamtbetrag') },
      { column: 'ecc_sapdocumentnumber', label: labels('SAP document', 'SAP-Beleg') },
    ],
  },
];

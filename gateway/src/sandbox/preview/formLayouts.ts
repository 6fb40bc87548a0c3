/**
 * Where everything sits on the preview's forms and home page: the account and quote main forms
 * (header fields, tabs, sections, fields, subgrids and which control sits where, bound to which
 * column) and the home page's views. The one place to change the layout; it mirrors what a
 * solution's form XML says (tabs → sections → cells with labels per language, a custom control's
 * bound parameters and static inputs), so that it can later be read from the solution's forms.
 */

import type { LanguageId } from './shared/pageModel.js';

export type Labels = Readonly<Record<LanguageId, string>>;

export interface FieldCell {
  kind: 'field';
  column: string;
  label: Labels;
}

export interface ControlCell {
  kind: 'control';
  /** The control's folder in controls/out/controls (its constructor name). */
  control: string;
  label: Labels;
  /** Bound properties: manifest property → column of the form's table. */
  bind: Readonly<Record<string, string>>;
  /** Input properties: manifest property → static value. */
  inputs?: Readonly<Record<string, string>>;
}

export interface SubgridCell {
  kind: 'subgrid';
  id: string;
  table: string;
  /** The lookup column on the subgrid's table that points at the form's record. */
  parentColumn: string;
  columns: readonly { column: string; label: Labels }[];
  orderBy: string;
}

export type Cell = FieldCell | ControlCell | SubgridCell;

export interface SectionLayout {
  id: string;
  label: Labels;
  /** false: the label is for screen readers only (a section holding one control that titles itself). */
  showLabel?: boolean;
  /** The section spans the tab's full width (lists). */
  wide?: boolean;
  cells: readonly Cell[];
}

export interface TabLayout {
  id: string;
  label: Labels;
  sections: readonly SectionLayout[];
}

export interface FormLayout {
  table: string;
  /** The URL path of the form: /accounts/<id>. */
  path: string;
  /** The table's name as the form header shows it. */
  tableLabel: Labels;
  headerFields: readonly FieldCell[];
  tabs: readonly TabLayout[];
}

export interface ViewLayout {
  id: string;
  title: Labels;
  table: string;
  columns: readonly { column: string; label: Labels }[];
  /** OData $filter of the view, if any. */
  filter?: string;
  orderBy: string;
  formPath: string;
}

const field = (column: string, en: string, de: string): FieldCell => ({ kind: 'field', column, label: { 1033: en, 1031: de } });
const labels = (en: string, de: string): Labels => ({ 1033: en, 1031: de });

export const ACCOUNT_FORM: FormLayout = {
  table: 'account',
  path: '/accounts/',
  tableLabel: labels('Account', 'Firma'),
  headerFields: [field('ecc_customernumber', 'SAP customer', 'SAP-Kunde'), field('address1_city', 'City', 'Ort'), field('ownerid', 'Owner', 'Besitzer')],
  tabs: [
    {
      id: 'summary',
      label: labels('Summary', 'Zusammenfassung'),
      sections: [
        {
          id: 'account-information',
          label: labels('Account information', 'Firmeninformationen'),
          cells: [
            field('name', 'Account name', 'Firmenname'),
            field('accountnumber', 'Account number', 'Kontonummer'),
            field('telephone1', 'Phone', 'Telefon'),
            field('websiteurl', 'Website', 'Website'),
            field('ownerid', 'Owner', 'Besitzer'),
          ],
        },
        {
          id: 'address',
          label: labels('Address', 'Adresse'),
          cells: [
            field('address1_line1', 'Street', 'Straße'),
            field('address1_postalcode', 'ZIP/postal code', 'Postleitzahl'),
            field('address1_city', 'City', 'Ort'),
            field('address1_country', 'Country/region', 'Land/Region'),
          ],
        },
        {
          id: 'sap-customer',
          label: labels('SAP customer', 'SAP-Kunde'),
          cells: [
            field('ecc_customernumber', 'SAP customer number', 'SAP-Kundennummer'),
            field('ecc_salesorganization', 'Sales organization', 'Verkaufsorganisation'),
            field('ecc_distributionchannel', 'Distribution channel', 'Vertriebsweg'),
            field('ecc_division', 'Division', 'Sparte'),
            field('ecc_companycode', 'Company code', 'Buchungskreis'),
            field('ecc_creditcontrolarea', 'Credit control area', 'Kreditkontrollbereich'),
          ],
        },
      ],
    },
    {
      id: 'sap',
      label: labels('SAP', 'SAP'),
      sections: [
        {
          id: 'sap-credit',
          showLabel: false,
          label: labels('Credit', 'Kredit'),
          cells: [{ kind: 'control', control: 'SapCredit', label: labels('SAP credit', 'SAP-Kredit'), bind: { customerNumber: 'ecc_customernumber' } }],
        },
        {
          id: 'sap-orders',
          showLabel: false,
          wide: true,
          label: labels('Sales orders', 'Kundenaufträge'),
          cells: [{ kind: 'control', control: 'SapOrders', label: labels('SAP sales orders', 'SAP-Kundenaufträge'), bind: { customerNumber: 'ecc_customernumber' } }],
        },
        {
          id: 'sap-deliveries',
          showLabel: false,
          wide: true,
          label: labels('Deliveries', 'Lieferungen'),
          cells: [{ kind: 'control', control: 'SapDeliveries', label: labels('SAP deliveries', 'SAP-Lieferungen'), bind: { customerNumber: 'ecc_customernumber' } }],
        },
        {
          id: 'sap-invoices',
          showLabel: false,
          wide: true,
          label: labels('Invoices', 'Rechnungen'),
          cells: [{ kind: 'control', control: 'SapInvoices', label: labels('SAP invoices', 'SAP-Rechnungen'), bind: { customerNumber: 'ecc_customernumber' } }],
        },
        {
          id: 'sap-sync',
          showLabel: false,
          wide: true,
          label: labels('Sync results', 'Synchronisierungsergebnisse'),
          cells: [{ kind: 'control', control: 'SyncStatus', label: labels('Sync status', 'Synchronisierungsstatus'), bind: { recordLabel: 'name' } }],
        },
      ],
    },
  ],
};

export const QUOTE_FORM: FormLayout = {
  table: 'quote',
  path: '/quotes/',
  tableLabel: labels('Quote', 'Angebot'),
  headerFields: [field('statecode', 'Status', 'Status'), field('totalamount', 'Total amount', 'Gesamtbetrag'), field('ownerid', 'Owner', 'Besitzer')],
  tabs: [
    {
      id: 'summary',
      label: labels('Summary', 'Zusammenfassung'),
      sections: [
        {
          id: 'quote-information',
          label: labels('Quote information', 'Angebotsinformationen'),
          cells: [
            field('name', 'Name', 'Name'),
            field('quotenumber', 'Quote ID', 'Angebots-ID'),
            field('customerid', 'Potential customer', 'Potenzieller Kunde'),
            field('effectivefrom', 'Effective from', 'Gültig ab'),
            field('effectiveto', 'Effective to', 'Gültig bis'),
            field('statuscode', 'Status reason', 'Statusgrund'),
            field('totalamount', 'Total amount', 'Gesamtbetrag'),
          ],
        },
        {
          id: 'products',
          wide: true,
          label: labels('Products', 'Produkte'),
          cells: [
            {
              kind: 'subgrid',
              id: 'quote-lines',
              table: 'quotedetail',
              parentColumn: 'quoteid',
              orderBy: 'lineitemnumber asc',
              columns: [
                { column: 'productid', label: labels('Existing product', 'Vorhandenes Produkt') },
                { column: 'quantity', label: labels('Quantity', 'Menge') },
                { column: 'priceperunit', label: labels('Price per unit', 'Preis pro Einheit') },
                { column: 'extendedamount', label: labels('Extended amount', 'Erweiterter Betrag') },
                { column: 'ecc_sapnetprice', label: labels('SAP net price', 'SAP-Nettopreis') },
              ],
            },
          ],
        },
        {
          id: 'sap-pricing',
          showLabel: false,
          wide: true,
          label: labels('SAP pricing', 'SAP-Preisfindung'),
          cells: [{ kind: 'control', control: 'SapPricing', label: labels('SAP pricing', 'SAP-Preisfindung'), bind: { quoteTotal: 'totalamount' } }],
        },
      ],
    },
    {
      id: 'sap',
      label: labels('SAP', 'SAP'),
      sections: [
        {
          id: 'send-to-sap',
          label: labels('Send to SAP', 'An SAP senden'),
          cells: [
            { kind: 'control', control: 'SendQuoteToSap', label: labels('Send to SAP', 'An SAP senden'), bind: { sapDocumentNumber: 'ecc_sapdocumentnumber' } },
            field('ecc_sapdocumentnumber', 'SAP document number', 'SAP-Belegnummer'),
            field('ecc_sapdocumentcategory', 'SAP document category', 'SAP-Belegtyp'),
            field('ecc_sapstatus', 'SAP status', 'SAP-Status'),
            field('ecc_sapsubmittedon', 'Sent to SAP on', 'An SAP gesendet am'),
            field('ecc_sapquotationnumber', 'SAP quotation', 'SAP-Angebot'),
          ],
        },
        {
          id: 'quote-sync',
          showLabel: false,
          wide: true,
          label: labels('Sync results', 'Synchronisierungsergebnisse'),
          cells: [{ kind: 'control', control: 'SyncStatus', label: labels('Sync status', 'Synchronisierungsstatus'), bind: { recordLabel: 'name' } }],
        },
      ],
    },
  ],
};

export const FORMS: readonly FormLayout[] = [ACCOUNT_FORM, QUOTE_FORM];

export const HOME_VIEWS: readonly ViewLayout[] = [
  {
    id: 'accounts',
    title: labels('Active accounts', 'Aktive Firmen'),
    table: 'account',
    formPath: ACCOUNT_FORM.path,
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
    formPath: QUOTE_FORM.path,
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

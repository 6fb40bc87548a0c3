/** Customer master data in the canonical model: SAP's KNA1/KNB1/KNVV/KNVP/KNVK, named for the business. */

/** Where a customer is sold to: SAP's sales organisation, distribution channel and division. */
export interface SalesArea {
  salesOrganization: string;
  distributionChannel: string;
  division: string;
}

export interface Address {
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  region: string;
  phone: string;
  fax: string;
  email: string;
}

/** Central blocks on a customer; a blocked customer gets no new orders, deliveries, invoices or postings. */
export interface CustomerBlocks {
  order: boolean;
  delivery: boolean;
  billing: boolean;
  posting: boolean;
}

export interface Customer {
  /** SAP customer number without leading zeros ("1000", or an alphanumeric number as is). */
  customerNumber: string;
  name: string;
  name2: string;
  searchTerm: string;
  accountGroup: string;
  /** ISO 639-1 language code. */
  language: string;
  vatNumber: string;
  industry: string;
  address: Address;
  blocks: CustomerBlocks;
  markedForDeletion: boolean;
  /** ISO date the customer was created in SAP. */
  createdOn: string;
  companyCode?: CustomerCompanyData;
}

/** Company-code data (KNB1). */
export interface CustomerCompanyData {
  companyCode: string;
  reconciliationAccount: string;
  paymentTerms: string;
  postingBlocked: boolean;
}

/** Sales data of a customer in one sales area (KNVV). */
export interface CustomerSalesArea extends SalesArea {
  customerNumber: string;
  currency: string;
  paymentTerms: string;
  incoterms: string;
  incotermsLocation: string;
  shippingConditions: string;
  customerGroup: string;
  priceGroup: string;
  priceList: string;
  salesOffice: string;
  salesGroup: string;
  blocks: Pick<CustomerBlocks, 'order' | 'delivery' | 'billing'>;
}

/** Partner functions as SAP stores them internally (KNVP-PARVW). */
export type PartnerRole = 'soldTo' | 'shipTo' | 'billTo' | 'payer' | 'contactPerson' | 'other';

export interface PartnerFunction extends SalesArea {
  customerNumber: string;
  role: PartnerRole;
  /** SAP's internal partner function code (AG, WE, RE, RG, AP, …). */
  sapRole: string;
  counter: number;
  /** The partner's customer number, or the contact person number for contactPerson. */
  partnerNumber: string;
}

export interface ContactPerson {
  /** SAP contact person number (KNVK-PARNR) without leading zeros. */
  contactNumber: string;
  customerNumber: string;
  firstName: string;
  lastName: string;
  department: string;
  function: string;
  phone: string;
  email: string;
}

/** What the gateway sends to create a customer; everything else is copied from a reference customer. */
export interface NewCustomer {
  name: string;
  name2?: string;
  searchTerm?: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  region?: string;
  language: string;
  currency: string;
  phone?: string;
  fax?: string;
  email?: string;
  /** The customer whose data SAP copies (account group, sales area, payment terms, …). */
  reference: { customerNumber: string } & SalesArea;
}

/** A change to a customer's address data; only the fields present are changed. */
export type CustomerChange = Partial<Omit<NewCustomer, 'reference' | 'currency'>>;

/** Word lists the seed builds plausible companies, people, places and products from. */

export const COMPANY_STEMS = [
  'Nordwerk', 'Alpen', 'Rhein', 'Hansa', 'Elbtal', 'Bavaria', 'Weser', 'Saar', 'Taunus', 'Harz', 'Mosel', 'Spree',
  'Lakeside', 'Prairie', 'Summit', 'Riverbend', 'Ironwood', 'Bluewater', 'Granite', 'Keystone', 'Cascade', 'Redrock',
  'Pioneer', 'Liberty', 'Northstar', 'Evergreen', 'Atlas', 'Meridian', 'Horizon', 'Apex',
];
export const COMPANY_TRADES_DE = ['Wasserwerke', 'Stadtwerke', 'Chemie', 'Brauerei', 'Papierfabrik', 'Anlagenbau', 'Gebäudetechnik', 'Agrar', 'Kläranlagen', 'Maschinenbau'];
export const COMPANY_TRADES_US = ['Water Works', 'Utilities', 'Chemicals', 'Brewing', 'Paper Mills', 'Plant Engineering', 'Building Services', 'Farms', 'Wastewater', 'Machinery'];
export const LEGAL_FORMS_DE = ['GmbH', 'AG', 'GmbH & Co. KG', 'KG'];
export const LEGAL_FORMS_US = ['Inc.', 'LLC', 'Corp.', 'Co.'];
/** SAP industry keys (BRSCH) matching the trades above. */
export const INDUSTRIES = ['0001', '0001', '0002', '0003', '0004', '0005', '0006', '0007', '0001', '0005'];

export const CITIES_DE: [string, string, string][] = [
  ['Hamburg', '20095', '02'], ['Berlin', '10115', '11'], ['München', '80331', '09'], ['Köln', '50667', '05'],
  ['Frankfurt am Main', '60311', '06'], ['Stuttgart', '70173', '08'], ['Düsseldorf', '40213', '05'], ['Leipzig', '04109', '13'],
  ['Bremen', '28195', '04'], ['Hannover', '30159', '03'], ['Nürnberg', '90402', '09'], ['Dresden', '01067', '13'],
];
export const CITIES_US: [string, string, string][] = [
  ['Chicago', '60601', 'IL'], ['Houston', '77002', 'TX'], ['Denver', '80202', 'CO'], ['Atlanta', '30303', 'GA'],
  ['Seattle', '98101', 'WA'], ['Boston', '02108', 'MA'], ['Phoenix', '85004', 'AZ'], ['Minneapolis', '55401', 'MN'],
  ['Pittsburgh', '15222', 'PA'], ['Portland', '97204', 'OR'], ['Detroit', '48226', 'MI'], ['Nashville', '37219', 'TN'],
];
export const STREETS_DE = ['Hauptstraße', 'Industriestraße', 'Bahnhofstraße', 'Am Hafen', 'Gewerbering', 'Werkstraße', 'Lindenallee', 'Kanalweg'];
export const STREETS_US = ['Main Street', 'Industrial Parkway', 'Commerce Drive', 'Harbor Road', 'Lake Avenue', 'Mill Street', 'Oak Boulevard', 'River Road'];

export const FIRST_NAMES_DE = ['Anna', 'Lukas', 'Sophie', 'Jonas', 'Marie', 'Felix', 'Laura', 'Paul', 'Julia', 'Tim', 'Katrin', 'Stefan'];
export const FIRST_NAMES_US = ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Mia', 'Ethan', 'Grace', 'Mason', 'Chloe', 'Ryan'];
export const LAST_NAMES_DE = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter'];
export const LAST_NAMES_US = ['Smith', 'Johnson', 'Brown', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Clark', 'Lewis'];

/** Contact person departments (KNVK-ABTNR) and functions (KNVK-PAFKT), SAP's standard keys. */
export const DEPARTMENTS = ['0002', '0002', '0003', '0004', '0007'];
export const FUNCTIONS = ['02', '02', '03', '04', '01'];

export interface ProductLine {
  division: string;
  materialGroup: string;
  materialType: string;
  itemCategoryGroup: string;
  baseUnit: string;
  names: [string, string][];
  /** Price range per base unit, in EUR. */
  price: [number, number];
  /** Net weight range per base unit, in KG. */
  weight: [number, number];
}

/** The sandbox company's products: [English description, German description]. */
export const PRODUCT_LINES: ProductLine[] = [
  {
    division: '01', materialGroup: '001', materialType: 'FERT', itemCategoryGroup: 'NORM', baseUnit: 'ST', price: [850, 14_500], weight: [18, 420],
    names: [['Centrifugal pump', 'Kreiselpumpe'], ['Submersible pump', 'Tauchpumpe'], ['Inline pump', 'Inlinepumpe'], ['Booster set', 'Druckerhöhungsanlage'], ['Dosing pump', 'Dosierpumpe'], ['Well pump', 'Brunnenpumpe']],
  },
  {
    division: '02', materialGroup: '002', materialType: 'FERT', itemCategoryGroup: 'NORM', baseUnit: 'ST', price: [420, 9_800], weight: [12, 310],
    names: [['Induction motor', 'Drehstrommotor'], ['Frequency converter', 'Frequenzumrichter'], ['Gear motor', 'Getriebemotor'], ['Soft starter', 'Sanftanlasser']],
  },
  {
    division: '01', materialGroup: '003', materialType: 'HAWA', itemCategoryGroup: 'NORM', baseUnit: 'ST', price: [12, 640], weight: [0.2, 9],
    names: [['Mechanical seal kit', 'Gleitringdichtungssatz'], ['Impeller', 'Laufrad'], ['Bearing set', 'Lagersatz'], ['Coupling', 'Kupplung'], ['Pressure sensor', 'Drucksensor'], ['Gasket set', 'Dichtungssatz']],
  },
  {
    division: '01', materialGroup: '004', materialType: 'HAWA', itemCategoryGroup: 'NORM', baseUnit: 'KG', price: [4, 38], weight: [1, 1],
    names: [['Lubricating grease', 'Schmierfett'], ['Sealing compound', 'Dichtmasse']],
  },
];

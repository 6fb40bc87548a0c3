/**
 * What the form preview's server hands the browser host on every page, as JSON inside the page:
 * who is signed in, where the Web API and the token endpoint are, the tables the page reads, and
 * for a form its columns, subgrids and the controls to host. Types only: compiled for Node (the
 * router writes it) and for the browser (the host reads it).
 */

/** The languages the preview offers: English (United States) and German (Germany). */
export type LanguageId = 1033 | 1031;

export interface PreviewUser {
  /** Key of the sandbox persona (identities.ts). */
  personaKey: string;
  systemUserId: string;
  fullName: string;
  /** Entra sign-in name. */
  username: string;
  languageId: LanguageId;
  /** Ids of the user's Dataverse security roles. */
  securityRoles: string[];
}

export interface TableModel {
  logicalName: string;
  entitySetName: string;
  primaryIdAttribute: string;
  primaryNameAttribute: string;
}

export interface OptionModel {
  value: number;
  label: string;
}

/** A column as the form shows it: Dataverse's metadata of the column and the form's label for it. */
export interface ColumnModel {
  logicalName: string;
  /** Dataverse's AttributeType: String, Memo, Money, Lookup, Picklist … */
  type: string;
  label: string;
  requiredLevel: 'None' | 'Recommended' | 'ApplicationRequired' | 'SystemRequired';
  /** Whether the user may change it on the form (and Dataverse accepts it in an update). */
  editable: boolean;
  maxLength?: number;
  format?: string;
  dateTimeBehavior?: string;
  minValue?: number;
  maxValue?: number;
  precision?: number;
  options?: OptionModel[];
  targets?: string[];
  defaultValue?: number | boolean;
}

/** One property of a control's manifest, and what the form layout gives it. */
export interface ControlPropertyModel {
  name: string;
  /** The manifest's of-type, e.g. SingleLine.Text, Currency, Lookup.Simple. */
  ofType: string;
  usage: 'bound' | 'input' | 'output';
  required: boolean;
  /** A bound property's column on the form's table. */
  column?: string;
  /** An input property's static value from the form layout. */
  staticValue?: string;
}

/** A platform library a virtual control uses, as the PCF runtime provides it. */
export interface PlatformLibraryModel {
  /** React or Fluent. */
  name: string;
  /** The global the control's bundle reads (webpack external), e.g. Reactv16, FluentUIReactv81211. */
  alias: string;
  /** The global the scripts define, when the alias must be made to point at it (React → Reactv16). */
  definesGlobal?: string;
  /** Scripts to load in order. */
  scripts: string[];
  /** Where the library's icon fonts are (window.FabricConfig.iconBaseUrl), ending in a slash. */
  iconBaseUrl?: string;
}

export interface ControlSlotModel {
  /** Id of the element the control renders into. */
  slotId: string;
  label: string;
  /** namespace.constructor: the name the bundle registers with ComponentFramework.registerControl. */
  controlName: string;
  /** A virtual control returns React elements from updateView; a standard one renders into a container. */
  controlType: 'virtual' | 'standard';
  bundleUrl: string;
  cssUrls: string[];
  platformLibraries: PlatformLibraryModel[];
  properties: ControlPropertyModel[];
  /** The control's strings for the user's language (its .resx), English where that language lacks one. */
  strings: Record<string, string>;
  /** Other manifest resources (images, html) by path, for context.resources.getResource. */
  resources: Record<string, string>;
  disabled: boolean;
}

/** A slot whose control cannot be hosted, and why (not built, a layout binding that does not fit its manifest). */
export interface ControlProblemModel {
  slotId: string;
  label: string;
  problem: string;
}

export interface WebApiModel {
  /** The Web API's service root on this origin, ending in a slash. */
  serviceRoot: string;
  /** The preview's token endpoint for the Dataverse resource. */
  tokenUrl: string;
}

export interface ViewColumnModel {
  column: ColumnModel;
  /** The record's link opens the form. */
  isPrimary: boolean;
}

/** A list of records on the home page (a CRM view): what it reads and shows. */
export interface ViewModel {
  id: string;
  title: string;
  table: string;
  columns: ViewColumnModel[];
  /** OData $filter of the view, if any. */
  filter?: string;
  orderBy: string;
  /** The table has a currency lookup (transactioncurrencyid) its amounts are in. */
  hasCurrency: boolean;
  /** Path of the record's form: /accounts/ or /quotes/. */
  formPath: string;
}

export interface SubgridModel {
  id: string;
  table: string;
  /** The table has a currency lookup (transactioncurrencyid) its amounts are in. */
  hasCurrency: boolean;
  /** The lookup column on the subgrid's table that points at the form's record. */
  parentColumn: string;
  columns: ColumnModel[];
  orderBy: string;
}

/** What the host says on the page, in the user's language; {0} marks where a value goes. */
export interface HostMessages {
  loading: string;
  noRecords: string;
  loadMore: string;
  /** {0}: Dataverse's message. */
  recordUnavailable: string;
  /** {0}: Dataverse's message. */
  readFailed: string;
  saved: string;
  /** {0}: Dataverse's message. */
  saveFailed: string;
  unsavedChanges: string;
  signInRequired: string;
  /** {0}: the control's label; what went wrong is logged to the console. */
  controlFailed: string;
  /** Buttons and title of the dialogs context.navigation opens. */
  dialogOk: string;
  dialogCancel: string;
  dialogError: string;
  discardChanges: string;
}

interface PageModelBase {
  user: PreviewUser;
  messages: HostMessages;
  webApi: WebApiModel;
  /** The tables the page reads, by logical name. */
  tables: Record<string, TableModel>;
}

export interface HomePageModel extends PageModelBase {
  page: 'home';
  views: ViewModel[];
}

export interface FormPageModel extends PageModelBase {
  page: 'form';
  table: string;
  recordId: string;
  /** Every column the form shows or binds, by logical name. */
  columns: Record<string, ColumnModel>;
  subgrids: SubgridModel[];
  controls: ControlSlotModel[];
  problems: ControlProblemModel[];
}

export type PageModel = HomePageModel | FormPageModel;

/** Id of the <script type="application/json"> element that holds the page model. */
export const PAGE_MODEL_ELEMENT_ID = 'ecc365-preview-model';

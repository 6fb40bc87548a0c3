/**
 * The shapes of what the preview lays out: a form (header fields, tabs, sections, fields,
 * subgrids and which control sits where, bound to which column), read from the solution's form
 * XML (formXmlLayout.ts), and the home page's views (homeViews.ts).
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

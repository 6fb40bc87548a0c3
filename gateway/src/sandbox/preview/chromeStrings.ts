/** The preview's own words (app bar, command bar, sign-in, messages) in its two languages. */

import type { HostMessages, LanguageId } from './shared/pageModel.js';

const EN = {
  appName: 'ecc365 Sales',
  sandboxBadge: 'Sandbox form preview',
  siteMap: 'Site map',
  home: 'Home',
  accounts: 'Accounts',
  quotes: 'Quotes',
  language: 'Language',
  apply: 'Apply',
  signedInAs: 'Signed in as',
  switchPersona: 'Switch',
  signOut: 'Sign out',
  signInTitle: 'Choose who you are',
  signInIntro:
    'The sandbox has one Microsoft Entra tenant with these sales people. Sign in as one of them: the forms then show what Dynamics 365 shows that person, and the SAP panels call the gateway with their token.',
  signInAs: 'Sign in as {0}',
  commandBar: 'Commands',
  back: 'Back',
  refresh: 'Refresh',
  save: 'Save',
  formTabs: 'Form tabs',
  loading: 'Loading…',
  notFound: 'Not found',
  notFoundText: 'The preview has no page at this address.',
  formUnavailable: 'Form unavailable',
  formUnavailableText: 'The form could not be read from Dataverse: {0}',
  controlProblem: 'This control cannot be shown: {0}',
  missingColumn: 'The simulated Dataverse has no column {0}.',
  views: 'Views',
  noRecords: 'No records to show.',
  loadMore: 'Load more',
  recordUnavailable: 'Dataverse does not let you read this record; the SAP panels below still ask the gateway, which checks your access itself. Dataverse said: {0}',
  readFailed: 'The records could not be read: {0}',
  saved: 'Saved.',
  saveFailed: 'Your changes were not saved: {0}',
  unsavedChanges: 'Unsaved changes',
  signInRequired: 'Your preview session has ended: choose a persona to sign in again.',
  controlFailed: '{0} failed to load; the browser console says why.',
  dialogOk: 'OK',
  dialogCancel: 'Cancel',
  dialogError: 'Error',
  discardChanges: 'Refreshing discards your unsaved changes.',
} as const;

export type ChromeStrings = { readonly [Key in keyof typeof EN]: string };

const DE: ChromeStrings = {
  appName: 'ecc365 Vertrieb',
  sandboxBadge: 'Formularvorschau der Sandbox',
  siteMap: 'Siteübersicht',
  home: 'Startseite',
  accounts: 'Firmen',
  quotes: 'Angebote',
  language: 'Sprache',
  apply: 'Übernehmen',
  signedInAs: 'Angemeldet als',
  switchPersona: 'Wechseln',
  signOut: 'Abmelden',
  signInTitle: 'Wählen Sie, wer Sie sind',
  signInIntro:
    'Die Sandbox hat einen Microsoft-Entra-Mandanten mit diesen Vertriebsmitarbeitern. Melden Sie sich als einer von ihnen an: Die Formulare zeigen dann, was Dynamics 365 dieser Person zeigt, und die SAP-Bereiche rufen das Gateway mit ihrem Token auf.',
  signInAs: 'Als {0} anmelden',
  commandBar: 'Befehle',
  back: 'Zurück',
  refresh: 'Aktualisieren',
  save: 'Speichern',
  formTabs: 'Formularregisterkarten',
  loading: 'Wird geladen…',
  notFound: 'Nicht gefunden',
  notFoundText: 'Unter dieser Adresse hat die Vorschau keine Seite.',
  formUnavailable: 'Formular nicht verfügbar',
  formUnavailableText: 'Das Formular konnte nicht aus Dataverse gelesen werden: {0}',
  controlProblem: 'Dieses Steuerelement kann nicht angezeigt werden: {0}',
  missingColumn: 'Das simulierte Dataverse hat keine Spalte {0}.',
  views: 'Ansichten',
  noRecords: 'Keine Datensätze vorhanden.',
  loadMore: 'Weitere laden',
  recordUnavailable: 'Dataverse lässt Sie diesen Datensatz nicht lesen; die SAP-Bereiche unten fragen trotzdem das Gateway, das Ihren Zugriff selbst prüft. Dataverse meldete: {0}',
  readFailed: 'Die Datensätze konnten nicht gelesen werden: {0}',
  saved: 'Gespeichert.',
  saveFailed: 'Ihre Änderungen wurden nicht gespeichert: {0}',
  unsavedChanges: 'Nicht gespeicherte Änderungen',
  signInRequired: 'Ihre Vorschausitzung ist beendet: Wählen Sie eine Persona, um sich erneut anzumelden.',
  controlFailed: '{0} konnte nicht geladen werden; die Browserkonsole nennt den Grund.',
  dialogOk: 'OK',
  dialogCancel: 'Abbrechen',
  dialogError: 'Fehler',
  discardChanges: 'Beim Aktualisieren gehen Ihre nicht gespeicherten Änderungen verloren.',
};

export function chromeStrings(languageId: LanguageId): ChromeStrings {
  return languageId === 1031 ? DE : EN;
}

export function hostMessages(strings: ChromeStrings): HostMessages {
  const { loading, noRecords, loadMore, recordUnavailable, readFailed, saved, saveFailed, unsavedChanges, signInRequired, controlFailed, dialogOk, dialogCancel, dialogError, discardChanges } = strings;
  return { loading, noRecords, loadMore, recordUnavailable, readFailed, saved, saveFailed, unsavedChanges, signInRequired, controlFailed, dialogOk, dialogCancel, dialogError, discardChanges };
}

export const fillIn = (template: string, value: string): string => template.replace('{0}', value);

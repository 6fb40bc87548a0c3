/**
 * The preview's pages as HTML, in the look of a Dynamics 365 model-driven app: app bar with the
 * persona and language switches, site map, command bar, form header, tabs, sections, fields,
 * subgrids and the slots the controls render into. The server writes the structure and labels;
 * the browser host fills in the record's values and hosts the controls. Forms work with the
 * keyboard (tabs follow the WAI-ARIA tabs pattern) and name every region for screen readers.
 */

import { SANDBOX_PERSONAS, type SandboxPersona } from '../identities.js';
import { chromeStrings, fillIn, type ChromeStrings } from './chromeStrings.js';
import type { Cell, FormLayout, SectionLayout, SubgridCell } from './formLayouts.js';
import { html, jsonForScript, type Html } from './html.js';
import { slotIdOf } from './pageModels.js';
import { LANGUAGES } from './session.js';
import { PAGE_MODEL_ELEMENT_ID, type ColumnModel, type FormPageModel, type HomePageModel, type LanguageId, type PageModel } from './shared/pageModel.js';

/** Where the page's own assets are served. */
export interface PageAssets {
  stylesheet: string;
  hostScript: string;
  signInAction: string;
  signOutAction: string;
  languageAction: string;
}

export interface PageFrame {
  title: string;
  languageId: LanguageId;
  persona: SandboxPersona | undefined;
  /** The page's own path: where the switches return to. */
  path: string;
  assets: PageAssets;
}

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');

function appBar(frame: PageFrame, strings: ChromeStrings): Html {
  const { persona, languageId, path, assets } = frame;
  return html`<header class="app-bar">
  <a class="app-name" href="/"><span class="product">Dynamics 365</span><span class="divider" aria-hidden="true">|</span>${strings.appName}</a>
  <span class="sandbox-badge">${strings.sandboxBadge}</span>
  <div class="app-bar-tools">
    <form class="switch" method="post" action="${assets.languageAction}">
      <input type="hidden" name="returnTo" value="${path}">
      <label for="language-switch">${strings.language}</label>
      <select id="language-switch" name="language">
        ${LANGUAGES.map((language) => html`<option value="${language.id}"${language.id === languageId ? html` selected` : ''}>${language.name}</option>`)}
      </select>
      <button type="submit">${strings.apply}</button>
    </form>
    ${persona
      ? html`<form class="switch" method="post" action="${assets.signInAction}">
      <input type="hidden" name="returnTo" value="${path}">
      <label for="persona-switch">${strings.signedInAs}</label>
      <select id="persona-switch" name="persona">
        ${SANDBOX_PERSONAS.map((candidate) => html`<option value="${candidate.key}"${candidate.key === persona.key ? html` selected` : ''}>${candidate.fullName}</option>`)}
      </select>
      <button type="submit">${strings.switchPersona}</button>
    </form>
    <form class="switch" method="post" action="${assets.signOutAction}"><button type="submit">${strings.signOut}</button></form>
    <span class="avatar" title="${persona.fullName}" aria-hidden="true">${initials(persona.fullName)}</span>`
      : ''}
  </div>
</header>`;
}

function siteMap(strings: ChromeStrings): Html {
  return html`<nav class="site-map" aria-label="${strings.siteMap}">
  <ul>
    <li><a href="/">${strings.home}</a></li>
    <li><a href="/#view-accounts">${strings.accounts}</a></li>
    <li><a href="/#view-quotes">${strings.quotes}</a></li>
  </ul>
</nav>`;
}

export function page(frame: PageFrame, body: Html, model?: PageModel): string {
  const strings = chromeStrings(frame.languageId);
  const language = frame.languageId === 1031 ? 'de' : 'en';
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} – ${strings.appName}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${frame.assets.stylesheet}">
</head>
<body>
${appBar(frame, strings)}
<div class="shell">
${frame.persona ? siteMap(strings) : ''}
<main class="main" id="main">
${body}
</main>
</div>
${model ? html`<script type="application/json" id="${PAGE_MODEL_ELEMENT_ID}">${jsonForScript(model)}</script>
<script type="module" src="${frame.assets.hostScript}"></script>` : ''}
</body>
</html>
`.markup;
}

export function signInBody(languageId: LanguageId, returnTo: string, action: string): Html {
  const strings = chromeStrings(languageId);
  return html`<section class="sign-in" aria-labelledby="sign-in-title">
  <h1 id="sign-in-title">${strings.signInTitle}</h1>
  <p>${strings.signInIntro}</p>
  <ul class="personas">
    ${SANDBOX_PERSONAS.map(
      (persona) => html`<li>
      <form method="post" action="${action}">
        <input type="hidden" name="persona" value="${persona.key}">
        <input type="hidden" name="returnTo" value="${returnTo}">
        <button type="submit" class="persona" aria-label="${fillIn(strings.signInAs, persona.fullName)}">
          <span class="avatar" aria-hidden="true">${initials(persona.fullName)}</span>
          <span class="persona-name">${persona.fullName}</span>
          <span class="persona-title">${persona.title}</span>
          <span class="persona-user">${persona.username}</span>
        </button>
      </form>
    </li>`,
    )}
  </ul>
</section>`;
}

export function homeBody(model: HomePageModel): Html {
  const strings = chromeStrings(model.user.languageId);
  return html`<h1 class="page-title">${strings.home}</h1>
${model.views.map(
  (view) => html`<section class="view" id="view-${view.id}" aria-labelledby="view-${view.id}-title">
  <h2 id="view-${view.id}-title">${view.title}</h2>
  <div class="grid-scroll">
    <table class="grid" aria-labelledby="view-${view.id}-title">
      <thead><tr>${view.columns.map((column) => html`<th scope="col">${column.column.label}</th>`)}</tr></thead>
      <tbody data-view="${view.id}"><tr><td colspan="${view.columns.length}" class="grid-message">${strings.loading}</td></tr></tbody>
    </table>
  </div>
  <button type="button" class="load-more" data-load-more="${view.id}" hidden>${strings.loadMore}</button>
</section>`,
)}`;
}

const isTextColumn = (column: ColumnModel): boolean => column.type === 'String' || column.type === 'Memo';

function fieldCell(model: FormPageModel, column: string, label: string, strings: ChromeStrings): Html {
  const metadata = model.columns[column];
  const labelId = `label-${column}`;
  if (!metadata) {
    return html`<div class="field"><span class="field-label" id="${labelId}">${label}</span><div class="field-value field-missing" aria-labelledby="${labelId}">${fillIn(strings.missingColumn, column)}</div></div>`;
  }
  const required = metadata.requiredLevel === 'ApplicationRequired' || metadata.requiredLevel === 'SystemRequired';
  if (metadata.editable && isTextColumn(metadata)) {
    const control =
      metadata.type === 'Memo'
        ? html`<textarea id="field-${column}" data-column="${column}" rows="3"${metadata.maxLength !== undefined ? html` maxlength="${metadata.maxLength}"` : ''}${required ? html` aria-required="true"` : ''} disabled></textarea>`
        : html`<input id="field-${column}" type="text" data-column="${column}"${metadata.maxLength !== undefined ? html` maxlength="${metadata.maxLength}"` : ''}${required ? html` aria-required="true"` : ''} disabled>`;
    return html`<div class="field"><label class="field-label" for="field-${column}">${label}${required ? html`<span class="required" aria-hidden="true">*</span>` : ''}</label>${control}</div>`;
  }
  return html`<div class="field"><span class="field-label" id="${labelId}">${label}</span><div class="field-value" data-column="${column}" aria-labelledby="${labelId}"></div></div>`;
}

function subgrid(model: FormPageModel, cell: SubgridCell, label: string, strings: ChromeStrings): Html {
  const grid = model.subgrids.find((candidate) => candidate.id === cell.id);
  const columns = grid?.columns ?? [];
  return html`<div class="grid-scroll">
  <table class="grid" id="subgrid-${cell.id}">
    <caption class="visually-hidden">${label}</caption>
    <thead><tr>${columns.map((column) => html`<th scope="col"${column.type === 'Money' || column.type === 'Decimal' || column.type === 'Integer' ? html` class="number"` : ''}>${column.label}</th>`)}</tr></thead>
    <tbody data-subgrid="${cell.id}"><tr><td colspan="${Math.max(columns.length, 1)}" class="grid-message">${strings.loading}</td></tr></tbody>
  </table>
</div>`;
}

function cellMarkup(model: FormPageModel, cell: Cell, section: SectionLayout, strings: ChromeStrings): Html {
  const language = model.user.languageId;
  if (cell.kind === 'field') return fieldCell(model, cell.column, cell.label[language], strings);
  if (cell.kind === 'subgrid') return subgrid(model, cell, section.label[language], strings);
  const slotId = slotIdOf(cell);
  const problem = model.problems.find((candidate) => candidate.slotId === slotId);
  if (problem) {
    return html`<div class="control-cell"><div class="control-problem" id="${slotId}" role="note" aria-label="${problem.label}"><strong>${problem.label}</strong><p>${fillIn(strings.controlProblem, problem.problem)}</p></div></div>`;
  }
  // The control names its own content; the slot only holds it.
  return html`<div class="control-cell"><div class="control-slot" id="${slotId}" data-control="${cell.control}"></div></div>`;
}

export function formBody(model: FormPageModel, layout: FormLayout): Html {
  const strings = chromeStrings(model.user.languageId);
  const language = model.user.languageId;
  const [firstTab] = layout.tabs;
  return html`<div class="command-bar" role="toolbar" aria-label="${strings.commandBar}">
  <a class="command" href="/"><span aria-hidden="true">←</span> ${strings.back}</a>
  <button type="button" class="command" data-command="save" disabled>${strings.save}</button>
  <button type="button" class="command" data-command="refresh">${strings.refresh}</button>
  <span class="dirty-flag" data-dirty-flag hidden>${strings.unsavedChanges}</span>
</div>
<div class="notifications" id="form-notifications" role="status" aria-live="polite"></div>
<header class="form-header">
  <div class="entity-image" aria-hidden="true" data-initials></div>
  <div class="form-title">
    <h1 data-primary-name>${strings.loading}</h1>
    <p class="form-type">${layout.tableLabel[language]}</p>
  </div>
  <dl class="header-fields">
    ${layout.headerFields.map(
      (field) =>
        html`<div><dt>${field.label[language]}</dt>${model.columns[field.column] ? html`<dd data-column="${field.column}"></dd>` : html`<dd class="field-missing">${fillIn(strings.missingColumn, field.column)}</dd>`}</div>`,
    )}
  </dl>
</header>
<div class="tabs" role="tablist" aria-label="${strings.formTabs}">
  ${layout.tabs.map(
    (tab) =>
      html`<button type="button" role="tab" id="tab-${tab.id}" aria-controls="panel-${tab.id}" aria-selected="${tab === firstTab ? 'true' : 'false'}" tabindex="${tab === firstTab ? '0' : '-1'}">${tab.label[language]}</button>`,
  )}
</div>
${layout.tabs.map(
  (tab) => html`<div class="tab-panel" role="tabpanel" id="panel-${tab.id}" aria-labelledby="tab-${tab.id}" tabindex="0"${tab === firstTab ? '' : html` hidden`}>
  ${tab.sections.map(
    (section) => html`<section class="form-section${section.wide ? ' wide' : ''}" aria-labelledby="section-${section.id}">
    <h2 id="section-${section.id}"${section.showLabel === false ? html` class="visually-hidden"` : ''}>${section.label[language]}</h2>
    <div class="section-body">${section.cells.map((cell) => cellMarkup(model, cell, section, strings))}</div>
  </section>`,
  )}
</div>`,
)}`;
}

export function formUnavailableBody(languageId: LanguageId, reason: string): Html {
  const strings = chromeStrings(languageId);
  return html`<section class="not-found" role="alert"><h1>${strings.formUnavailable}</h1><p>${fillIn(strings.formUnavailableText, reason)}</p><p><a href="/">${strings.home}</a></p></section>`;
}

export function notFoundBody(languageId: LanguageId): Html {
  const strings = chromeStrings(languageId);
  return html`<section class="not-found"><h1>${strings.notFound}</h1><p>${strings.notFoundText}</p><p><a href="/">${strings.home}</a></p></section>`;
}

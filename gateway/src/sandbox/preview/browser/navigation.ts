/**
 * context.navigation in the preview: alert, confirm and error dialogs as modal <dialog> elements
 * (focus moves into them and Escape closes them, as in Dynamics 365), URLs in a new tab, and
 * opening the account and quote forms the preview has. Files and web resources are not there.
 */

import { unsupported } from './unsupported.js';

export interface NavigationLabels {
  ok: string;
  cancel: string;
  error: string;
}

/** Forms the preview can open: table → path of its form. */
export type FormPaths = Readonly<Record<string, string>>;

function openDialog(title: string | undefined, text: string, buttons: { label: string; primary: boolean; value: boolean }[]): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'preview-dialog';
    if (title) {
      const heading = document.createElement('h2');
      heading.id = `dialog-title-${Date.now()}`;
      heading.textContent = title;
      dialog.setAttribute('aria-labelledby', heading.id);
      dialog.append(heading);
    }
    const message = document.createElement('p');
    message.textContent = text;
    dialog.append(message);
    const row = document.createElement('div');
    row.className = 'dialog-buttons';
    for (const button of buttons) {
      const element = document.createElement('button');
      element.type = 'button';
      element.textContent = button.label;
      if (button.primary) element.className = 'primary';
      element.addEventListener('click', () => {
        dialog.close();
        resolve(button.value);
      });
      row.append(element);
    }
    dialog.append(row);
    dialog.addEventListener('cancel', () => resolve(false));
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  });
}

export function createNavigation(labels: NavigationLabels, formPaths: FormPaths): ComponentFramework.Navigation {
  return {
    openAlertDialog: async (strings) => {
      await openDialog(undefined, strings.text, [{ label: strings.confirmButtonLabel ?? labels.ok, primary: true, value: true }]);
    },
    openConfirmDialog: async (strings) => {
      const text = strings.subtitle ? `${strings.subtitle}\n\n${strings.text}` : strings.text;
      const confirmed = await openDialog(strings.title, text, [
        { label: strings.confirmButtonLabel ?? labels.ok, primary: true, value: true },
        { label: strings.cancelButtonLabel ?? labels.cancel, primary: false, value: false },
      ]);
      return { confirmed };
    },
    openErrorDialog: async (options) => {
      const code = options.errorCode !== undefined ? ` (${options.errorCode})` : '';
      await openDialog(labels.error, `${options.message ?? ''}${code}${options.details ? `\n\n${options.details}` : ''}`, [{ label: labels.ok, primary: true, value: true }]);
    },
    openUrl: (url) => {
      window.open(url, '_blank', 'noopener');
    },
    openForm: async (options) => {
      const path = formPaths[options.entityName];
      if (path === undefined || !options.entityId) throw new Error(`The form preview opens saved accounts and quotes only; it has no form for ${options.entityName}${options.entityId ? '' : ' without an id'}.`);
      const url = `${path}${options.entityId.replace(/[{}]/g, '').toLowerCase()}`;
      if (options.openInNewWindow) window.open(url, '_blank', 'noopener');
      else window.location.assign(url);
      return { savedEntityReference: [] };
    },
    openFile: unsupported('context.navigation.openFile'),
    openWebResource: unsupported('context.navigation.openWebResource'),
  };
}

/**
 * The parts of the ComponentFramework context every control on a page shares: the signed-in
 * persona's userSettings, formatting in their formats, webAPI as them, navigation, client, and
 * what the preview does not provide (device, popups, entity metadata, copilot), which throws
 * naming the API. A control's own parts (parameters, mode, resources, factory) are added by
 * controlHost.ts.
 */

import type { PreviewUser } from '../shared/pageModel.js';
import type { Culture } from './cultures.js';
import { unsupported, unsupportedApi } from './unsupported.js';

export interface SharedContext {
  client: ComponentFramework.Client;
  device: ComponentFramework.Device;
  formatting: ComponentFramework.Formatting;
  navigation: ComponentFramework.Navigation;
  userSettings: ComponentFramework.UserSettings;
  utils: ComponentFramework.Utility;
  webAPI: ComponentFramework.WebApi;
  copilot: ComponentFramework.Copilot;
}

/** userSettings as Dynamics 365 gives it: the user's id in braces, their full name, language, formats and time zone. */
export function userSettingsOf(user: PreviewUser, culture: Culture): ComponentFramework.UserSettings {
  const settings: ComponentFramework.UserSettings & { locale: string } = {
    userId: `{${user.systemUserId.toUpperCase()}}`,
    userName: user.fullName,
    languageId: user.languageId,
    locale: culture.name,
    isRTL: false,
    securityRoles: [...user.securityRoles],
    numberFormattingInfo: culture.number,
    dateFormattingInfo: culture.date,
    // The preview's user time zone is the browser's.
    getTimeZoneOffsetMinutes: (date) => -(date ?? new Date()).getTimezoneOffset(),
  };
  return settings;
}

export function createSharedContext(parts: {
  user: PreviewUser;
  culture: Culture;
  formatting: ComponentFramework.Formatting;
  webAPI: ComponentFramework.WebApi;
  navigation: ComponentFramework.Navigation;
}): SharedContext {
  return {
    client: {
      disableScroll: false,
      getClient: () => 'Web',
      getFormFactor: () => 1,
      isOffline: () => false,
      isNetworkAvailable: () => navigator.onLine,
    },
    device: unsupportedApi<ComponentFramework.Device>('context.device'),
    formatting: parts.formatting,
    navigation: parts.navigation,
    userSettings: userSettingsOf(parts.user, parts.culture),
    utils: {
      getEntityMetadata: unsupported('context.utils.getEntityMetadata'),
      hasEntityPrivilege: unsupported('context.utils.hasEntityPrivilege'),
      lookupObjects: unsupported('context.utils.lookupObjects'),
    },
    webAPI: parts.webAPI,
    copilot: unsupportedApi<ComponentFramework.Copilot>('context.copilot'),
  };
}

/**
 * PCF glue shared by the controls: the gateway client a control hands to its view, built from
 * the solution's environment variables (read as the user through context.webAPI) and the token
 * source they select. Nothing is read until the view's first request.
 */

import { createMsalTokenSource } from '../auth/msalTokenSource';
import { createSandboxTokenSource } from '../auth/sandboxTokenSource';
import type { TokenSource } from '../auth/tokenSource';
import { loadGatewaySettings, type GatewaySettings } from '../config/environmentVariables';
import { createGatewayClient, type GatewayClient } from '../gateway/gatewayClient';
import { localeOf } from './userLocale';

/** The MSAL redirect bridge page: an HTML web resource of the ecc365 solution, on the Dynamics 365 origin. */
// eslint-disable-next-line @microsoft/power-apps/use-cached-webresource -- Entra ID redirects to this exact registered URL; the browser's cache plays no part.
export const MSAL_REDIRECT_PATH = '/WebResources/ecc_/controls/msal-redirect.html';

export function createControlGateway(context: ComponentFramework.Context<unknown>): GatewayClient {
  return createGatewayClient({
    connect: async () => {
      const settings = await loadGatewaySettings(context.webAPI);
      return { baseUrl: settings.gatewayUrl, tokens: tokenSourceFor(settings, context.userSettings.userName) };
    },
    language: localeOf(context.userSettings.languageId),
  });
}

function tokenSourceFor(settings: GatewaySettings, userName: string): TokenSource {
  if (settings.authMode === 'sandbox') return createSandboxTokenSource({ gatewayUrl: settings.gatewayUrl });
  return createMsalTokenSource({
    tenantId: settings.tenantId,
    controlsClientId: settings.controlsClientId,
    gatewayApplicationId: settings.gatewayApplicationId,
    loginHint: userName,
    redirectUri: `${window.location.origin}${MSAL_REDIRECT_PATH}`,
  });
}

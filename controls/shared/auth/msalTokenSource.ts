/**
 * Tokens in Dynamics 365 (authMode msal): the controls' single-page-application registration
 * signs the user in silently with the Dynamics 365 session's user as login hint (ssoSilent in a
 * hidden iframe), then takes access tokens for the gateway's API from MSAL's in-memory cache,
 * renewing them silently. Only when Entra ID says the user must interact (consent, MFA, a new
 * sign-in) does it ask for a popup, and only from the user's click (signIn). docs/controls.md
 * describes the app registrations this needs.
 */

import {
  BrowserCacheLocation,
  createStandardPublicClientApplication,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { GatewayError } from '../gateway/gatewayError';
import type { TokenSource } from './tokenSource';

export interface MsalSettings {
  tenantId: string;
  /** The controls' SPA registration. */
  controlsClientId: string;
  /** The gateway's registration: application (client) id or Application ID URI. */
  gatewayApplicationId: string;
  /** The signed-in Dynamics 365 user's sign-in name (context.userSettings.userName). */
  loginHint: string;
  /** The redirect bridge page (a web resource of the solution on the Dynamics 365 origin). */
  redirectUri: string;
}

/** The part of MSAL's application this uses. */
export type MsalApplication = Pick<IPublicClientApplication, 'ssoSilent' | 'acquireTokenSilent' | 'acquireTokenPopup' | 'getActiveAccount' | 'setActiveAccount'>;

export type MsalApplicationFactory = (configuration: Configuration) => Promise<MsalApplication>;

/** The scope of an access token for the gateway: every delegated permission consented for the controls' registration. */
export function gatewayScope(gatewayApplicationId: string): string {
  const resource = gatewayApplicationId.includes('://') ? gatewayApplicationId.replace(/\/+$/, '') : `api://${gatewayApplicationId}`;
  return `${resource}/.default`;
}

export function msalConfiguration(settings: MsalSettings): Configuration {
  return {
    auth: {
      clientId: settings.controlsClientId,
      authority: `https://login.microsoftonline.com/${encodeURIComponent(settings.tenantId)}`,
      redirectUri: settings.redirectUri,
    },
    // Tokens stay in this page's memory: nothing is written to the browser's storage.
    cache: { cacheLocation: BrowserCacheLocation.MemoryStorage },
  };
}

export function createMsalTokenSource(settings: MsalSettings, createApplication: MsalApplicationFactory = createStandardPublicClientApplication): TokenSource {
  const scopes = [gatewayScope(settings.gatewayApplicationId)];
  let application: Promise<MsalApplication> | undefined;

  function app(): Promise<MsalApplication> {
    application ??= createApplication(msalConfiguration(settings)).catch((error: unknown) => {
      application = undefined;
      throw signInFailed(error);
    });
    return application;
  }

  function remember(msal: MsalApplication, result: AuthenticationResult): string {
    if (result.account) msal.setActiveAccount(result.account);
    return result.accessToken;
  }

  async function silently(msal: MsalApplication, account: AccountInfo | null): Promise<string> {
    try {
      const result = account
        ? await msal.acquireTokenSilent({ scopes, account })
        : await msal.ssoSilent({ scopes, loginHint: settings.loginHint });
      return remember(msal, result);
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) {
        throw new GatewayError('signInRequired', 'SIGN_IN_REQUIRED', 'Sign in to load SAP data: Microsoft Entra ID needs you to confirm your sign-in.', { cause: error });
      }
      throw signInFailed(error);
    }
  }

  return {
    async getToken() {
      const msal = await app();
      return silently(msal, msal.getActiveAccount());
    },
    async signIn() {
      const msal = await app();
      try {
        remember(msal, await msal.acquireTokenPopup({ scopes, loginHint: settings.loginHint }));
      } catch (error) {
        throw signInFailed(error);
      }
    },
  };
}

function signInFailed(error: unknown): GatewayError {
  const reason = error instanceof Error ? error.message : String(error);
  return new GatewayError('signInFailed', 'SIGN_IN_FAILED', `Signing in for the SAP gateway failed: ${reason}`, { cause: error });
}

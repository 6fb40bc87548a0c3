import { InteractionRequiredAuthError, type AccountInfo, type AuthenticationResult } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { createMsalTokenSource, gatewayScope, msalConfiguration, type MsalApplication, type MsalSettings } from './msalTokenSource';

const SETTINGS: MsalSettings = {
  tenantId: '6f1c4a9e-3b2d-4e8a-9c71-0e5d2f4a8b13',
  controlsClientId: '5d2f1c8a-3b4e-4f6a-8c9d-0e1f2a3b4c5d',
  gatewayApplicationId: '0b8e6d0e-7a1c-4c55-9a43-2d1f6f0f6a11',
  loginHint: 'anna.becker@contoso.com',
  redirectUri: 'https://contoso.crm4.dynamics.com/WebResources/ecc_/controls/msal-redirect.html',
};

const ANNA = { homeAccountId: 'anna-home', username: 'anna.becker@contoso.com' } as AccountInfo;

function result(accessToken: string): AuthenticationResult {
  return { accessToken, account: ANNA } as AuthenticationResult;
}

/** MSAL's application as far as the token source uses it, with the active account it keeps. */
function fakeMsal() {
  let active: AccountInfo | null = null;
  const application = {
    ssoSilent: vi.fn(() => Promise.resolve(result('from-sso'))),
    acquireTokenSilent: vi.fn(() => Promise.resolve(result('from-cache'))),
    acquireTokenPopup: vi.fn(() => Promise.resolve(result('from-popup'))),
    getActiveAccount: vi.fn(() => active),
    setActiveAccount: vi.fn((account: AccountInfo | null) => {
      active = account;
    }),
  };
  return application;
}

describe('MSAL token source', () => {
  it('signs in silently with the Dynamics 365 user as login hint, then takes tokens silently for the gateway scope', async () => {
    const msal = fakeMsal();
    const source = createMsalTokenSource(SETTINGS, () => Promise.resolve(msal as MsalApplication));

    await expect(source.getToken()).resolves.toBe('from-sso');
    expect(msal.ssoSilent).toHaveBeenCalledWith({ scopes: ['api://0b8e6d0e-7a1c-4c55-9a43-2d1f6f0f6a11/.default'], loginHint: 'anna.becker@contoso.com' });
    await expect(source.getToken()).resolves.toBe('from-cache');
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({ scopes: ['api://0b8e6d0e-7a1c-4c55-9a43-2d1f6f0f6a11/.default'], account: ANNA });
    expect(msal.ssoSilent).toHaveBeenCalledTimes(1);
    expect(msal.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('creates the MSAL application once', async () => {
    const msal = fakeMsal();
    const create = vi.fn(() => Promise.resolve(msal as MsalApplication));
    const source = createMsalTokenSource(SETTINGS, create);
    await Promise.all([source.getToken(), source.getToken()]);
    await source.getToken();
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(msalConfiguration(SETTINGS));
  });

  it('asks for a sign-in when Entra ID needs the user, and opens the popup only when told to', async () => {
    const msal = fakeMsal();
    msal.ssoSilent.mockRejectedValueOnce(new InteractionRequiredAuthError('interaction_required', 'AADSTS50076: MFA required'));
    const source = createMsalTokenSource(SETTINGS, () => Promise.resolve(msal as MsalApplication));

    await expect(source.getToken()).rejects.toMatchObject({ kind: 'signInRequired', code: 'SIGN_IN_REQUIRED' });
    expect(msal.acquireTokenPopup).not.toHaveBeenCalled();

    await source.signIn();
    expect(msal.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ['api://0b8e6d0e-7a1c-4c55-9a43-2d1f6f0f6a11/.default'], loginHint: 'anna.becker@contoso.com' });
    await expect(source.getToken()).resolves.toBe('from-cache');
  });

  it('reports other MSAL failures, such as a blocked popup, as a failed sign-in', async () => {
    const msal = fakeMsal();
    msal.acquireTokenPopup.mockRejectedValueOnce(new Error('popup_window_error: Error opening popup window.'));
    const source = createMsalTokenSource(SETTINGS, () => Promise.resolve(msal as MsalApplication));
    await expect(source.signIn()).rejects.toMatchObject({ kind: 'signInFailed', message: expect.stringContaining('popup_window_error') as unknown });

    msal.ssoSilent.mockRejectedValueOnce(new Error('network_error'));
    await expect(source.getToken()).rejects.toMatchObject({ kind: 'signInFailed' });
  });

  it('configures MSAL for the tenant, the redirect bridge page and an in-memory cache', () => {
    expect(msalConfiguration(SETTINGS)).toEqual({
      auth: {
        clientId: '5d2f1c8a-3b4e-4f6a-8c9d-0e1f2a3b4c5d',
        authority: 'https://login.microsoftonline.com/6f1c4a9e-3b2d-4e8a-9c71-0e5d2f4a8b13',
        redirectUri: 'https://contoso.crm4.dynamics.com/WebResources/ecc_/controls/msal-redirect.html',
      },
      cache: { cacheLocation: 'memoryStorage' },
    });
  });

  it('takes the gateway scope from an application id or an Application ID URI', () => {
    expect(gatewayScope('0b8e6d0e-7a1c-4c55-9a43-2d1f6f0f6a11')).toBe('api://0b8e6d0e-7a1c-4c55-9a43-2d1f6f0f6a11/.default');
    expect(gatewayScope('https://sapgw.contoso.com/')).toBe('https://sapgw.contoso.com/.default');
  });
});

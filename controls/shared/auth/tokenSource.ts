/** Where a control's bearer token for the gateway comes from (MSAL in Dynamics 365, the form preview's persona in the sandbox). */
export interface TokenSource {
  /** A valid access token for the gateway, without user interaction; throws GatewayError signInRequired when one is needed. */
  getToken: () => Promise<string>;
  /** The interactive sign-in; call it only from a user's click (browsers block popups otherwise). */
  signIn: () => Promise<void>;
}

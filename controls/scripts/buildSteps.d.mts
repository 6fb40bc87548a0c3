/** Types of buildSteps.mjs, for its tests. */

export declare function sourceFiles(root: string): string[];
export declare function fingerprint(root: string, files: string[], settings: unknown): string;
export declare function stampGatewayDomains(manifestXml: string, domains: string[]): string;
export declare function gatewayDomains(value: string | undefined): string[];
export declare function redirectBridgeFiles(msalBridgeScript: string): Record<'msal-redirect.html' | 'msal-redirect.js', string>;

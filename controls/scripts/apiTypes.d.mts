/** Types of apiTypes.mjs, for the drift test that imports it. */

export declare const GENERATED_TYPES_PATH: URL;

export declare function renderApiTypes(document: unknown): Promise<string>;

/**
 * A control's manifest properties as TypeScript types. pcf-scripts generates these types too,
 * but in a project with several controls its generator carries every earlier control's
 * properties into the next control's types (pcf-scripts 1.51.1), so each control declares its
 * own from the same names its manifest uses; manifests.test.ts holds the two together.
 */

/** The manifest of-type values the controls bind to, and the property class PCF passes for each. */
export interface PropertyTypes {
  'SingleLine.Text': ComponentFramework.PropertyTypes.StringProperty;
  Currency: ComponentFramework.PropertyTypes.NumberProperty;
}

export type ManifestProperties = Readonly<Record<string, keyof PropertyTypes>>;

export type InputsOf<Properties extends ManifestProperties> = { [Name in keyof Properties]: PropertyTypes[Properties[Name]] };

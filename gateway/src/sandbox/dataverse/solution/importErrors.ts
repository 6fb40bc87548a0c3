/**
 * How Dataverse refuses a solution it cannot import: an error code and message of its
 * ImportSolution failures (the code names and texts of the SDK's error list, e.g. ImportXsdValidationError
 * 0x8004801A; 0x80048060 is confirmed by Microsoft's support article "The solution file is invalid").
 * Microsoft's sentence comes first; what exactly was wrong follows, so a user can fix the file.
 * The Web API answers these with status 400.
 */

export class SolutionImportFailed extends Error {
  readonly status = 400;

  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'SolutionImportFailed';
  }

  body(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export const IMPORT_ERROR_CODES = {
  /** ImportCustomizationsBadZipFileError */
  badPackage: '0x80048060',
  /** ImportNonWellFormedFileError */
  notWellFormed: '0x80048013',
  /** ImportXsdValidationError */
  schemaViolation: '0x8004801a',
  /** ImportAttributeNameError */
  attributeName: '0x80048062',
  /** ImportOptionSetAttributeError */
  missingGlobalOptionSet: '0x80048039',
  /** ImportMissingDependenciesError */
  missingDependencies: '0x8004801d',
  /** ImportSolutionError */
  importFailed: '0x80048033',
} as const;

export const importErrors = {
  badPackage: (detail: string) =>
    new SolutionImportFailed(
      IMPORT_ERROR_CODES.badPackage,
      `The solution file is invalid. The compressed file must contain the following files at its root: solution.xml, customizations.xml, and [Content_Types].xml. Customization files exported from previous versions of Microsoft Dynamics 365 are not supported. (${detail})`,
    ),
  notWellFormed: (file: string, detail: string) =>
    new SolutionImportFailed(IMPORT_ERROR_CODES.notWellFormed, `Invalid customization file. This file is not well formed. (${file}: ${detail})`),
  schemaViolation: (reason: string, location: string) =>
    new SolutionImportFailed(
      IMPORT_ERROR_CODES.schemaViolation,
      `The import file is invalid. XSD validation failed with the following error: '${reason}'. The validation failed at: '...${location} <<<<<ERROR LOCATION>>>>> ...'.`,
    ),
  attributeName: (attribute: string, prefix: string) =>
    new SolutionImportFailed(
      IMPORT_ERROR_CODES.attributeName,
      `Invalid name for attribute ${attribute}.  Custom attribute names must start with a valid customization prefix. The prefix for a solution component should match the prefix that is specified for the publisher of the solution. (The publisher's prefix is '${prefix}'.)`,
    ),
  missingGlobalOptionSet: (attribute: string, optionSet: string) =>
    new SolutionImportFailed(
      IMPORT_ERROR_CODES.missingGlobalOptionSet,
      `Attribute '${attribute}' was not imported as it references a non-existing global Option Set ('${optionSet}').`,
    ),
  missingDependencies: (solution: string, detail: string) =>
    new SolutionImportFailed(
      IMPORT_ERROR_CODES.missingDependencies,
      `The following solution cannot be imported: ${solution}. Some dependencies are missing. (${detail})`,
    ),
  importFailed: (detail: string) =>
    new SolutionImportFailed(IMPORT_ERROR_CODES.importFailed, `An error occurred while importing a Solution. (${detail})`),
};

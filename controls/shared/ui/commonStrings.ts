/** Strings every control shows (states, refresh, filters); each control's .resx carries them beside its own. */
export const COMMON_STRING_KEYS = [
  'refresh',
  'loading',
  'refreshing',
  'retry',
  'cancel',
  'errorCode',
  'errorCorrelationId',
  'sapMessages',
  'notAuthorized',
  'notConfigured',
  'signInRequired',
  'signIn',
  'notSaved',
  'asOf',
  'fromCache',
  'statusFilter',
  'statusAll',
  'statusOpen',
  'textFilter',
  'showMore',
  'moreAvailable',
  'narrowFilter',
  'noMatch',
] as const;

export type CommonStringKey = (typeof COMMON_STRING_KEYS)[number];
export type CommonStrings = Readonly<Record<CommonStringKey, string>>;

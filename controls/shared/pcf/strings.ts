/**
 * A control's strings, read once from its .resx files through context.resources. Keys are listed
 * in the control's strings.ts; a key missing from a .resx comes back as the key itself, which the
 * resx test prevents.
 */

export type Strings<Key extends string> = Readonly<Record<Key, string>>;

export function readStrings<Key extends string>(resources: Pick<ComponentFramework.Resources, 'getString'>, keys: readonly Key[]): Strings<Key> {
  return Object.fromEntries(keys.map((key) => [key, resources.getString(key)])) as Record<Key, string>;
}

/** Fills {0}, {1}, … in a string with values. */
export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}

/**
 * context.resources: the control's strings from its .resx for the user's language (the server
 * reads the built .resx files and hands over the strings, English where the language lacks a
 * key) and its other manifest resources as base64. Like the PCF runtime, getString answers the
 * key itself for a key no .resx defines, so a missing string shows up on screen, not as a crash.
 */

export interface ResourceFiles {
  /** Manifest resource path → URL the preview serves it at. */
  [path: string]: string;
}

function base64Of(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let index = 0; index < view.length; index += 0x8000) binary += String.fromCharCode(...view.subarray(index, index + 0x8000));
  return btoa(binary);
}

export function createResources(strings: Readonly<Record<string, string>>, files: ResourceFiles, fetchResource: typeof fetch): ComponentFramework.Resources {
  return {
    getString: (id) => (Object.prototype.hasOwnProperty.call(strings, id) ? strings[id]! : id),
    getResource: (id, success, failure) => {
      // The runtime matches the id against the end of the manifest path ("img/logo.png" or "logo.png").
      const path = Object.keys(files).find((candidate) => candidate === id || candidate.endsWith(`/${id}`));
      if (path === undefined) {
        failure();
        return;
      }
      fetchResource(files[path]!)
        .then(async (response) => {
          if (!response.ok) throw new Error(`${response.status}`);
          success(base64Of(await response.arrayBuffer()));
        })
        .catch(() => failure());
    },
  };
}

import { describe, expect, it } from 'vitest';
import { createResources } from './resources.js';

const noFetch = (async () => new Response(null, { status: 404 })) as typeof fetch;

describe('context.resources', () => {
  const strings = { SapOrders_Name: 'SAP-Aufträge', refresh: 'Aktualisieren', empty: '' };

  it("answers the control's strings for the user language, an empty string included", () => {
    const resources = createResources(strings, {}, noFetch);
    expect(resources.getString('SapOrders_Name')).toBe('SAP-Aufträge');
    expect(resources.getString('empty')).toBe('');
  });

  it('answers the key itself for a key no .resx defines, as the runtime does', () => {
    const resources = createResources(strings, {}, noFetch);
    expect(resources.getString('notInAnyResx')).toBe('notInAnyResx');
    expect(resources.getString('toString')).toBe('toString');
  });

  it('hands over a manifest resource base64-encoded, found by its path or file name', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const requested: string[] = [];
    const fetchImpl = (async (url: string) => {
      requested.push(url);
      return new Response(bytes, { status: 200 });
    }) as unknown as typeof fetch;
    const resources = createResources({}, { 'img/logo.png': '/sandbox/preview/controls/SapOrders/img/logo.png' }, fetchImpl);
    const data = await new Promise<string>((resolve, reject) => resources.getResource('logo.png', resolve, () => reject(new Error('failed'))));
    expect(Uint8Array.from(atob(data), (character) => character.charCodeAt(0))).toEqual(bytes);
    expect(requested).toEqual(['/sandbox/preview/controls/SapOrders/img/logo.png']);
  });

  it('calls the failure callback for a resource the manifest does not list or the server does not have', async () => {
    const resources = createResources({}, { 'img/logo.png': '/x/img/logo.png' }, noFetch);
    await expect(new Promise((resolve, reject) => resources.getResource('other.png', resolve, () => reject(new Error('not listed'))))).rejects.toThrow('not listed');
    await expect(new Promise((resolve, reject) => resources.getResource('img/logo.png', resolve, () => reject(new Error('not served'))))).rejects.toThrow('not served');
  });
});

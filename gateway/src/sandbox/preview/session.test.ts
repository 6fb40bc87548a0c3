import { describe, expect, it } from 'vitest';
import { html, jsonForScript } from './html.js';
import { languageCookie, localPath, parseCookies, personaCookie, readSession } from './session.js';
import { SANDBOX_PERSONAS } from '../identities.js';

describe('the preview session cookies', () => {
  it('read the signed-in persona and the language, English by default', () => {
    expect(readSession('other=1; ecc365_preview_persona=carla; ecc365_preview_language=1031')).toMatchObject({ persona: { key: 'carla' }, languageId: 1031 });
    expect(readSession(undefined)).toEqual({ persona: undefined, languageId: 1033 });
    expect(readSession('ecc365_preview_persona=mallory; ecc365_preview_language=1036')).toEqual({ persona: undefined, languageId: 1033 });
  });

  it('are HttpOnly and SameSite, signing out expires the persona cookie', () => {
    const anna = SANDBOX_PERSONAS[0]!;
    expect(personaCookie(anna)).toBe(`ecc365_preview_persona=${anna.key}; Path=/; HttpOnly; SameSite=Lax`);
    expect(personaCookie(undefined)).toMatch(/^ecc365_preview_persona=; .*Max-Age=0$/);
    expect(languageCookie(1031)).toMatch(/^ecc365_preview_language=1031; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
  });

  it('ignore cookies that do not decode, keeping the first of a repeated name', () => {
    expect([...parseCookies('a=%E0%A4%A; b=2; b=3; =x; c')]).toEqual([['b', '2']]);
  });

  it('return only to paths on this origin after signing in', () => {
    expect(localPath('/accounts/1?x=1')).toBe('/accounts/1?x=1');
    expect(localPath('//evil.example.com/x')).toBe('/');
    expect(localPath('https://evil.example.com/')).toBe('/');
    expect(localPath('/\\evil.example.com')).toBe('/');
    expect(localPath(undefined)).toBe('/');
  });
});

describe('page markup', () => {
  it('escapes every value put into a template, markup made by templates excepted', () => {
    const name = '<script>alert("x")</script> & \'co\'';
    expect(html`<p title="${name}">${name}${html`<b>ok</b>`}${[1, null, false, 'a']}</p>`.markup).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;<b>ok</b>1a</p>',
    );
  });

  it('writes JSON that cannot close its script element and reads back unchanged', () => {
    const value = { name: '</script><script>alert(1)</script><!--', separator: '\u2028' };
    const written = jsonForScript(value).markup;
    expect(written).not.toMatch(/<|>/);
    expect(JSON.parse(written)).toEqual(value);
  });
});

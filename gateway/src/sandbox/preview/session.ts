/**
 * Who is signed in to the form preview, and in which language: two cookies. Signing in takes no
 * password because every persona's password is the sandbox's published default; the cookie only
 * names the persona, and the server asks the sandbox identity provider for that persona's tokens.
 * Cookies are HttpOnly and SameSite=Lax, so scripts and other sites cannot read or send them.
 */

import { SANDBOX_PERSONAS, type SandboxPersona } from '../identities.js';
import type { LanguageId } from './shared/pageModel.js';

export const PERSONA_COOKIE = 'ecc365_preview_persona';
export const LANGUAGE_COOKIE = 'ecc365_preview_language';

export const LANGUAGES: readonly { id: LanguageId; name: string }[] = [
  { id: 1033, name: 'English' },
  { id: 1031, name: 'Deutsch' },
];

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export interface PreviewSession {
  persona: SandboxPersona | undefined;
  languageId: LanguageId;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    const name = part.slice(0, Math.max(separator, 0)).trim();
    if (name === '') continue;
    const raw = part.slice(separator + 1).trim();
    try {
      if (!cookies.has(name)) cookies.set(name, decodeURIComponent(raw));
    } catch {
      // A cookie someone else set with a malformed escape is not ours to read.
    }
  }
  return cookies;
}

export const findPersona = (key: string | undefined): SandboxPersona | undefined => SANDBOX_PERSONAS.find((persona) => persona.key === key);

export function asLanguageId(value: string | undefined): LanguageId | undefined {
  return LANGUAGES.find((language) => String(language.id) === value)?.id;
}

export function readSession(cookieHeader: string | undefined): PreviewSession {
  const cookies = parseCookies(cookieHeader);
  return { persona: findPersona(cookies.get(PERSONA_COOKIE)), languageId: asLanguageId(cookies.get(LANGUAGE_COOKIE)) ?? 1033 };
}

const attributes = 'Path=/; HttpOnly; SameSite=Lax';

/** Set-Cookie for signing a persona in (for the browser session), or out. */
export function personaCookie(persona: SandboxPersona | undefined): string {
  return persona ? `${PERSONA_COOKIE}=${encodeURIComponent(persona.key)}; ${attributes}` : `${PERSONA_COOKIE}=; ${attributes}; Max-Age=0`;
}

export function languageCookie(languageId: LanguageId): string {
  return `${LANGUAGE_COOKIE}=${languageId}; ${attributes}; Max-Age=${ONE_YEAR_SECONDS}`;
}

/** A path on this origin to return to after signing in; anything else (another origin, //host) becomes "/". */
export function localPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  try {
    const url = new URL(value, 'http://preview.invalid');
    return url.origin === 'http://preview.invalid' ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}

/**
 * Test helpers for the sandbox identity provider: its router served over plain HTTP the way the
 * CLI mounts it (/sandbox/idp on the gateway's origin), and token requests as form posts.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SANDBOX_APPLICATIONS } from '../../identities.js';
import { IDP_MOUNT_PATH, type SandboxIdentityProvider } from '../index.js';

export interface HttpMountedIdentityProvider {
  /** http://127.0.0.1:PORT: the origin the router is mounted on. */
  origin: string;
  /** The sandbox Dataverse URL on that origin: the resource tests ask tokens for. */
  dataverseUrl: string;
  close(): Promise<void>;
}

export async function mountOverHttp(idp: SandboxIdentityProvider): Promise<HttpMountedIdentityProvider> {
  const app = express();
  app.use(IDP_MOUNT_PATH, idp.router);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    dataverseUrl: `${origin}/sandbox/dataverse`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface TokenReply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function postTokenRequest(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<TokenReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** An access token from the sandbox: the gateway's (client credentials) or a persona's (password grant). */
export async function acquireSandboxToken(
  tokenUrl: string,
  resource: string,
  who: { kind: 'application' } | { kind: 'persona'; username: string; password: string },
): Promise<string> {
  const { clientId, clientSecret } = SANDBOX_APPLICATIONS.gateway;
  const form: Record<string, string> =
    who.kind === 'application'
      ? { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: `${resource}/.default` }
      : { grant_type: 'password', client_id: clientId, username: who.username, password: who.password, scope: `${resource}/.default` };
  const reply = await postTokenRequest(tokenUrl, form);
  if (reply.status !== 200 || typeof reply.body.access_token !== 'string') {
    throw new Error(`the sandbox identity provider refused the token request: ${JSON.stringify(reply.body)}`);
  }
  return reply.body.access_token;
}

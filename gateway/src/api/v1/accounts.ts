/**
 * GET /accounts/{accountid}/sap/orders | deliveries | invoices | credit: the account panels.
 * Validate the query, read the account as the rep (the access check, cached briefly, which also
 * brings its SAP link), then the panel: a rep who may not read the account gets 403 and SAP is
 * not called. Every answer says in a Server-Timing header how long the access check took (`crm`,
 * a Dataverse read unless remembered), the panel (`sap` for SAP's reads, `cache`) and the whole
 * request since it reached the gateway (`total`), so the gateway's own share of the latency
 * (total − crm − panel) and the network's (what the browser waited beyond total) can be told
 * apart (browser devtools show it; the benchmark measures it).
 */

import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { accountParamsSchema, listQuerySchema, type ListQuery } from '../../model/panelApi.js';
import type { AccountSapLink } from '../../panels/accountLink.js';
import type { AccountPanels } from '../../panels/accountPanels.js';
import { msSinceReceived } from '../requestContext.js';
import { userOf } from './authenticate.js';
import type { RecordAccess } from './recordAccess.js';
import { parsed } from './validation.js';

export interface AccountRoutesOptions {
  panels: AccountPanels;
  /** Reads the account as the user (NOT_AUTHORIZED, ACCOUNT_NOT_FOUND, ACCOUNT_NOT_LINKED). */
  readAccount: (userObjectId: string, accountId: string) => Promise<AccountSapLink>;
  access: RecordAccess<AccountSapLink>;
}

const listQuery = listQuerySchema.refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, { message: 'must not be after to', path: ['from'] });
const noQuery = z.object({}).strict();

type ListPanel = 'orders' | 'deliveries' | 'invoices';

export function accountPanelsRouter(options: AccountRoutesOptions): Router {
  const router = Router();

  /** The account as the signed-in rep may read it, with its SAP link: the access check, before any SAP call. */
  const accountOf = async (accountId: string, response: Response): Promise<{ account: AccountSapLink; checkMs: number }> => {
    const user = userOf(response);
    const started = performance.now();
    const account = await options.access.check(user, 'account', accountId, () => options.readAccount(user.objectId, accountId));
    return { account, checkMs: performance.now() - started };
  };

  /** Answers the panel with the time the access check and the panel took: `sap` when it was read (or waited for a read), `cache` when it was kept. */
  const answer = async (response: Response, checkMs: number, read: () => Promise<{ fromCache: boolean }>): Promise<void> => {
    const started = performance.now();
    const panel = await read();
    const panelMs = performance.now() - started;
    response.setHeader('Server-Timing', `crm;dur=${checkMs.toFixed(1)}, ${panel.fromCache ? 'cache' : 'sap'};dur=${panelMs.toFixed(1)}, total;dur=${msSinceReceived(response).toFixed(1)}`);
    response.json(panel);
  };

  for (const panel of ['orders', 'deliveries', 'invoices'] satisfies ListPanel[]) {
    router.get(`/accounts/:accountid/sap/${panel}`, async (request: Request, response: Response) => {
      const { accountid } = parsed(accountParamsSchema, request.params, 'path');
      const query: ListQuery = parsed(listQuery, request.query, 'query');
      const { account, checkMs } = await accountOf(accountid, response);
      if (panel !== 'orders') return answer(response, checkMs, () => options.panels[panel](account, query));
      // SAP's names (document types) in the languages the rep's control asks for, best first.
      response.vary('Accept-Language');
      await answer(response, checkMs, () => options.panels.orders(account, query, request.acceptsLanguages()));
    });
  }
  router.get('/accounts/:accountid/sap/credit', async (request: Request, response: Response) => {
    const { accountid } = parsed(accountParamsSchema, request.params, 'path');
    parsed(noQuery, request.query, 'query');
    const { account, checkMs } = await accountOf(accountid, response);
    // SAP's texts (payment terms) in the languages the rep's control asks for, best first.
    response.vary('Accept-Language');
    await answer(response, checkMs, () => options.panels.credit(account, request.acceptsLanguages()));
  });
  return router;
}

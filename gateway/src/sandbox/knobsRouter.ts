/**
 * The knobs endpoint of a simulator: GET answers the current knobs, PATCH with a JSON object
 * changes some of them and answers the knobs as they now are. Unknown keys and bad values are
 * refused with 400 and a message naming them; nothing changes then.
 */

import express, { Router } from 'express';
import { z } from 'zod';

export interface KnobsControl<Knobs> {
  /** The knobs' schema; a PATCH body must match it partially and strictly. */
  schema: z.ZodObject;
  read(): Knobs;
  change(changes: Partial<Knobs>): Knobs;
}

export function createKnobsRouter<Knobs>(control: KnobsControl<Knobs>): Router {
  const router = Router();
  const changes = control.schema.partial().strict();
  router.get('/', (_request, response) => {
    response.json(control.read());
  });
  router.patch('/', express.json({ limit: '4kb' }), (request, response) => {
    const parsed = changes.safeParse(request.body);
    if (!parsed.success) {
      response.status(400).json({ error: { code: 'SANDBOX_KNOBS_INVALID', message: z.prettifyError(parsed.error) } });
      return;
    }
    // zod fills defaults for absent keys even in a partial schema: keep only what was sent.
    const sent = Object.fromEntries(Object.entries(parsed.data).filter(([key]) => Object.hasOwn(request.body as object, key)));
    response.json(control.change(sent as Partial<Knobs>));
  });
  return router;
}

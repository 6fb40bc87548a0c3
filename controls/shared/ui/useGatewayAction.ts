/**
 * Runs a user's action against the gateway (apply prices, send to SAP, retry a sync): one at a
 * time, its result or error kept for the view, cancelled when the panel unmounts.
 */

import * as React from 'react';
import { asGatewayError, isAbort, type GatewayError } from '../gateway/gatewayError';

export interface GatewayAction<Input, Result> {
  running: boolean;
  result: Result | undefined;
  error: GatewayError | undefined;
  /** Starts the action unless one is running; resolves with its result, or undefined when it failed. */
  run: (input: Input) => Promise<Result | undefined>;
  reset: () => void;
}

export function useGatewayAction<Input, Result>(action: (input: Input, signal: AbortSignal) => Promise<Result>): GatewayAction<Input, Result> {
  const [state, setState] = React.useState<{ running: boolean; result: Result | undefined; error: GatewayError | undefined }>({
    running: false,
    result: undefined,
    error: undefined,
  });
  const controller = React.useRef<AbortController | undefined>(undefined);
  const running = React.useRef(false);

  React.useEffect(() => () => controller.current?.abort(), []);

  const run = React.useCallback(
    async (input: Input) => {
      if (running.current) return undefined;
      running.current = true;
      const current = new AbortController();
      controller.current = current;
      setState({ running: true, result: undefined, error: undefined });
      try {
        const result = await action(input, current.signal);
        if (!current.signal.aborted) setState({ running: false, result, error: undefined });
        return result;
      } catch (error) {
        if (!current.signal.aborted && !isAbort(error)) setState({ running: false, result: undefined, error: asGatewayError(error) });
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [action],
  );

  const reset = React.useCallback(() => setState({ running: false, result: undefined, error: undefined }), []);
  return { ...state, run, reset };
}

/**
 * Loads a panel's data through the injected gateway client: one request at a time, cancelled
 * when the panel unmounts or a newer load starts, the last data kept on screen while a refresh
 * runs. The view decides what to load; this only runs it.
 */

import * as React from 'react';
import { asGatewayError, isAbort, type GatewayError } from '../gateway/gatewayError';

export interface PanelData<T> {
  data: T | undefined;
  error: GatewayError | undefined;
  /** A load is running (the first one, or a refresh with the last data still shown). */
  loading: boolean;
  reload: () => void;
  /** The interactive sign-in (from a click), then a new load. */
  signIn: () => void;
}

export interface PanelDataOptions {
  signIn: () => Promise<void>;
}

interface State<T> {
  data: T | undefined;
  error: GatewayError | undefined;
  loading: boolean;
}

export function usePanelData<T>(load: (signal: AbortSignal) => Promise<T>, dependencies: readonly unknown[], options: PanelDataOptions): PanelData<T> {
  const [state, setState] = React.useState<State<T>>({ data: undefined, error: undefined, loading: true });
  const [generation, setGeneration] = React.useState(0);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  React.useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, error: undefined, loading: true }));
    void (async () => {
      try {
        const data = await load(controller.signal);
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      } catch (error) {
        if (!controller.signal.aborted && !isAbort(error)) setState((previous) => ({ ...previous, error: asGatewayError(error), loading: false }));
      }
    })();
    return () => controller.abort();
    // The caller's dependencies decide when to load again; load itself is a new closure each render.
  }, [...dependencies, generation]);

  const reload = React.useCallback(() => setGeneration((value) => value + 1), []);
  const { signIn } = options;
  const signInAndReload = React.useCallback(() => {
    void (async () => {
      try {
        await signIn();
        reload();
      } catch (error) {
        if (mounted.current) setState((previous) => ({ ...previous, error: asGatewayError(error), loading: false }));
      }
    })();
  }, [signIn, reload]);
  return { ...state, reload, signIn: signInAndReload };
}

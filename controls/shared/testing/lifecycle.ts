/**
 * Drives a control as the platform does: init with the context, render what updateView returns,
 * render again on the next updateView, and collect notifyOutputChanged calls for getOutputs.
 */

import { vi } from 'vitest';
import { renderView } from './render';

export function startControl<Inputs, Outputs>(control: ComponentFramework.ReactControl<Inputs, Outputs>, context: ComponentFramework.Context<Inputs>) {
  const notifyOutputChanged = vi.fn();
  control.init(context, notifyOutputChanged, {});
  const rendered = renderView(control.updateView(context));
  return {
    ...rendered,
    notifyOutputChanged,
    /** The platform calls updateView again, e.g. after a bound column changed. */
    updateView(next: ComponentFramework.Context<Inputs> = context) {
      rendered.rerender(control.updateView(next));
    },
  };
}

/**
 * Rendering a view or a control's element in tests, with the user-event session that drives it.
 * Dynamics 365 registers Fluent's icon font on its pages; tests have none, so icon warnings are off.
 */

import { setIconOptions } from '@fluentui/react';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as React from 'react';
import { afterEach } from 'vitest';

setIconOptions({ disableWarnings: true });

// Vitest has no global afterEach here, so testing-library cannot clean up by itself.
afterEach(cleanup);

export function renderView(element: React.ReactElement): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const user = userEvent.setup();
  return { ...render(element), user };
}

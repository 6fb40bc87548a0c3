/** Answers the open confirmation dialog and waits until it has closed, when the page is accessible again. */

import { screen, waitForElementToBeRemoved, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';

export async function answerDialog(user: ReturnType<typeof userEvent.setup>, buttonName: string, dialogName?: string): Promise<void> {
  const dialog = await screen.findByRole('alertdialog', dialogName === undefined ? {} : { name: dialogName });
  await user.click(within(dialog).getByRole('button', { name: buttonName }));
  await waitForElementToBeRemoved(dialog);
}

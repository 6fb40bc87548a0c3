/** How the credit panel reads a credit situation: which of the customer's central blocks are set. */

import type { CreditPanel } from '../shared/api/panelApi';
import type { CreditStrings } from './manifest';

export function centralBlocks(credit: CreditPanel, strings: CreditStrings): string[] {
  const blocks: string[] = [];
  if (credit.blocks.order) blocks.push(strings.blockOrder);
  if (credit.blocks.delivery) blocks.push(strings.blockDelivery);
  if (credit.blocks.billing) blocks.push(strings.blockBilling);
  if (credit.blocks.posting) blocks.push(strings.blockPosting);
  return blocks;
}

/**
 * Row ids of the seeded CRM data, derived from what a row stands for (a customer number, a
 * material, a quote's position), so every seed of the same ECC data gives the same ids: tests and
 * links stay valid across restarts. Name-based, in the layout of a version 5 UUID.
 */

import { createHash } from 'node:crypto';

export function seededId(...parts: string[]): string {
  const hex = createHash('sha1').update(`ecc365 sandbox CRM seed/${parts.join('/')}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

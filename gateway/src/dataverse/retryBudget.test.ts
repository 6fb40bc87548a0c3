import { describe, expect, it } from 'vitest';
import { RetryBudget } from './retryBudget.js';

function budgetAt(start: number, options: { ratio?: number; minimumRetries?: number; windowMs?: number } = {}) {
  let now = start;
  const budget = new RetryBudget({ ...options, now: () => now });
  return { budget, advance: (ms: number) => (now += ms) };
}

const spend = (budget: RetryBudget, times: number) => Array.from({ length: times }, () => budget.tryRetry()).filter(Boolean).length;

describe('retry budget', () => {
  it('allows the minimum on a quiet gateway, then refuses', () => {
    const { budget } = budgetAt(0, { minimumRetries: 3, ratio: 0.2 });
    expect(spend(budget, 10)).toBe(3);
  });

  it('grows with the traffic: a share of the requests made in the window', () => {
    const { budget } = budgetAt(0, { minimumRetries: 2, ratio: 0.25 });
    for (let i = 0; i < 40; i++) budget.recordRequest();
    expect(spend(budget, 100)).toBe(2 + 10);
  });

  it('forgets requests and retries once they leave the window', () => {
    const { budget, advance } = budgetAt(0, { minimumRetries: 1, ratio: 0.5, windowMs: 10_000 });
    for (let i = 0; i < 10; i++) budget.recordRequest();
    expect(spend(budget, 100)).toBe(6);
    advance(5_000);
    expect(spend(budget, 1)).toBe(0);
    advance(5_000);
    expect(spend(budget, 100)).toBe(1);
  });
});

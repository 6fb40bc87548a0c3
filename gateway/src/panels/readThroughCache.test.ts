import { describe, expect, it } from 'vitest';
import { ReadThroughCache } from './readThroughCache.js';

describe('ReadThroughCache', () => {
  let clock = 0;
  const cache = (ttlMs = 1_000, maxEntries = 100) => new ReadThroughCache<string>({ ttlMs, maxEntries, now: () => clock });

  it('keeps a value for its time, then reads again', async () => {
    const values = cache();
    let reads = 0;
    const read = async () => `value ${++reads}`;
    expect(await values.get('a', read)).toEqual({ value: 'value 1', fromCache: false });
    clock += 999;
    expect(await values.get('a', read)).toEqual({ value: 'value 1', fromCache: true });
    clock += 1;
    expect(await values.get('a', read)).toEqual({ value: 'value 2', fromCache: false });
  });

  it('lets concurrent callers of one key share a read, and keys apart read apart', async () => {
    const values = cache();
    let reads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const read = async () => {
      reads += 1;
      await gate;
      return `read ${reads}`;
    };
    const waiting = Promise.all([values.get('b', read), values.get('b', read), values.get('b', read), values.get('c', read)]);
    release();
    const answers = await waiting;
    expect(reads).toBe(2);
    expect(answers.map((answer) => answer.value)).toEqual(['read 2', 'read 2', 'read 2', 'read 2']);
    expect(answers.every((answer) => !answer.fromCache)).toBe(true);
  });

  it('keeps no failure: the next caller reads again', async () => {
    const values = cache();
    await expect(values.get('d', async () => Promise.reject(new Error('SAP is down')))).rejects.toThrow('SAP is down');
    expect(await values.get('d', async () => 'back')).toEqual({ value: 'back', fromCache: false });
  });

  it('keeps the failures it is told are answers for their time, and no others', async () => {
    class NoSuchCustomer extends Error {}
    const values = new ReadThroughCache<string>({ ttlMs: 1_000, maxEntries: 100, now: () => clock, keepFailure: (error) => error instanceof NoSuchCustomer });
    let reads = 0;
    const unknown = async (): Promise<string> => {
      reads += 1;
      throw new NoSuchCustomer('no customer 4711');
    };
    await expect(values.get('i', unknown)).rejects.toThrow('no customer 4711');
    await expect(values.get('i', unknown)).rejects.toThrow('no customer 4711');
    expect(reads).toBe(1);
    expect(values.peek('i')).toBeUndefined();
    clock += 1_000;
    expect(await values.get('i', async () => 'created since')).toEqual({ value: 'created since', fromCache: false });
    await expect(values.get('j', async () => Promise.reject(new Error('SAP is down')))).rejects.toThrow('SAP is down');
    expect(await values.get('j', async () => 'back')).toEqual({ value: 'back', fromCache: false });
  });

  it('drops the least recently used entries beyond its size, and keeps nothing with no time to live', async () => {
    const values = cache(1_000, 2);
    await values.get('e', async () => 'e');
    await values.get('f', async () => 'f');
    expect(values.peek('e')).toBe('e');
    await values.get('g', async () => 'g');
    expect([values.peek('e'), values.peek('f'), values.peek('g')]).toEqual(['e', undefined, 'g']);
    const none = cache(0);
    await none.get('h', async () => 'h');
    expect(none.peek('h')).toBeUndefined();
  });

  it('drops the entries whose key matches before their time, and keeps nothing a read in flight brings back', async () => {
    const values = cache();
    await values.get('user1|account|a', async () => 'old link');
    await values.get('user2|account|a', async () => 'old link');
    await values.get('user1|account|b', async () => 'other account');
    let release!: (value: string) => void;
    const inFlight = values.get('user3|account|a', () => new Promise<string>((resolve) => (release = resolve)));

    expect(values.deleteWhere((key) => key.endsWith('|account|a'))).toBe(2);
    expect([values.peek('user1|account|a'), values.peek('user2|account|a'), values.peek('user1|account|b')]).toEqual([undefined, undefined, 'other account']);
    // A caller after the change reads afresh rather than waiting for the read that may have seen the old link.
    expect(await values.get('user3|account|a', async () => 'new link')).toEqual({ value: 'new link', fromCache: false });
    release('old link');
    expect((await inFlight).value).toBe('old link');
    expect(values.peek('user3|account|a')).toBe('new link');
  });
});

import { describe, expect, it } from 'vitest';
import { ensureThreadPoolSize, threadPoolSizeFor } from './nodeRfcThreadPool.js';

describe('UV_THREADPOOL_SIZE for node-rfc', () => {
  it('gives every pool connection a thread and keeps libuv\'s four for Node, up to libuv\'s limit', () => {
    expect(threadPoolSizeFor(8)).toBe(12);
    expect(threadPoolSizeFor(1)).toBe(5);
    expect(threadPoolSizeFor(2_000)).toBe(1_024);
  });

  it('sets the size when the environment has none', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(ensureThreadPoolSize(env, 8)).toEqual({ size: 12, fixedByEnvironment: false });
    expect(env.UV_THREADPOOL_SIZE).toBe('12');
  });

  it('keeps a size the environment fixed, silently when it leaves threads beyond the pool', () => {
    const env: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: '10' };
    expect(ensureThreadPoolSize(env, 8)).toEqual({ size: 10, fixedByEnvironment: true });
    expect(env.UV_THREADPOOL_SIZE).toBe('10');
  });

  it('warns, with both ways out, when the fixed size is no larger than the pool', () => {
    const env: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: '4' };
    const sizing = ensureThreadPoolSize(env, 8);
    expect(sizing).toMatchObject({ size: 4, fixedByEnvironment: true });
    expect(sizing.warning).toContain('UV_THREADPOOL_SIZE=4');
    expect(sizing.warning).toContain('Set UV_THREADPOOL_SIZE to 12 or lower the pool\'s high to 3');
    expect(env.UV_THREADPOOL_SIZE).toBe('4');
    expect(ensureThreadPoolSize({ UV_THREADPOOL_SIZE: '8' }, 8).warning).toBeDefined();
  });

  it('reads the variable as libuv does: a value that is not a number means one thread', () => {
    expect(ensureThreadPoolSize({ UV_THREADPOOL_SIZE: 'many' }, 2)).toMatchObject({ size: 1, warning: expect.stringContaining('gives 1 thread,') });
  });
});

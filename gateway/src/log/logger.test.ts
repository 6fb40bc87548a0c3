import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { newCorrelationId, withCorrelationId } from './context.js';
import { createLogger } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', stream }) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('logger', () => {
  it('writes JSON lines carrying the correlation id of the current request', async () => {
    const { lines, logger } = capture();
    withCorrelationId('req-42', () => logger.info('inside', { step: 1 }));
    logger.info('outside');
    await flush();
    expect(lines[0]).toMatchObject({ level: 'info', message: 'inside', step: 1, correlationId: 'req-42' });
    expect(lines[0]!.timestamp).toEqual(expect.any(String));
    expect(lines[1]!.correlationId).toBeUndefined();
  });

  it('keeps the correlation id across awaits', async () => {
    const { lines, logger } = capture();
    await withCorrelationId('job-7', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.info('after await');
    });
    await flush();
    expect(lines[0]!.correlationId).toBe('job-7');
  });

  it('never writes secrets, however deep', async () => {
    const { lines, logger } = capture();
    logger.info('connecting', { sap: { user: 'RFC', password: 'hunter2', connection: { passwd: 'x1' } }, headers: { Authorization: 'Bearer abc' }, clientSecret: 's' });
    await flush();
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/hunter2|x1|Bearer abc|"s"/);
    expect(lines[0]).toMatchObject({ sap: { user: 'RFC', password: '[redacted]', connection: { passwd: '[redacted]' } }, headers: { Authorization: '[redacted]' } });
  });
});

describe('newCorrelationId', () => {
  it('keeps a plain id from the caller and replaces anything else', () => {
    expect(newCorrelationId('abc-123')).toBe('abc-123');
    expect(newCorrelationId('bad id\n{"level":"error"}')).toMatch(/^[0-9a-f-]{36}$/);
    expect(newCorrelationId('x'.repeat(65))).toMatch(/^[0-9a-f-]{36}$/);
    expect(newCorrelationId()).not.toBe(newCorrelationId());
  });
});

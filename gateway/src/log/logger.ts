/**
 * winston JSON logs: one object per line on stdout, with timestamp, level, component, the
 * correlation id of the current request or job, and any fields given. Values of keys that
 * hold secrets (passwords, tokens, authorization headers, cookies) are replaced before a line
 * is written, however deeply they are nested.
 */

import winston from 'winston';
import { currentCorrelationId } from './context.js';

export type Logger = winston.Logger;

const SECRET_KEY = /pass(word|wd)?|secret|token|authorization|cookie|api[-_]?key|credential/i;
const REDACTED = '[redacted]';

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack, ...(redact({ ...value }, depth + 1) as object) };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1);
  }
  return result;
}

const addContext = winston.format((info) => {
  const correlationId = currentCorrelationId();
  if (correlationId !== undefined && info.correlationId === undefined) info.correlationId = correlationId;
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'message') continue;
    info[key] = SECRET_KEY.test(key) ? REDACTED : redact(info[key]);
  }
  return info;
});

export function createLogger(options: { level: string; stream?: NodeJS.WritableStream }): Logger {
  return winston.createLogger({
    level: options.level,
    format: winston.format.combine(winston.format.timestamp(), addContext(), winston.format.json()),
    transports: [options.stream ? new winston.transports.Stream({ stream: options.stream }) : new winston.transports.Console()],
  });
}

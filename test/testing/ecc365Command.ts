/**
 * Runs the built `ecc365` command as a user does (after `npm run build`, which `npm test` does
 * first), collecting its output; every process still running is killed after each test.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const BIN = fileURLToPath(new URL('../../gateway/bin/ecc365.cjs', import.meta.url));
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

export interface Ecc365Process {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Waits (up to 30 s) until standard output matches. */
  output(pattern: RegExp): Promise<RegExpMatchArray>;
  stdout(): string;
  stderr(): string;
}

export function runEcc365(args: string[], env: Record<string, string> = {}, cwd?: string): Ecc365Process {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const output = async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (let waited = 0; waited < 30_000; waited += 50) {
      const match = pattern.exec(stdout);
      if (match) return match;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no ${pattern} in output:\n${stdout}\n${stderr}`);
  };
  return { child, exited, output, stdout: () => stdout, stderr: () => stderr };
}

/**
 * What the sandbox's simulators share for keeping their data in a file across restarts: a write
 * through a temporary file and a rename, so a crash never leaves half a file, and a saver that
 * writes at most once per interval after changes and at once on flush (shutdown).
 */

import { renameSync, writeFileSync } from 'node:fs';

export function writeFileAtomically(path: string, content: string): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

export class DebouncedSaver {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly save: () => void, private readonly intervalMs = 1_000) {}

  changed(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.save();
  }
}

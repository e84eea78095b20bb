// The temporary files `kaohe` writes beside an output before renaming them over it: their names, and removing those a run left behind.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Temp files being written now, so an interrupted run (Ctrl+C) can remove them before it exits. */
const pendingTemps = new Set<string>();

/**
 * A fresh temp path beside `out`: ".<name>.<pid>.<8 hex>.tmp". The leading dot hides it, the name
 * says which output it was for, and the process id lets a later run tell a dead run's file from
 * one still being written.
 */
export function newTempPath(out: string): string {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  pendingTemps.add(temp);
  return temp;
}

/** The temp file is renamed or removed: no longer this run's to clean up. */
export function settledTemp(temp: string): void {
  pendingTemps.delete(temp);
}

/** Removes every temp file still being written; called on SIGINT/SIGTERM, so it must be synchronous. */
export function removePendingTemps(): void {
  for (const t of pendingTemps) {
    try {
      rmSync(t, { force: true });
    } catch {
      // Nothing more can be done while exiting; the next run of the same output removes it.
    }
  }
  pendingTemps.clear();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a process with this id is running here (one we may not signal still counts as running). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temp files an earlier run of the same output left when it was killed (SIGKILL, a power
 * cut): only names of exactly this tool's pattern for this output, and only when the process that
 * wrote them is gone, or is this one and no longer writing them, so a run writing the same output
 * at the same time keeps its file. Returns the names removed; a file that cannot be removed is left.
 */
export async function removeOrphanTemps(out: string): Promise<string[]> {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(out))}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = await readdir(dirname(out));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid)) continue;
    const path = join(dirname(out), name);
    if (pendingTemps.has(path) || (pid !== process.pid && alive(pid))) continue;
    try {
      await rm(path);
      removed.push(name);
    } catch {
      // Someone else's file, or already gone: not ours to insist on.
    }
  }
  return removed;
}

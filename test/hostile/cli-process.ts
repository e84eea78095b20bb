// The real `kaohe` executable in a process of its own: bundled once with esbuild (as npm run build:cli does), run as another user or sent a signal.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";

let bundled: Promise<{ bin: string; dir: string }> | undefined;

/**
 * src/cli/bin.ts bundled with its packages into one file in a temp folder any user may read, so the
 * child starts in a fraction of tsx's time and also runs as a user who cannot read the repository's
 * temp files. Built once per test file; remove with removeCliBundle().
 */
export function cliBundle(): Promise<{ bin: string; dir: string }> {
  bundled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-bin-"));
    chmodSync(dir, 0o755);
    const bin = join(dir, "kaohe.cjs");
    await build({ entryPoints: [resolve(__dirname, "../../src/cli/bin.ts")], bundle: true, platform: "node", target: "node20", format: "cjs", outfile: bin, logLevel: "error" });
    chmodSync(bin, 0o755);
    return { bin, dir };
  })();
  return bundled;
}

export async function removeCliBundle(): Promise<void> {
  if (!bundled) return;
  rmSync((await bundled).dir, { recursive: true, force: true });
}

export interface ChildRun {
  child: ChildProcess;
  /** Exit code, or 128 + the signal's number when the signal ended it before any handler ran. */
  ended: Promise<{ code: number; stdout: string; stderr: string }>;
}

/** Starts `kaohe <args>`; `uid`/`gid` run it as that user (only root may), `preload` is a CommonJS file required first. */
export async function startKaohe(args: string[], opts: { cwd: string; uid?: number; gid?: number; preload?: string }): Promise<ChildRun> {
  const { bin } = await cliBundle();
  const child = spawn(process.execPath, [...(opts.preload ? ["--require", opts.preload] : []), bin, ...args], {
    cwd: opts.cwd,
    uid: opts.uid,
    gid: opts.gid,
    env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
  const signals: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  const ended = new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code: code ?? 128 + (signals[signal ?? ""] ?? 0), stdout, stderr }));
  });
  return { child, ended };
}

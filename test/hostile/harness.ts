// The hostile-input suite's one check: a command given a bad or crafted input stops with its exit code and a clear Chinese message, loses nothing and leaves nothing behind.
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { kaohe, noStack, sha256File, type Ran } from "../cli/helpers";

export { tempDir, writeWorkbook, readWorkbook, sha256File } from "../cli/helpers";

/** Every own property of the built-in prototypes a crafted key could reach, with its value, so any change shows. */
function prototypesNow(): string {
  const protos: [string, object][] = [
    ["Object", Object.prototype],
    ["Array", Array.prototype],
    ["Function", Function.prototype],
    ["String", String.prototype],
    ["Number", Number.prototype],
  ];
  return protos
    .map(([name, p]) =>
      Object.getOwnPropertyNames(p)
        .sort()
        .map((k) => {
          const d = Object.getOwnPropertyDescriptor(p, k);
          return `${name}.${k}=${d && "value" in d ? typeof d.value : "accessor"}`;
        })
        .join(","),
    )
    .join("\n");
}

/** Runs `kaohe` in-process and fails the test if any built-in prototype changed during the command. */
export async function kaoheGuarded(args: string[], opts: { cwd?: string } = {}): Promise<Ran> {
  const before = prototypesNow();
  const r = await kaohe(args, opts);
  expect(prototypesNow(), "a built-in prototype changed during the command").toBe(before);
  // A polluted key would show on any fresh object.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return r;
}

/** Files (recursively, with sizes) under a folder: to prove nothing was written, renamed or left half-done. */
export function snapshotFolder(folder: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p, `${rel}${name}/`);
      else out.push(`${rel}${name}:${st.size}`);
    }
  };
  if (existsSync(folder)) walk(folder, "");
  return out;
}

let caseNo = 0;
/** A fresh folder of its own for one case, inside `root`. */
export function caseFolder(root: string): string {
  const d = join(root, `case${++caseNo}`);
  mkdirSync(d, { recursive: true });
  return d;
}

export interface Refusal {
  /** The command line, given the input and an output path in the same folder. */
  args: string[];
  /** Files whose bytes must not change. */
  inputs: string[];
  /** The folder that must hold exactly what it held before (no output, no temporary file). */
  folder: string;
  code: number;
  /** What the message must say. */
  message: RegExp;
}

/** The checks every refused input must pass: exit code, a Chinese message naming the problem, no stack trace, inputs unchanged, nothing written or left behind. */
export async function expectRefused(c: Refusal): Promise<Ran> {
  const hashes = c.inputs.map((p) => (existsSync(p) && statSync(p).isFile() ? sha256File(p) : undefined));
  const before = snapshotFolder(c.folder);
  const r = await kaoheGuarded(c.args);
  const text = r.stdout + r.stderr;
  expect(r.code, text).toBe(c.code);
  expect(text).toMatch(c.message);
  expect(r.stderr).toMatch(/错误：/);
  expect(noStack(text), text).toBe(true);
  expect(text).not.toMatch(/Cannot (set|read) properties|Invalid string length|Maximum call stack|undefined is not|is not a function|Infinity|NaN|1e\+308/);
  expect(snapshotFolder(c.folder)).toEqual(before);
  c.inputs.forEach((p, i) => {
    if (hashes[i]) expect(sha256File(p), `${p} changed`).toBe(hashes[i]);
  });
  return r;
}

import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { cadreSheet, noStack, sha256File, tempDir, writeWorkbook } from "./helpers";

const run = promisify(execFile);
const root = resolve(__dirname, "../..");
const bin = join(root, "src/cli/bin.ts");
const tsx = join(root, "node_modules/tsx/dist/cli.mjs");
const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** The real executable in a child process, through tsx as `npm run kaohe` would run it from source. */
async function kaohe(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsx, bin, ...args], { cwd: dir, env: { ...process.env, KAOHE_DEBUG: "" }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof x.code !== "number") throw e;
    return { code: x.code, stdout: x.stdout ?? "", stderr: x.stderr ?? "" };
  }
}

describe("the kaohe executable", () => {
  it("computes a workbook and sets exit code 0", async () => {
    const input = join(dir, "城关镇.xlsx");
    await writeWorkbook(input, { 干部考核: cadreSheet() });
    const hash = sha256File(input);
    const r = await kaohe(["run", "城关镇.xlsx", "-o", "结果.xlsx"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("结果已写入");
    // stderr is a pipe here, not a terminal: plain stage lines, no bar
    expect(r.stderr).toContain("计算中：读取文件");
    expect(r.stderr).not.toContain("\r");
    expect(existsSync(join(dir, "结果.xlsx"))).toBe(true);
    expect(sha256File(input)).toBe(hash);
  });

  it("exits with 3 and a Chinese message, never a stack trace, for a 0-byte file", async () => {
    writeFileSync(join(dir, "empty.xlsx"), "");
    const r = await kaohe(["run", "empty.xlsx"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("错误：“empty.xlsx”是空文件（0 字节）");
    expect(noStack(r.stderr)).toBe(true);
    expect(existsSync(join(dir, "empty-结果.xlsx"))).toBe(false);
  });

  it("exits with 2 on bad arguments", async () => {
    const r = await kaohe(["run"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("缺少输入文件");
  });
});

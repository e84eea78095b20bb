#!/usr/bin/env node
// The `kaohe` executable: runs the command line on the real process, removes half-written files on Ctrl+C, and sets the exit code.
import { removePendingTemps } from "./draw";
import { ExitCode, main } from "./main";

// `kaohe check big.xlsx | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// A shell reports a process ended by a signal as 128 + its number: 130 for Ctrl+C, 143 for SIGTERM.
for (const [signal, code] of [["SIGINT", ExitCode.interrupted], ["SIGTERM", 143]] as const) {
  process.on(signal, () => {
    removePendingTemps();
    process.stderr.write("\n已中断：未写完的结果文件已删除。\nInterrupted: any half-written output was removed.\n");
    process.exit(code);
  });
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // main never rejects; this is the last guard against a stack trace reaching the user.
    process.stderr.write(`错误：内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = ExitCode.internal;
  },
);

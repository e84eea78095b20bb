// Shared set-up for the Office.js adapter's tests: a fake Excel on globalThis and the host over it.
import type { Locale } from "../../src/core/messages";
import type { ChunkLimits } from "../../src/excel/chunks";
import { createExcelHost } from "../../src/excel/host";
import type { HostOps } from "../../src/excel/ops";
import { installFakeOffice, type FakeExcel, type FakeWorkbookInit } from "./fake-office";

export function setup(init: FakeWorkbookInit, options: { locale?: Locale; limits?: ChunkLimits } = {}): { fake: FakeExcel; host: HostOps } {
  const fake = installFakeOffice(globalThis, init);
  const host = createExcelHost({ locale: options.locale ?? "zh-CN", limits: options.limits, year: () => 2025 });
  return { fake, host };
}

/** What a rejected promise was rejected with. */
export async function rejection(p: Promise<unknown>): Promise<Error & { partial?: unknown; code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the promise to be rejected");
}

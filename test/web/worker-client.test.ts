// The page's side of its worker: answers and progress reach the right request, Cancel ends the worker, and a fresh worker reads the file again before the next request.
import { describe, expect, it } from "vitest";
import type { Envelope, Reply } from "../../src/web/protocol";
import { WorkerClient } from "../../src/web/worker-client";

/** A worker that records what it is sent and answers only when the test says. */
class FakeWorker {
  sent: Envelope[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<Reply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: Envelope) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: Reply) {
    this.onmessage?.({ data: r } as MessageEvent<Reply>);
  }
}

function client() {
  const workers: FakeWorker[] = [];
  const c = new WorkerClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return { c, workers };
}

const file = new Blob(["x"]);
const tick = () => new Promise((ok) => setTimeout(ok, 0));

describe("WorkerClient", () => {
  it("gives each request its own answer and progress", async () => {
    const { c, workers } = client();
    const stages: string[] = [];
    const opened = c.request({ type: "open", file, name: "a.xlsx" }, (s, done, total) => stages.push(`${s.step} ${done}/${total}`));
    const w = workers[0];
    expect(w.sent.map((m) => m.type)).toEqual(["open"]);
    w.reply({ id: w.sent[0].id, type: "progress", stage: { step: "read" }, done: 1, total: 2 });
    w.reply({ id: w.sent[0].id, type: "done", value: { name: "a.xlsx", data: { sheets: [] }, notes: { unkept: [] } } });
    expect((await opened).name).toBe("a.xlsx");
    expect(stages).toEqual(["read 1/2"]);
  });

  it("rejects with the worker's words in both languages", async () => {
    const { c, workers } = client();
    const opened = c.request({ type: "open", file, name: "a.xlsx" });
    workers[0].reply({ id: workers[0].sent[0].id, type: "failed", error: { zh: "不是工作簿", en: "not a workbook" } });
    await expect(opened).rejects.toMatchObject({ name: "WorkerError", text: { zh: "不是工作簿", en: "not a workbook" } });
  });

  it("keeps the last file it could read: a fresh worker reads that one, not a file that failed", async () => {
    const { c, workers } = client();
    const good = c.request({ type: "open", file, name: "a.xlsx" });
    workers[0].reply({ id: workers[0].sent[0].id, type: "done", value: {} });
    await good;
    const bad = c.request({ type: "open", file: new Blob(["y"]), name: "b.xlsx" });
    workers[0].reply({ id: workers[0].sent[1].id, type: "failed", error: { zh: "不是工作簿", en: "not a workbook" } });
    await expect(bad).rejects.toMatchObject({ name: "WorkerError" });
    c.cancel();
    void c.request({ type: "assess", options: {} });
    expect(workers[1].sent[0]).toMatchObject({ type: "open", name: "a.xlsx" });
  });

  it("ends the worker on Cancel, and a fresh one reads the file again before computing", async () => {
    const { c, workers } = client();
    const opened = c.request({ type: "open", file, name: "a.xlsx" });
    workers[0].reply({ id: workers[0].sent[0].id, type: "done", value: {} });
    await opened;
    expect(c.generation).toBe(1);
    const controller = new AbortController();
    const assessed = c.request({ type: "assess", options: {} }, undefined, controller.signal);
    controller.abort();
    await expect(assessed).rejects.toMatchObject({ name: "AbortError" });
    expect(workers[0].terminated).toBe(true);

    const again = c.request({ type: "assess", options: {} });
    const w = workers[1];
    expect(w).toBeDefined();
    expect(c.generation).toBe(2);
    expect(w.sent.map((m) => m.type)).toEqual(["open"]);
    expect(w.sent[0]).toMatchObject({ type: "open", name: "a.xlsx", file });
    w.reply({ id: w.sent[0].id, type: "done", value: {} });
    await tick();
    expect(w.sent.map((m) => m.type)).toEqual(["open", "assess"]);
    w.reply({ id: w.sent[1].id, type: "done", value: { status: "ok" } });
    expect(await again).toEqual({ status: "ok" });
  });
});

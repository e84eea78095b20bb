// The page's side of its worker: one request at a time with its progress, and Cancel that stops the worker at once and starts a fresh one.
import type { Answers, Bilingual, Envelope, Reply, Request, Stage } from "./protocol";

export type OnStage = (stage: Stage, done: number, total: number) => void;

/** An error the worker reported, in both languages, with its lines (one per problem) when there are several. */
export class WorkerError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = "WorkerError";
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(e: unknown): void;
  onStage?: OnStage;
}

const abortError = () => new DOMException("cancelled", "AbortError");

export class WorkerClient {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The file opened last, kept so a worker started again after Cancel can read it again. */
  private opened?: { file: Blob; name: string };
  /** Counts the workers started: what one worker holds (the workbook, the last plan) a fresh one does not. */
  generation = 0;

  constructor(private readonly start: () => Worker) {}

  async request<K extends Request["type"]>(request: Extract<Request, { type: K }>, onStage?: OnStage, signal?: AbortSignal): Promise<Answers[K]> {
    if (signal?.aborted) throw abortError();
    if (request.type === "open") {
      const r = request as Extract<Request, { type: "open" }>;
      const answer = await this.send(r, onStage, signal);
      // Kept once read: a file that could not be read leaves the last good one open, in this worker and the next.
      this.opened = { file: r.file, name: r.name };
      return answer as Answers[K];
    }
    if (!this.worker && this.opened) await this.send({ type: "open", ...this.opened }, onStage, signal);
    return this.send(request, onStage, signal) as Promise<Answers[K]>;
  }

  /** Stops whatever the worker does; the next request starts a fresh worker (which reads the file again). */
  cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(abortError());
    this.pending.clear();
  }

  private send(request: Request, onStage?: OnStage, signal?: AbortSignal): Promise<unknown> {
    const worker = this.running();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => this.cancel();
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = (f: () => void) => {
        signal?.removeEventListener("abort", onAbort);
        this.pending.delete(id);
        f();
      };
      this.pending.set(id, { resolve: (v) => done(() => resolve(v)), reject: (e) => done(() => reject(e)), onStage });
      const envelope: Envelope = { ...request, id };
      worker.postMessage(envelope);
    });
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = this.start();
    this.generation++;
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      if (!p) return;
      if (reply.type === "progress") p.onStage?.(reply.stage, reply.done, reply.total);
      else if (reply.type === "done") p.resolve(reply.value);
      else p.reject(new WorkerError(reply.error));
    };
    // A worker that dies (out of memory, a script that would not start) fails what was asked of it, in words.
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      const detail = e.message || "worker error";
      this.worker?.terminate();
      this.worker = undefined;
      for (const p of this.pending.values())
        p.reject(new WorkerError({ zh: `后台处理意外停止（${detail}）。文件可能太大，超出浏览器可用的内存：请关闭其他网页后重试。`, en: `the background work stopped unexpectedly (${detail}); the file may be too large for the browser's memory: close other pages and try again.` }));
      this.pending.clear();
    };
    this.worker = worker;
    return worker;
  }
}

/** A worker from the source the page carries (kaohe/worker.js sets it): a Blob works from a local folder as from a web server. */
export function workerFromSource(source: string): () => Worker {
  // One URL for the page's life: a worker started again after Cancel needs it, and a revoked URL could race the worker's load.
  let url: string | undefined;
  return () => new Worker((url ??= URL.createObjectURL(new Blob([source], { type: "text/javascript" }))));
}

// The page's Web Worker: answers the page's requests one by one off its thread, with progress messages; Cancel ends the worker itself.
import type { Envelope, Reply } from "./protocol";
import { sha256 } from "./checksum";
import { blankTemplate } from "./templates";
import { bilingual, createWork } from "./work";

const scope = self as unknown as { onmessage: ((e: MessageEvent<Envelope>) => void) | null; postMessage(m: Reply, transfer?: Transferable[]): void };

const work = createWork({ checksum: sha256, template: blankTemplate });

// One request at a time: the page waits for each answer before it asks again.
let queue = Promise.resolve();
scope.onmessage = (e) => {
  const request = e.data;
  const { id } = request;
  queue = queue.then(async () => {
    try {
      const value = await work.handle(request, (stage, done, total) => scope.postMessage({ id, type: "progress", stage, done, total }));
      const transfer = "bytes" in value && value.bytes instanceof ArrayBuffer ? [value.bytes] : [];
      scope.postMessage({ id, type: "done", value }, transfer);
    } catch (err) {
      scope.postMessage({ id, type: "failed", error: bilingual(err) });
    }
  });
};

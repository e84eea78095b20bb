// Starts the page: checks the browser has what it needs, starts the worker from the source the page carries, and renders the steps.
import { createRoot } from "react-dom/client";
import { missingFeatures } from "./features";
import { webStrings } from "./strings";
import { WebApp } from "./WebApp";
import { WorkerClient, workerFromSource } from "./worker-client";

const root = document.getElementById("root");
if (!root) throw new Error("kaohe.html has no #root element");
// Chinese, as the offices work; ?lang=en for English.
const locale = new URLSearchParams(location.search).get("lang") === "en" ? "en-US" : "zh-CN";
const source = (self as { kaoheWorkerSource?: unknown }).kaoheWorkerSource;
const missing = missingFeatures(self as unknown as Record<string, unknown>);
if (typeof source !== "string") missing.push("kaohe/worker.js");

if (missing.length > 0) {
  // Plain text, in both languages: the browser may not be able to run the rest.
  root.textContent = `${webStrings["zh-CN"].browserLacks(missing.join("、"))}\n${webStrings["en-US"].browserLacks(missing.join(", "))}`;
  root.style.whiteSpace = "pre-line";
  root.style.padding = "16px";
} else {
  createRoot(root).render(<WebApp locale={locale} client={new WorkerClient(workerFromSource(source as string))} />);
}

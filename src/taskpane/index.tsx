// Starts the task pane: waits for Office (or finds a plain browser) and renders the app.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { paneLocale } from "./strings";

function render(host: string | null, displayLanguage: string | undefined) {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(<App host={host} locale={paneLocale(host ? displayLanguage : undefined)} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => render(info.host ? String(info.host) : null, Office.context?.displayLanguage));
} else {
  // office.js could not load (no network to its host): still show the pane, as a browser preview.
  render(null, undefined);
}

// Starts the task pane: waits for Office (or finds a plain browser), picks the host operations and renders the app.
import { createRoot } from "react-dom/client";
import type { Locale } from "../core/messages";
import { createExcelHost } from "../excel/host";
import { App } from "./App";
import { readLinkedInPane } from "./model/linked-file";
import type { HostOps } from "../excel/ops";
import { refusingHost } from "./preview-host";
import { paneLocale, strings } from "./strings";

/** Excel's operations inside Excel; a host that refuses with a clear message anywhere else, or if they cannot start. */
function hostOps(host: string | null, locale: Locale): HostOps {
  const s = strings[locale];
  if (host === null) return refusingHost(s.previewNoWorkbook);
  if (host !== String(Office.HostType.Excel)) return refusingHost(s.excelUnavailable);
  try {
    // The chosen file is read here, not through Excel: Office.js opens no second workbook to read.
    return { ...createExcelHost({ locale }), readLinked: (file, name) => readLinkedInPane(file, name, locale) };
  } catch (e) {
    // The pane still opens and says why nothing works, instead of staying blank.
    console.error(e);
    return refusingHost(s.excelUnavailable);
  }
}

function render(host: string | null, displayLanguage: string | undefined) {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const locale = paneLocale(host ? displayLanguage : undefined);
  createRoot(container).render(<App host={host} locale={locale} ops={hostOps(host, locale)} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => render(info.host ? String(info.host) : null, Office.context?.displayLanguage));
} else {
  // office.js could not load (no network to its host): still show the pane, as a browser preview.
  render(null, undefined);
}

// Starts the task pane: waits for Office (or finds a plain browser), picks the host operations and renders the app.
import { createRoot } from "react-dom/client";
import type { Locale } from "../core/messages";
import { createExcelHost } from "../excel/host";
import { App } from "./App";
import { readLinkedInPane } from "./model/linked-file";
import type { HostOps } from "../excel/ops";
import { refusingHost } from "./preview-host";
import { paneLocale } from "./pane-locale";
import { zh, type Strings } from "./strings-zh";

/** Excel's operations inside Excel; a host that refuses with a clear message anywhere else, or if they cannot start. */
function hostOps(host: string | null, locale: Locale, s: Strings): HostOps {
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

/** The words of the pane's language: Chinese with the pane's first script, English fetched as a chunk of its own. */
async function wordsOf(locale: Locale): Promise<Strings> {
  return locale === "zh-CN" ? zh : (await import(/* webpackChunkName: "strings-en" */ "./strings-en")).en;
}

async function render(host: string | null, displayLanguage: string | undefined) {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const locale = paneLocale(host ? displayLanguage : undefined);
  let s: Strings;
  try {
    s = await wordsOf(locale);
  } catch (e) {
    // The English words could not be fetched (the network dropped): the pane opens in Chinese rather than not at all.
    console.error(e);
    return createRoot(container).render(<App host={host} locale="zh-CN" s={zh} ops={hostOps(host, "zh-CN", zh)} />);
  }
  createRoot(container).render(<App host={host} locale={locale} s={s} ops={hostOps(host, locale, s)} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => void render(info.host ? String(info.host) : null, Office.context?.displayLanguage));
} else {
  // office.js could not load (no network to its host): still show the pane, as a browser preview.
  void render(null, undefined);
}

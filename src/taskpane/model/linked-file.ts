// Reads a workbook another kind's results are taken from, in the pane itself: the .xlsx reader is fetched the first time, so the pane's own scripts stay small.
import type { Locale } from "../../core/messages";
import { HostError } from "../../excel/ops";
import type { WorkbookData } from "../../workbook/sheet";

/** The reader's bilingual error (XlsxError) in the user's language, its further lines below; any other error as it is. */
function inLocale(e: unknown, locale: Locale): unknown {
  const x = e as { zh?: unknown; en?: unknown; details?: { zh: string; en: string }[] };
  if (typeof x?.zh !== "string" || typeof x.en !== "string") return e;
  const zh = locale === "zh-CN";
  return new HostError([zh ? x.zh : x.en, ...(x.details ?? []).map((d) => (zh ? d.zh : d.en))].join("\n"));
}

/** A chosen .xlsx file's values; a HostError in the user's language when it is not a readable .xlsx. */
export async function readLinkedInPane(file: Blob, name: string, locale: Locale): Promise<WorkbookData> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { readXlsxValues } = await import(/* webpackChunkName: "xlsx-reader" */ "./xlsx-values");
  try {
    return await readXlsxValues(bytes, name);
  } catch (e) {
    throw inLocale(e, locale);
  }
}

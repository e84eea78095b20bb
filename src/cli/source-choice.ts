// kaohe run/check --source: the sheet a link reads where several could be read, named as Excel names another workbook's sheet ([文件.xlsx]工作表) or by the sheet alone.
import type { LinkSourcePlace } from "../core/link";
import type { SchemeKind } from "../core/scheme";
import { kindNames, schemeKinds, sourceKinds } from "../kinds/registry";
import type { LinkedWorkbook } from "../workbook/links";
import { linkSourcePlaces } from "../workbook/pipeline";
import type { WorkbookData } from "../workbook/sheet";
import { CliError, ExitCode } from "./errors";

/** "[民主测评.xlsx]民主测评" → that file's sheet; "民主测评" → a sheet of that name in any of the workbooks. */
function parseSource(text: string): { file?: string; sheet: string } {
  const m = /^\s*\[([^\]]+)\]\s*(.+?)\s*$/.exec(text);
  return m ? { file: m[1], sheet: m[2] } : { sheet: text.trim() };
}

/**
 * The places named with --source, by the kind whose table each holds: every kind's candidates are
 * looked at (of the kinds some table takes results from), since the table being computed may not be known yet. A name that is no candidate of any
 * kind is a usage error listing what could be named.
 */
export function chosenSources(named: readonly string[], workbook: WorkbookData, linked: readonly LinkedWorkbook[], tableSheet?: string): Partial<Record<SchemeKind, LinkSourcePlace>> {
  const chosen: Partial<Record<SchemeKind, LinkSourcePlace>> = {};
  // Only the kinds some table takes results from: the table being computed is never one of them.
  const sources = schemeKinds.filter((k) => schemeKinds.some((taker) => sourceKinds(taker).includes(k)));
  const candidates = sources.flatMap((kind) => linkSourcePlaces(workbook, kind, { with: linked }, tableSheet ?? "").map((place) => ({ kind, place })));
  for (const text of named) {
    const want = parseSource(text);
    const hits = candidates.filter((c) => c.place.sheet.trim() === want.sheet && (want.file === undefined || (c.place.file ?? "") === want.file));
    if (hits.length === 0) {
      const list = candidates.map((c) => `${c.place.file ? `[${c.place.file}]` : ""}${c.place.sheet}（${kindNames[c.kind].zh}）`);
      throw new CliError(
        ExitCode.usage,
        `--source：找不到“${text}”这张可取数的表${list.length ? `；可以指定：${list.join("、")}` : "；输入文件和 --with 指定的工作簿中都没有可取数的考核表"}`,
        `--source: "${text}" is no sheet a link could read${list.length ? `; it could be one of: ${list.join(", ")}` : "; neither the input nor a --with workbook holds a table to take values from"}`,
      );
    }
    for (const h of hits) chosen[h.kind] = h.place;
  }
  return chosen;
}

// The 计算 screen's 取数来源: for each kind a table takes results from, the sheets it could read and the one it will, and whether a chosen file holds anything to read.
import type { LinkSourcePlace } from "../../core/link";
import type { Locale } from "../../core/messages";
import type { SchemeKind } from "../../core/scheme";
import { defaultScheme, kindById, kindNames, sourceKinds } from "../../kinds/registry";
import type { LinkedWorkbook } from "../../workbook/links";
import { linkSourcePlaces, type RunOptions } from "../../workbook/pipeline";
import type { WorkbookData } from "../../workbook/sheet";

/** What the user set: the other workbooks chosen, and the sheet chosen for a kind where several could be read. */
export interface SourceSettings {
  linked: readonly LinkedWorkbook[];
  chosen: Partial<Record<SchemeKind, LinkSourcePlace>>;
}

export interface SourceLine {
  /** The kind whose results are taken. */
  from: SchemeKind;
  /** The headers of the columns they fill; none where the kind's rules read them (the ledger reads the five-good results). */
  fills: string[];
  /** Every sheet they could be read from, the one a run reads first. */
  places: LinkSourcePlace[];
}

/** The kinds a kind takes results from, each with the sheets of this workbook (when read) and of the chosen files it could read. */
export function sourceLines(kind: SchemeKind, workbook: WorkbookData | undefined, settings: SourceSettings, tableSheet = ""): SourceLine[] {
  const links = kindById(kind).links ?? [];
  const fields = links.length ? kindById(kind).fields(defaultScheme(kind)) : [];
  const options = { with: settings.linked, sources: settings.chosen };
  return sourceKinds(kind).map((from) => ({
    from,
    fills: links.filter((l) => l.from === from).map((l) => fields.find((f) => f.id === l.field)?.header ?? l.field),
    places: linkSourcePlaces(workbook ?? { sheets: [] }, from, options, tableSheet),
  }));
}

/** Whether two places are one sheet of one file. */
export const samePlace = (a: LinkSourcePlace | undefined, b: LinkSourcePlace | undefined): boolean => a !== undefined && b !== undefined && a.sheet === b.sheet && (a.file ?? "") === (b.file ?? "");

/**
 * The sheets of a chosen file a kind could read: a table of a kind it takes results from, or a sheet
 * named as one of its own further tables (the secretary's 半年考核 and 四诺 register, which its rules
 * look for in linked workbooks too). None: the file is of no use to this table.
 */
export function usableSheets(kind: SchemeKind, file: LinkedWorkbook): string[] {
  const own = new Set(linkedTables(kind));
  const sources = sourceKinds(kind).flatMap((from) => linkSourcePlaces({ sheets: [] }, from, { with: [file] }).map((p) => p.sheet));
  return [...new Set([...sources, ...file.workbook.sheets.filter((s) => own.has(s.name)).map((s) => s.name)])];
}

/** The tables a chosen file may hold for a kind, named as usableSheets looks for them: the source kinds, then its further tables' sheets. */
export function usableTables(kind: SchemeKind, locale: Locale): string[] {
  const lang = locale === "zh-CN" ? "zh" : "en";
  return [...sourceKinds(kind).map((k) => kindNames[k][lang]), ...linkedTables(kind)];
}

/** The sheets of a kind's own further tables its rules look for in linked workbooks too (the secretary's 半年考核 and 四诺 register). */
export const linkedTables = (kind: SchemeKind): string[] => (kindById(kind).secondTables ?? []).filter((t) => t.linked).map((t) => t.sheet);

/** Whether the 计算 screen shows 取数来源 for a kind: it takes another kind's results, or looks for its own tables in other workbooks. */
export const takesSources = (kind: SchemeKind): boolean => sourceKinds(kind).length > 0 || linkedTables(kind).length > 0;

/** The run options of what the user set; none when nothing is set, so a run is the one it was before links. */
export function sourceOptions(settings: SourceSettings): Pick<RunOptions, "with" | "sources"> {
  return { ...(settings.linked.length ? { with: settings.linked } : {}), ...(Object.keys(settings.chosen).length ? { sources: settings.chosen } : {}) };
}

/** What the user set with a file added: a file of the same name replaces the earlier one (chosen again after fixing it). */
export function withFile(settings: SourceSettings, file: LinkedWorkbook): SourceSettings {
  const linked = settings.linked.some((l) => l.name === file.name) ? settings.linked.map((l) => (l.name === file.name ? file : l)) : [...settings.linked, file];
  return { ...settings, linked };
}

/** What the user set with a file removed, and every sheet chosen in it. */
export function withoutFile(settings: SourceSettings, name: string): SourceSettings {
  const chosen = Object.fromEntries(Object.entries(settings.chosen).filter(([, p]) => p?.file !== name)) as SourceSettings["chosen"];
  return { linked: settings.linked.filter((l) => l.name !== name), chosen };
}

/** The place a select's value names, and back: the file and the sheet, which no name can mix up. */
export const placeKey = (p: LinkSourcePlace): string => JSON.stringify([p.file ?? "", p.sheet]);
export const placeOfKey = (key: string, places: readonly LinkSourcePlace[]): LinkSourcePlace | undefined => places.find((p) => placeKey(p) === key);

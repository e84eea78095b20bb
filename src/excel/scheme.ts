// The scheme kept in the workbook: as JSON in the workbook's settings (travels with the file) and as the readable sheet 考核方案.
import { schemeToJson, type Scheme, type SchemeKind } from "../core/scheme";
import { schemeFromJson, schemeKinds, validateScheme } from "../kinds/registry";
import type { DrawReport, WorkbookOverview } from "./ops";
import { SCHEME_SHEET, schemeFromSheet, schemeSheet } from "../workbook/scheme-sheet";
import type { SheetData } from "../workbook/sheet";
import { drawSheets } from "./draw";
import { asHostError, hostError, messages } from "./errors";
import { probeSheets, readSheet, SCHEME_SETTING } from "./read";
import type { Session } from "./session";

interface Stored {
  sheets: string[];
  /** The sheet 考核方案 as plain data, when the workbook has it. */
  sheet?: SheetData;
  /** The settings' JSON, when there is one. */
  json?: string;
}

/** The sheet names, the 考核方案 sheet and the stored JSON: 2 syncs, and one more per chunk of a long scheme sheet. */
async function stored(session: Session): Promise<Stored> {
  const book = session.context.workbook;
  book.worksheets.load("items/name");
  const setting = book.settings.getItemOrNullObject(SCHEME_SETTING);
  setting.load("value");
  try {
    await session.sync();
  } catch (e) {
    throw asHostError(e, SCHEME_SHEET, session.locale);
  }
  const sheets = book.worksheets.items.map((s) => s.name);
  const out: Stored = { sheets };
  if (!setting.isNullObject && setting.value !== null && setting.value !== undefined) out.json = typeof setting.value === "string" ? setting.value : JSON.stringify(setting.value);
  if (sheets.includes(SCHEME_SHEET)) {
    const probed = probeSheets(session, [SCHEME_SHEET]);
    try {
      await session.sync();
    } catch (e) {
      throw asHostError(e, SCHEME_SHEET, session.locale);
    }
    out.sheet = await readSheet(session, probed()[0]);
  }
  return out;
}

/**
 * The workbook's scheme: the sheet 考核方案 when there is one (it is what people edit, and what the
 * pipeline reads first), else the settings' JSON, else none. A scheme with problems is an error
 * listing them, never quietly replaced by another.
 */
export async function loadScheme(session: Session): Promise<Scheme | undefined> {
  const s = await stored(session);
  if (s.sheet) {
    const v = schemeFromSheet(s.sheet);
    if (!v.scheme) throw hostError(messages.schemeInvalid("sheet", v.problems)[session.locale]);
    return v.scheme;
  }
  if (s.json !== undefined) {
    const v = schemeFromJson(s.json);
    if (!v.scheme) throw hostError(messages.schemeInvalid("settings", v.problems)[session.locale]);
    return v.scheme;
  }
  return undefined;
}

/** Writes the scheme's sheet (replacing the old one), then the settings' JSON, so the two never disagree after a failed write. */
export async function saveScheme(session: Session, scheme: Scheme): Promise<DrawReport> {
  const v = validateScheme(scheme);
  if (!v.scheme) throw hostError(messages.schemeInvalid("settings", v.problems)[session.locale]);
  const report = await drawSheets(session, [], [schemeSheet(v.scheme)], { replaceable: [SCHEME_SHEET] });
  session.context.workbook.settings.add(SCHEME_SETTING, schemeToJson(v.scheme));
  try {
    await session.sync();
  } catch (e) {
    throw asHostError(e, SCHEME_SHEET, session.locale);
  }
  return report;
}

const isKind = (k: unknown): k is SchemeKind => typeof k === "string" && (schemeKinds as readonly string[]).includes(k);

/** Kind and title as written, without validating the rest: the start screen only names the scheme; its problems show when it is used. */
function looseInfo(s: Stored): { kind?: SchemeKind; title?: string } {
  if (s.sheet) {
    const v = schemeFromSheet(s.sheet);
    if (v.scheme) return { kind: v.scheme.kind, title: v.scheme.title };
    const headerRow = s.sheet.rows.findIndex((r) => r.includes("键"));
    if (headerRow >= 0) {
      const header = s.sheet.rows[headerRow];
      const k = header.indexOf("键");
      const val = header.indexOf("设置值");
      const get = (name: string) => s.sheet!.rows.slice(headerRow + 1).find((r) => r[k] === name)?.[val];
      const kind = get("kind");
      const title = get("title");
      return { kind: isKind(kind) ? kind : undefined, title: typeof title === "string" ? title : undefined };
    }
    return {};
  }
  if (s.json === undefined) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(s.json);
  } catch {
    // Broken JSON names no scheme here; running the assessment reports it with its parse error.
    return {};
  }
  const o = (raw ?? {}) as { kind?: unknown; title?: unknown };
  return { kind: isKind(o.kind) ? o.kind : undefined, title: typeof o.title === "string" ? o.title : undefined };
}

export async function overview(session: Session): Promise<WorkbookOverview> {
  const s = await stored(session);
  const info = looseInfo(s);
  const out: WorkbookOverview = { sheets: s.sheets };
  if (info.kind) out.schemeKind = info.kind;
  if (info.title) out.schemeTitle = info.title;
  return out;
}

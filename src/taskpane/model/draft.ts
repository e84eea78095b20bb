// The scheme editor's draft: a Scheme whose fields may still hold text as typed, the parsing of that text, and the problems and hints of each field.
import type { Locale } from "../../core/messages";
import { schemeSources, type Scheme, type SchemeKind, type SchemeProblem } from "../../core/scheme";
import { defaultScheme, validateScheme } from "../../kinds/registry";
import { resolveColumnMapping } from "../../workbook/column-mapping";

/**
 * What the editor holds. Its shape is a Scheme, but a number field may carry the text the user typed
 * ("9o") until it is fixed: validateScheme then names the problem at that very field, which is where
 * the user is looking.
 */
export type SchemeDraft = Scheme;

export type Path = readonly (string | number)[];

/** ["grade", "cutoffs", 1] → "grade.cutoffs[1]", the way validateScheme names places. */
export function pathText(path: Path): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}

export function getIn(value: unknown, path: Path): unknown {
  let node = value;
  for (const p of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[p];
  }
  return node;
}

/** A copy with one value replaced; only the objects along the path are copied. */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  const node = value as unknown;
  const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<string | number, unknown>;
  copy[head] = setIn(copy[head], rest, next);
  return copy as T;
}

/** A copy of a list at `path` with one row removed. */
export function removeAt<T>(value: T, path: Path, index: number): T {
  const list = getIn(value, path);
  if (!Array.isArray(list)) return value;
  return setIn(value, path, list.filter((_, i) => i !== index));
}

/** A copy of a list at `path` with a row added at the end. */
export function append<T>(value: T, path: Path, row: unknown): T {
  const list = getIn(value, path);
  return setIn(value, path, [...(Array.isArray(list) ? list : []), row]);
}

/** Full-width digits, ％ and ，become their ASCII forms (Chinese input methods type them). */
function normal(text: string): string {
  return text.normalize("NFKC").trim();
}

const numeric = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number as typed: numeric text becomes a number; anything else stays text, for validation to name. */
export function parseNumber(text: string): number | string {
  const t = normal(text);
  return numeric.test(t) ? Number(t) : t;
}

/** As parseNumber, but an empty field means "none" (a deduction without a cap of its own). */
export function parseOptionalNumber(text: string): number | string | null {
  const t = normal(text);
  return t === "" ? null : parseNumber(t);
}

/** A ratio as typed: "20%", "1/3" and "0.2" are all kept as text; toRatio reads them exactly. */
export function parseRatio(text: string): string {
  return normal(text);
}

const separators = /[,;、\s]+/;

/** "90, 80，60" or "90、80、60" → [90, 80, 60]; an entry that is not a number stays text. */
export function parseNumberList(text: string): (number | string)[] {
  return normal(text)
    .split(separators)
    .filter((t) => t !== "")
    .map(parseNumber);
}

/** "优秀、称职, 基本称职" → ["优秀", "称职", "基本称职"]. */
export function parseTextList(text: string): string[] {
  return normal(text)
    .split(/[,;、]+/)
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/** A value as the editor shows it in a text box. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(formatValue).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** The problems at a field or inside it: "grade.cutoffs" gets "grade.cutoffs" and "grade.cutoffs[1]". */
export function problemsAt(problems: readonly SchemeProblem[], path: string): SchemeProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(path + ".") || p.path.startsWith(path + "["));
}

/** The problems no shown field takes, so the editor can list them on their own. */
export function unplacedProblems(problems: readonly SchemeProblem[], shown: readonly string[]): SchemeProblem[] {
  return problems.filter((p) => !shown.some((s) => p.path === s || p.path.startsWith(s + ".") || p.path.startsWith(s + "[")));
}

/** The message of a problem in the pane's language. */
export function problemText(p: SchemeProblem, locale: Locale): string {
  return locale === "zh-CN" ? p.zh : p.en;
}

/** Where a setting's default comes from: its own entry, else its section's. */
export function sourceOf(path: string, locale: Locale): string | undefined {
  const entry = schemeSources[path] ?? schemeSources[path.split(/[.[]/)[0]];
  return entry ? (locale === "zh-CN" ? entry.zh : entry.en) : undefined;
}

/** The longest default shown in a hint; a list of twenty items is summarised, not spelled out. */
const HINT_LIMIT = 60;

/** How a default reads in a hint: lists joined, rows as their values, null as "none". */
export function defaultText(kind: SchemeKind, path: Path, locale: Locale, none: string, year = new Date().getFullYear()): string {
  const v = getIn(defaultScheme(kind, year), path);
  const zh = locale === "zh-CN";
  const show = (x: unknown): string => {
    if (x === null || x === undefined) return none;
    if (Array.isArray(x)) return x.length === 0 ? none : x.map(show).join(zh ? "、" : ", ");
    if (typeof x === "object") {
      const row = x as Record<string, unknown>;
      const values = Object.values(row).filter((y) => !Array.isArray(y));
      // A named row of many values (a category, a duty) reads best by its name; the source says the rest.
      const name = typeof row.name === "string" ? row.name : typeof row.grade === "string" ? row.grade : undefined;
      return name !== undefined && values.length > 2 ? name : values.map(show).join(" ");
    }
    return String(x);
  };
  const text = show(v);
  if (Array.isArray(v) && text.length > HINT_LIMIT) {
    const total = v.every((row) => typeof (row as { max?: unknown })?.max === "number") ? v.reduce((a, row) => a + (row as { max: number }).max, 0) : undefined;
    if (total !== undefined) return zh ? `${v.length} 项，合计 ${total} 分` : `${v.length} items, ${total} points in all`;
    return text.slice(0, HINT_LIMIT) + "…";
  }
  return text;
}

/** Validates the draft: the scheme to save when there is no problem, else every problem. */
export function checkDraft(draft: SchemeDraft): { scheme?: Scheme; problems: SchemeProblem[] } {
  const v = validateScheme(draft);
  // A column mapping's key must name a column of the kind; the check would refuse the scheme otherwise.
  const mapping = v.scheme ? resolveColumnMapping(v.scheme).problems : [];
  return mapping.length ? { problems: mapping } : v;
}

/** A fresh draft of another kind: settings differ by kind, so nothing of the old draft carries over. */
export function draftOfKind(kind: SchemeKind, year?: number): SchemeDraft {
  return defaultScheme(kind, year);
}

/** Whether the draft differs from what the workbook holds (compared as JSON, key order included). */
export function isDirty(draft: SchemeDraft | undefined, savedJson: string | undefined): boolean {
  if (!draft) return false;
  return JSON.stringify(draft) !== savedJson;
}

/** A file name for an exported scheme: its title, without characters file systems refuse. */
export function exportFileName(title: unknown): string {
  const base = [...String(title ?? "")]
    .filter((ch) => ch >= " ")
    .join("")
    .replace(/[\\/:*?"<>|]+/g, "_")
    .trim();
  return `${base || "考核方案"}.json`;
}

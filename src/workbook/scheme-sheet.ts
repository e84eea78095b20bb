// The scheme as a sheet people can read and edit (考核方案): one setting a row, with its Chinese name and source; and back.
import { isForbiddenKey, MAX_SCHEME_DEPTH, schemeSources, type Scheme, type SchemeKind, type SchemeProblem } from "../core/scheme";
import { defaultScheme, schemeKinds, validateScheme } from "../kinds/registry";
import { parseNumericText } from "../core/text";
import { append } from "../core/append";
import { fieldsFor, kinds, secondTables } from "../kinds/registry";
import type { PlanCell, ReportSheet } from "./plan";
import { settingName } from "./setting-names";
import { choiceCode, choiceList, choiceText, settingChoices, type Choice } from "./scheme-values";
import type { CellValue, SheetData } from "./sheet";

export const SCHEME_SHEET = "考核方案";

/** The kinds a scheme may be of, as the 考核类型 row names them. */
const kindChoices = (): Choice[] => kinds.map((k) => ({ code: k.id, zh: k.names.zh, aliases: [] }));
const KEY_HEADER = "键";

function leaves(value: unknown, path: string, out: [string, string | number | boolean | null][]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push([path, "[]"]);
    value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) out.push([path, "{}"]);
    for (const [k, v] of entries) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.push([path, value as string | number | boolean | null]);
}

function sourceOf(path: string): string {
  const top = path.replace(/\[\d+\].*$/, "");
  const key = Object.keys(schemeSources).find((k) => top === k || top.startsWith(k + ".") || path.startsWith(k + "[") || path.startsWith(k + "."));
  return key ? schemeSources[key].zh : "";
}

/** A setting's value as the sheet shows it: a choice in Chinese (去尾法, not floor); a number or the user's own text as it is. */
function shownValue(path: string, v: string | number | boolean | null, labels: readonly string[]): PlanCell {
  if (v === null) return "";
  // A yes/no setting reads 是/否 as the rest of the sheet does; either reads back as yes/no.
  if (typeof v === "boolean") return v ? "是" : "否";
  const choices = typeof v === "string" ? settingChoices(path, labels, kindChoices()) : undefined;
  return choices ? choiceText(choices, v as string) : v;
}

/** The sheet's name of a setting; a column mapping is named by the column's standard header ("列对应 姓名"), not by the program's id. */
function shownName(path: string, headers: ReadonlyMap<string, string>): string {
  const m = /^columns\.(.+)$/.exec(path);
  const header = m ? headers.get(m[1]) : undefined;
  return header === undefined ? settingName(path) : `${settingName("columns")} ${header}`;
}

/** The scheme as a sheet: 键 (hidden key), 项目, 设置值, 来源. */
export function schemeSheet(scheme: Scheme): ReportSheet {
  const rows: [string, string | number | boolean | null][] = [];
  leaves(scheme, "", rows);
  const labels = Array.isArray(scheme.grade?.labels) ? scheme.grade.labels : [];
  const headers = new Map<string, string>();
  if (scheme.columns && Object.keys(scheme.columns).length > 0)
    for (const f of [...fieldsFor(scheme), ...secondTables.flatMap((t) => t.fields)]) if (!headers.has(f.id)) headers.set(f.id, f.header);
  return {
    name: SCHEME_SHEET,
    title: `考核方案：${scheme.title}`,
    subtitle: "可直接修改“设置值”列；“键”列供程序识别，请勿修改。",
    columns: [
      { header: KEY_HEADER, width: 24, hidden: true },
      { header: "项目", width: 26 },
      { header: "设置值", width: 22, format: "text" },
      { header: "来源", width: 50 },
    ],
    rows: rows.map<PlanCell[]>(([path, v]) => [path, shownName(path, headers), shownValue(path, v, labels), sourceOf(path)]),
  };
}

/** "grade.cutoffs[1]" → ["grade", "cutoffs", 1]. */
function keyParts(key: string): (string | number)[] {
  return [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

type Node = Record<string | number, unknown>;

/**
 * Sets one value at a key's path in a tree built from prototype-less objects, so that no key can
 * reach a built-in through an inherited property; only own properties are followed. Says why not
 * when the path runs through a value that is not a list or a group of settings.
 */
function setPath(target: Node, parts: readonly (string | number)[], value: unknown): "conflict" | undefined {
  let node = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i];
    const next = Object.hasOwn(node, p) ? node[p] : undefined;
    if (next === undefined || next === null) node[p] = typeof parts[i + 1] === "number" ? [] : Object.create(null);
    else if (typeof next !== "object") return "conflict";
    node = node[p] as Node;
  }
  const last = parts[parts.length - 1];
  if (Object.hasOwn(node, last) && node[last] !== null && typeof node[last] === "object") return "conflict";
  node[last] = value;
  return undefined;
}

/** The tree as ordinary objects and lists, naming the first gap in a list ("items[3]" with no items[2]). */
function plain(value: unknown, path: string, gaps: string[]): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) gaps.push(`${path}[${i}]`);
      out.push(plain(value[i], `${path}[${i}]`, gaps));
    }
    return out;
  }
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, path ? `${path}.${k}` : k, gaps)]));
  return value;
}

function readValue(v: CellValue): unknown {
  if (v === null || v === "") return null;
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (t === "[]") return [];
  if (t === "{}") return {};
  if (t === "TRUE" || t === "FALSE") return t === "TRUE";
  // Ratios stay text ("30%", "2/3"); a number typed as text is a number.
  const n = parseNumericText(t);
  return n === undefined ? t : n;
}

/**
 * The scheme from its sheet: the rows are found by the 键 header; every problem is listed. The keys
 * come from a file anyone may have edited: a key that could reach a built-in object, a repeated or
 * conflicting key, or an index past the sheet's rows is refused with its row.
 */
export function schemeFromSheet(sheet: SheetData): { scheme?: Scheme; problems: SchemeProblem[] } {
  const headerRow = sheet.rows.findIndex((r) => r.some((c) => c === KEY_HEADER));
  if (headerRow < 0) return { problems: [{ path: "", zh: `工作表“${sheet.name}”中找不到“${KEY_HEADER}”列`, en: `sheet "${sheet.name}" has no "${KEY_HEADER}" column` }] };
  const header = sheet.rows[headerRow];
  const keyCol = header.indexOf(KEY_HEADER);
  const valueCol = header.findIndex((c) => c === "设置值");
  if (valueCol < 0) return { problems: [{ path: "", zh: `工作表“${sheet.name}”中找不到“设置值”列`, en: `sheet "${sheet.name}" has no "设置值" column` }] };
  const raw: Node = Object.create(null);
  const problems: SchemeProblem[] = [];
  const seen = new Map<string, number>();
  // An index can be no larger than the rows below the header: each item takes a row at least.
  const maxIndex = sheet.rows.length;
  sheet.rows.forEach((row, i) => {
    const key = row[keyCol];
    if (i <= headerRow || typeof key !== "string" || key.trim() === "") return;
    const at = i + 1;
    const shown = key.trim().slice(0, 60);
    const refuse = (zh: string, en: string) => problems.push({ path: "", row: at, zh: `键“${shown}”${zh}`, en: `the key "${shown}" ${en}` });
    const parts = keyParts(key.trim());
    const bad = parts.find((p) => typeof p === "string" && isForbiddenKey(p));
    if (bad !== undefined)
      return refuse(
        `含有“${bad}”，不能用作设置名（它会改动程序内部的对象）。请删除这一行（程序写出的“考核方案”表没有这样的键）`,
        `contains "${bad}", which cannot name a setting (it would change the program's own objects). Delete this row (the 考核方案 sheet the program writes has no such key)`,
      );
    if (parts.length === 0) return refuse("不是设置名。请删除这一行（程序写出的“考核方案”表没有这样的键）", "is not a setting name. Delete this row (the 考核方案 sheet the program writes has no such key)");
    if (parts.length > MAX_SCHEME_DEPTH)
      return refuse(`超过 ${MAX_SCHEME_DEPTH} 层，不是考核方案的设置。请删除这一行`, `is nested more than ${MAX_SCHEME_DEPTH} levels deep, which no setting is. Delete this row`);
    const big = parts.find((p) => typeof p === "number" && p >= maxIndex);
    if (big !== undefined) return refuse(`中的序号 ${big} 超过了本表的行数。请改正序号`, `has the index ${big}, more than the sheet has rows. Correct the index`);
    const canonical = parts.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("");
    const before = seen.get(canonical);
    if (before !== undefined) return refuse(`与第${before}行重复，只能保留一行。请删除其中一行`, `repeats row ${before}; keep one of the two rows`);
    seen.set(canonical, at);
    if (setPath(raw, parts, readValue(row[valueCol] ?? null)) === "conflict")
      refuse("与前面的设置冲突（一个设置不能既是单个值又含有下级设置）。请删除这一行（程序写出的“考核方案”表没有这样的键）", "conflicts with a setting above (a setting cannot be both one value and a group of settings). Delete this row (the 考核方案 sheet the program writes has no such key)");
  });
  const gaps: string[] = [];
  const tree = plain(raw, "", gaps);
  for (const g of gaps) problems.push({ path: g, zh: `缺少这一项（前后的序号之间有空缺）。请补上这一行，或把后面的序号依次改小`, en: "is missing (a gap between the indexes). Add the row, or renumber the ones after it" });
  if (problems.length) return { problems };
  blankOrgTypes(tree as Node);
  append(problems, readChoices(tree as Node, seen));
  if (problems.length) return { problems };
  return validateScheme(tree);
}

/** A duty for every organisation has the type "", which the sheet shows as a blank cell: a blank reads back as "", not as a missing value. */
function blankOrgTypes(tree: Node): void {
  const duties = (tree.ledger as Node | undefined)?.duties;
  if (Array.isArray(duties)) for (const d of duties) if (d !== null && typeof d === "object" && (d as Node).orgType === null) (d as Node).orgType = "";
}

/** The grade names a veto's words refer to: the sheet's own, else its kind's standard ones. */
function gradeLabels(tree: Node): readonly string[] {
  const given = (tree.grade as Node | undefined)?.labels;
  if (Array.isArray(given) && given.every((x) => typeof x === "string")) return given as string[];
  const kind = tree.kind;
  return typeof kind === "string" && schemeKinds.includes(kind as SchemeKind) ? defaultScheme(kind as SchemeKind).grade.labels : [];
}

/**
 * Each setting that takes one of a few values back to the program's code: the sheet shows 去尾法, an
 * older sheet shows floor, and both read as floor. A word that is none of them is refused with its
 * row and the words it could be. The kind comes first, because the veto's words name its grades.
 */
function readChoices(tree: Node, rowOf: ReadonlyMap<string, number>): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const found: [string, string | number | boolean | null][] = [];
  leaves(tree, "", found);
  found.sort(([a], [b]) => (a === "kind" ? -1 : b === "kind" ? 1 : 0));
  let labels: readonly string[] = [];
  for (const [path, value] of found) {
    if (path !== "kind" && labels.length === 0) labels = gradeLabels(tree);
    const choices = typeof value === "string" ? settingChoices(path, labels, kindChoices()) : undefined;
    if (!choices) continue;
    const code = choiceCode(choices, value as string);
    const parts = keyParts(path);
    if (code !== undefined) {
      let node = tree;
      for (const p of parts.slice(0, -1)) node = node[p] as Node;
      node[parts[parts.length - 1]] = code;
      continue;
    }
    const row = rowOf.get(parts.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join(""));
    problems.push({
      path,
      ...(row === undefined ? {} : { row }),
      zh: `设置值“${String(value)}”无法识别，可选：${choiceList(choices)}。请改为其中之一`,
      en: `the value "${String(value)}" is not one of: ${choices.map((c) => `${c.zh} (${c.code})`).join(", ")}. Use one of them`,
    });
  }
  return problems;
}

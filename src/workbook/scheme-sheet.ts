// The scheme as a sheet people can read and edit (考核方案): one setting a row, with its Chinese name and source; and back.
import { schemeSources, validateScheme, type Scheme, type SchemeProblem } from "../core/scheme";
import { parseNumericText } from "../core/text";
import type { PlanCell, ReportSheet } from "./plan";
import type { CellValue, SheetData } from "./sheet";

export const SCHEME_SHEET = "考核方案";
const KEY_HEADER = "键";

const names: Record<string, string> = {
  version: "方案版本",
  kind: "考核类型",
  title: "考核名称",
  items: "指标",
  deductions: "扣分项",
  bonusCap: "加分封顶",
  periods: "考核期",
  parts: "综合构成",
  raters: "评议人组",
  trim: "去极值",
  ballot: "得票评定",
  grade: "等次",
  stars: "星级",
  pay: "工资",
  classes: "分类比例",
  targets: "目标",
  columns: "列对应",
  name: "名称",
  max: "分值",
  points: "每次扣分",
  cap: "上限",
  weight: "权重",
  dropHigh: "去掉最高分个数",
  dropLow: "去掉最低分个数",
  minCount: "去极值最少人数",
  thresholds: "门槛",
  turnout: "参评率",
  cutoffs: "分数线",
  labels: "等次名称",
  topRatio: "最高等次比例",
  rounding: "取整方式",
  minimum: "最少名额",
  tiePolicy: "并列处理",
  veto: "一票否决",
  groupBy: "分组",
  aspects: "方面",
  categories: "党员类别",
  aliases: "别名",
  quota: "比例限制",
  threshold: "星数门槛",
  ratio: "比例",
  basicRatio: "基本工资比例",
  method: "分配方式",
  coefficients: "系数",
  coefficient: "系数",
  unit: "金额单位",
};

/** "grade.cutoffs[1]" → "等次 分数线 2". */
export function settingName(path: string): string {
  return path
    .split(".")
    .map((seg) => {
      const m = /^([^[]+)((?:\[\d+\])*)$/.exec(seg);
      if (!m) return seg;
      const idx = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => String(Number(x[1]) + 1));
      return [names[m[1]] ?? m[1], ...idx].join(" ");
    })
    .join(" ");
}

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

/** The scheme as a sheet: 键 (hidden key), 项目, 设置值, 来源. */
export function schemeSheet(scheme: Scheme): ReportSheet {
  const rows: [string, string | number | boolean | null][] = [];
  leaves(scheme, "", rows);
  return {
    name: SCHEME_SHEET,
    title: `考核方案：${scheme.title}`,
    subtitle: "可直接修改“设置值”列；“键”列供程序识别，请勿修改。",
    columns: [
      { header: KEY_HEADER, width: 24 },
      { header: "项目", width: 26 },
      { header: "设置值", width: 22, format: "text" },
      { header: "来源", width: 50 },
    ],
    rows: rows.map<PlanCell[]>(([path, v]) => [path, settingName(path), v === null ? "" : v, sourceOf(path)]),
  };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
  let node: Record<string | number, unknown> = target;
  parts.forEach((p, i) => {
    if (i === parts.length - 1) {
      node[p] = value;
      return;
    }
    if (node[p] === undefined || node[p] === null) node[p] = typeof parts[i + 1] === "number" ? [] : {};
    node = node[p] as Record<string | number, unknown>;
  });
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

/** The scheme from its sheet: the rows are found by the 键 header; every problem is listed. */
export function schemeFromSheet(sheet: SheetData): { scheme?: Scheme; problems: SchemeProblem[] } {
  const headerRow = sheet.rows.findIndex((r) => r.some((c) => c === KEY_HEADER));
  if (headerRow < 0) return { problems: [{ path: "", zh: `工作表“${sheet.name}”中找不到“${KEY_HEADER}”列`, en: `sheet "${sheet.name}" has no "${KEY_HEADER}" column` }] };
  const header = sheet.rows[headerRow];
  const keyCol = header.indexOf(KEY_HEADER);
  const valueCol = header.findIndex((c) => c === "设置值");
  if (valueCol < 0) return { problems: [{ path: "", zh: `工作表“${sheet.name}”中找不到“设置值”列`, en: `sheet "${sheet.name}" has no "设置值" column` }] };
  const raw: Record<string, unknown> = {};
  for (const row of sheet.rows.slice(headerRow + 1)) {
    const key = row[keyCol];
    if (typeof key !== "string" || key.trim() === "") continue;
    setPath(raw, key.trim(), readValue(row[valueCol] ?? null));
  }
  return validateScheme(raw);
}

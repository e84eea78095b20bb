// The 异议记录 sheet: objections raised during the 公示 and the changes they led to, read, checked and applied to the announced results with their 审计 lines.
import { RuleError } from "../core/errors";
import { applyOverride, objectionAudit, objectionOutcomeNames, type NoticePeriod, type Objection } from "../core/notice";
import type { FieldDef } from "./fields";
import type { PlanCell } from "./plan";
import { readRecords } from "./read";
import type { Problem, WorkbookData } from "./sheet";
import { findTableIn } from "./table";

export const OBJECTION_SHEET = "异议记录";

export const objectionFields: FieldDef[] = [
  { id: "date", header: "日期", aliases: ["异议日期", "提出日期"], type: "date", required: true },
  { id: "objector", header: "异议人", aliases: ["提出人", "反映人"], type: "text", required: false },
  { id: "subject", header: "被异议人", aliases: ["异议对象", "对象", "姓名"], type: "text", required: true },
  { id: "matter", header: "异议内容", aliases: ["反映内容", "异议事项"], type: "text", required: true },
  { id: "outcome", header: "处理结果", aliases: ["核查结果", "结论"], type: "text", required: true },
  { id: "to", header: "调整为", aliases: ["调整后结果", "调整后"], type: "text", required: false },
  { id: "reason", header: "调整原因", aliases: ["调整理由", "处理意见"], type: "text", required: false },
  { id: "by", header: "处理人", aliases: ["处理单位", "核查人"], type: "text", required: false },
  // Last, so the sheets counties already keep read as before: the unit that tells namesakes apart (a merged county's township).
  { id: "unit", header: "被异议人单位", aliases: ["单位", "所在单位"], type: "text", required: false },
];

/** "李四（西村）": the name and the unit written after it, as the notice tells namesakes apart; the name alone otherwise. */
function subjectOf(typed: string): { name: string; unit: string } {
  const m = /^(.+?)\s*[（(]\s*(.+?)\s*[)）]$/.exec(typed);
  return m ? { name: m[1].trim(), unit: m[2] } : { name: typed, unit: "" };
}

export interface ObjectionsApplied {
  readonly found: boolean;
  /** The results after the upheld objections' changes, in the order given. */
  readonly values: (string | number | null)[];
  /** Rows that cannot be read or applied, with their place. */
  readonly problems: Problem[];
  /** 审计 rows: each objection, each change. */
  readonly audit: PlanCell[][];
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

/**
 * Reads the objections and applies the changes. An objection names its subject as the notice lists
 * the name, with a unit where namesakes need one (`units`: each person's township, village or
 * branch); one naming nobody on the notice, or two people, is a problem (an objection must be about
 * someone). A change (调整为) needs a reason and an upheld objection, as applyOverride requires; a
 * change on a rejected or pending objection is a problem naming its row, and the result stays. A
 * number typed for a numeric result (stars, a score) is kept a number.
 */
export function applyObjections(workbook: WorkbookData, names: readonly string[], values: readonly (string | number | null)[], period?: NoticePeriod, units: readonly (readonly string[])[] = []): ObjectionsApplied {
  const table = findTableIn(workbook.sheets, objectionFields, OBJECTION_SHEET);
  const out = [...values];
  if (!table || table.missing.length > 0) return { found: false, values: out, problems: [], audit: [] };
  const read = readRecords(table, objectionFields);
  const problems = [...read.problems];
  const audit: PlanCell[][] = [];
  const col = (id: string) => (table.columns.get(id) ?? -1) + 1;
  const place = (row: number, id: string): Omit<Problem, "zh" | "en"> => ({ sheet: table.sheet, row, col: col(id), header: table.headers.get(id) });
  for (const r of read.records) {
    const subject = text(r.values.subject);
    const outcome = objectionOutcomeNames[text(r.values.outcome).toLowerCase()];
    if (outcome === undefined) {
      problems.push({ ...place(r.row, "outcome"), zh: `处理结果“${text(r.values.outcome)}”无法识别；请填写 成立、不成立 或 待处理`, en: `the outcome "${text(r.values.outcome)}" is not recognised; write 成立, 不成立 or 待处理` });
      continue;
    }
    // A unit (its column, or in brackets after the name) keeps to the people of that township, village or branch.
    const named = subjectOf(subject);
    const unit = text(r.values.unit) || named.unit;
    const who = names.flatMap((n, i) => (n.trim() === named.name && (unit === "" || (units[i] ?? []).some((u) => u.trim() === unit)) ? [i] : []));
    if (who.length !== 1) {
      problems.push({
        ...place(r.row, "subject"),
        zh: who.length === 0 ? `“${subject}”${unit && !named.unit ? `（${unit}）` : ""}不在公示名单中；请核对姓名和单位` : `公示名单中有 ${who.length} 个“${subject}”；请在“被异议人单位”列填写其乡镇、村或支部，或写作“${named.name}（单位）”`,
        en: who.length === 0 ? `"${subject}"${unit && !named.unit ? ` (${unit})` : ""} is not on the notice; check the name and unit` : `the notice has ${who.length} people named "${subject}"; give the township, village or branch in 被异议人单位, or write "${named.name}（unit）"`,
      });
      continue;
    }
    const objection: Objection = { objector: text(r.values.objector), date: r.values.date as number, subject, matter: text(r.values.matter), outcome };
    const line = objectionAudit(objection, period);
    audit.push(["异议", subject, line.zh]);
    const to = text(r.values.to);
    if (to === "") continue;
    const current = out[who[0]];
    const typed = typeof current === "number" && Number.isFinite(Number(to)) ? Number(to) : to;
    try {
      const changed = applyOverride(current, { subject, to: typed, reason: text(r.values.reason), by: text(r.values.by) || undefined, date: objection.date }, objection);
      out[who[0]] = changed.value;
      audit.push(["公示后调整", subject, changed.audit.zh]);
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      problems.push({ ...place(r.row, e.key === "overrideNeedsReason" ? "reason" : "outcome"), zh: e.describe("zh-CN"), en: e.describe("en-US") });
    }
  }
  return { found: true, values: out, problems, audit };
}

// The 表彰名单 and 帮扶名单 report sheets drawn from members' final stars, and the helpers a user typed into an earlier 帮扶名单, read back for the next run.
import type { Commended, HelperAssignment, ListMember } from "../core/commend";
import { reportSheetNames, type PlanCell, type ReportSheet } from "./plan";
import type { SheetData } from "./sheet";

export const COMMEND_SHEET = reportSheetNames.commendation;
export const HELPER_SHEET = reportSheetNames.helpers;

/** A member as the lists print it: the fields the rules read and the ones a reader needs. */
export interface ListRow extends ListMember {
  readonly township?: string;
  readonly category?: string;
}

const text = (v: string | undefined) => v?.trim() ?? "";

/** 表彰名单: the commended members in the order the rule gives, with the reserve-pool flag when the scheme has it. */
export function commendationReport(title: string, members: readonly ListRow[], list: readonly Commended[], threshold: number): ReportSheet {
  const reserve = list.some((c) => c.reserveCandidate);
  return {
    name: COMMEND_SHEET,
    title,
    subtitle: `${threshold}星（含）以上党员，在“七一”和年终总结表彰会上予以表彰`,
    columns: [
      { header: "序号", format: "integer", width: 6 },
      { header: "乡镇", width: 12 },
      { header: "支部", width: 14 },
      { header: "姓名", width: 10 },
      { header: "星级", format: "integer", width: 6 },
      { header: "党员类别", width: 14 },
      ...(reserve ? [{ header: "可纳入后备干部", width: 14 }] : []),
    ],
    rows: list.map((c, n) => {
      const m = members[c.index];
      const row: PlanCell[] = [n + 1, text(m.township), m.branch, m.name, m.stars ?? "", text(m.category)];
      if (reserve) row.push(c.reserveCandidate ? "是（待审核）" : "");
      return row;
    }),
    notes: [
      `共 ${list.length} 人。`,
      ...(reserve ? ["“可纳入后备干部”为提名，符合条件的经支部审核后纳入村级后备干部重点培养。"] : []),
    ],
    signatures: true,
  };
}

const arrangement = (a: HelperAssignment) => (a.kept ? "沿用" : a.helper === null ? "待定" : "建议");

/**
 * 帮扶名单: each backward member, the helper and how the helper was chosen (沿用: kept from the
 * earlier list; 建议: proposed by the rule; 待定: nobody free), rows needing a look marked. The
 * 帮扶人 column is the one the user edits; helpersFromSheet reads it back on the next run.
 */
export function helperReport(title: string, members: readonly ListRow[], list: readonly HelperAssignment[], threshold: number, maxHelped: number): ReportSheet {
  const rows = list.map<PlanCell[]>((a, n) => {
    const m = members[a.index];
    const helperStars = a.helperIndex === null ? "" : (members[a.helperIndex].stars ?? "");
    return [n + 1, text(m.township), m.branch, m.name, m.stars ?? "", a.helper ?? "", helperStars, arrangement(a), a.note ?? ""];
  });
  return {
    name: HELPER_SHEET,
    title,
    subtitle: `${threshold}星（含）以下党员按后进党员管理，由本支部星级最高的党员帮扶，每人帮扶不超过${maxHelped}人`,
    columns: [
      { header: "序号", format: "integer", width: 6 },
      { header: "乡镇", width: 12 },
      { header: "支部", width: 14 },
      { header: "后进党员", width: 10 },
      { header: "星级", format: "integer", width: 6 },
      { header: "帮扶人", width: 10 },
      { header: "帮扶人星级", format: "integer", width: 10 },
      { header: "安排", width: 6 },
      { header: "说明", width: 30 },
    ],
    rows,
    warnRows: list.map((a, i) => (a.note ? i : -1)).filter((i) => i >= 0),
    notes: [
      `共 ${list.length} 人。`,
      "“帮扶人”可直接修改；下次计算时保留已填写的帮扶人，清空后重新建议。",
    ],
    signatures: true,
  };
}

/** The key a member is found by in an earlier helper list: branch and name, spaces trimmed. */
export const helperKey = (branch: string, name: string) => `${branch.trim()}\u0000${name.trim()}`;

/**
 * The helpers an earlier 帮扶名单 holds, by helperKey, so the next run keeps them: every filled
 * 帮扶人, whether the user typed it or left the proposal standing, since a helper once assigned
 * stays with the member until someone clears the cell. The header row is found by its headers,
 * not its position, so a user who inserted a row above it loses nothing. No such header: empty.
 */
export function helpersFromSheet(sheet: SheetData): Map<string, string> {
  const out = new Map<string, string>();
  const cellText = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
  const headerAt = sheet.rows.findIndex((r) => {
    const hs = r.map(cellText);
    return hs.includes("支部") && hs.includes("后进党员") && hs.includes("帮扶人");
  });
  if (headerAt < 0) return out;
  const hs = sheet.rows[headerAt].map(cellText);
  const [b, n, h] = [hs.indexOf("支部"), hs.indexOf("后进党员"), hs.indexOf("帮扶人")];
  for (const r of sheet.rows.slice(headerAt + 1)) {
    const branch = cellText(r[b]);
    const name = cellText(r[n]);
    const helper = cellText(r[h]);
    if (branch !== "" && name !== "" && helper !== "") out.set(helperKey(branch, name), helper);
  }
  return out;
}

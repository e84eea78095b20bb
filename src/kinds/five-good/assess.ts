// "Five good" Party organisations (the county's rural Party-building measures): each organisation's criteria, and the county's target rates met or not, compared exactly.
import { toRatio } from "../../core/exact";
import { roundedMean } from "../../core/composite";
import { reportTitle } from "../../core/title-text";
import { FIVE_GOOD_CRITERIA } from "./fields";
import type { PlanCell, ReportSheet } from "../../workbook/plan";
import type { RowRecord } from "../../workbook/read";
import { countyActuals, countyTargetsMet, fiveLeadShare, tallyOf } from "../../core/targets";
import { BAND_ACTUAL, BAND_REACHED } from "../../workbook/band-block";
import { type AssessInput, type Assessment, type BandCell, type KindRules, type Warning, groupIndices, groupOf, num } from "../../workbook/assess/common";
import { satisfactionShareMet, type SatisfactionShare } from "../../core/satisfaction";
import { readSatisfaction, satisfactionLine, SATISFACTION_SHEET } from "../ledger/satisfaction-sheet";

/**
 * A count as typed: null when its cell is blank, though reading counts a blank as 0 (a blank vote is
 * no vote). A column the table lacks is read as its field says (“五带头” absent: 0 people).
 */
function typed(input: AssessInput, r: RowRecord, id: string): number | null {
  const col = input.table.columns.get(id);
  const raw = col === undefined ? 0 : input.table.rows[r.row - 1]?.[col];
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "") ? null : num(r.values[id]);
}

/** The units' ratings where the scheme counts satisfaction as a share (the default) and the workbook has them; undefined for the mean. */
function ratedShare(input: AssessInput): SatisfactionShare | undefined {
  if ((input.scheme.ledger.satisfaction ?? "share") !== "share") return undefined;
  const { share } = readSatisfaction(input);
  return share && share.rated > 0 ? share : undefined;
}

function assess(input: AssessInput): Assessment {
  const { scheme, records } = input;
  // The rating units are the county's departments and stations: their share judges the county, never a township.
  const share = ratedShare(input);
  const met = records.map((r) => FIVE_GOOD_CRITERIA.filter((_, k) => r.values[`criterion${k + 1}`] === true).length);
  const good = met.map((m) => m === FIVE_GOOD_CRITERIA.length);
  const cells = records.map<PlanCell[]>((r, i) => [met[i], good[i] ? "是" : "否", fiveLeadShare(typed(input, r, "fiveLead"), num(r.values.members)) ?? ""]);
  const targets = scheme.targets.map((t) => ({ name: t.name, text: String(t.ratio), ratio: toRatio(t.ratio) }));
  const townships = records.map((r) => groupOf(r, "township"));
  const rows: PlanCell[][] = [];
  const warn: number[] = [];
  const line = (name: string, idx: number[], county = false) => {
    const sats = idx.map((i) => num(records[i].values.satisfaction)).filter((x): x is number => x !== null);
    // An organisation whose “五带头” count is blank is left out of the share, its rural members too (填表说明: 留空的不计入全县目标).
    const tally = tallyOf(
      idx.map((i) => ({
        fiveGood: good[i],
        satisfaction: num(records[i].values.satisfaction),
        members: num(records[i].values.members),
        fiveLead: typed(input, records[i], "fiveLead") === null ? null : (num(records[i].values.fiveLead) ?? 0),
      })),
    );
    // A target with nothing to measure it on does not count against the area.
    const reached = countyTargetsMet(tally, targets.map((t) => t.ratio));
    const [goodShare, mean, leadShare] = countyActuals(tally);
    let satisfaction = mean;
    if (share) {
      reached[1] = county && targets[1] ? satisfactionShareMet(share, targets[1].ratio) : null;
      satisfaction = county ? share.satisfied / share.rated : null;
    }
    const checks = reached.map((met) => met !== false);
    if (checks.includes(false)) warn.push(rows.length);
    rows.push([
      name,
      idx.length,
      tally.fiveGood,
      goodShare ?? "",
      roundedMean(sats, 2) ?? "",
      tally.members,
      tally.fiveLead,
      leadShare ?? "",
      checks.every(Boolean) ? "全部达标" : `未达标：${targets.filter((_, k) => !checks[k]).map((t) => t.name).join("、")}`,
    ]);
    // The template's 全县实际 row holds the unrounded figures its formulas give (the mean satisfaction as a share of 100).
    return {
      actual: [goodShare ?? "", satisfaction ?? "", leadShare ?? ""],
      reached: reached.map((met) => (met === null ? "" : met ? "达标" : "未达标")),
    };
  };
  for (const [g, idx] of groupIndices(townships)) line(g, idx);
  const countyRow = rows.length;
  const countyFigures = line("全县", records.map((_, i) => i), true);
  const county = rows[countyRow];
  const band = bandCells(input, countyFigures);
  const report: ReportSheet = {
    name: "汇总",
    title: reportTitle(scheme.title, "汇总"),
    subtitle: `目标：${targets.map((t) => `${t.name} ≥ ${t.text}`).join("；")}`,
    columns: [
      { header: "乡镇", width: 12 },
      { header: "党组织数", format: "integer", width: 9 },
      { header: "“五好”数", format: "integer", width: 9 },
      { header: "“五好”比例", format: "percent", width: 10 },
      { header: "平均满意度", format: "score", width: 10 },
      { header: "农村党员数", format: "integer", width: 10 },
      { header: "“五带头”党员数", format: "integer", width: 13 },
      { header: "“五带头”比例", format: "percent", width: 11 },
      { header: "目标完成情况", width: 28 },
    ],
    rows,
    strongRows: [countyRow],
    warnRows: warn,
    notes: [
      "比例按“以上”含本数、精确比较。",
      "“五带头”党员数留空的党组织不计入“五带头”比例，其党员也不计入“农村党员数”一列。",
      ...(share ? [`满意度目标按“${SATISFACTION_SHEET}”表全县计算（满意 ${share.satisfied} 个单位 / 测评 ${share.rated} 个单位），不分乡镇；“平均满意度”为各党组织群众满意度的平均分，仅供参考。`] : []),
    ],
    signatures: true,
    landscape: true,
    charts: countyRow > 0 ? [{ kind: "bar", title: "各乡镇“五好”比例", firstRow: 0, lastRow: countyRow - 1, categoryCol: 0, seriesCols: [3] }] : [],
  };
  return {
    warnings: satisfactionWarnings(input, share, county),
    band,
    columns: [
      { header: "达标项数", format: "integer", width: 8 },
      { header: "是否“五好”", width: 9 },
      { header: "“五带头”比例", format: "percent", width: 11 },
    ],
    cells,
    reports: [report],
    overrides: [],
    summary: {
      zh: [`党组织 ${records.length} 个，“五好” ${good.filter(Boolean).length} 个`, `全县：${String(county[8])}`],
      en: [`${records.length} organisations, ${good.filter(Boolean).length} "five good"`, `county: ${warn.includes(countyRow) ? "a target is not met" : "all targets met"}`],
    },
  };
}

/** What the satisfaction target was measured on, said on screen and in 审计, as the ledger says it. */
function satisfactionWarnings(input: AssessInput, share: SatisfactionShare | undefined, county: PlanCell[]): Warning[] {
  const target = input.scheme.targets[1];
  if (!target) return [];
  if (share) {
    return [satisfactionLine(undefined, share, satisfactionShareMet(share, toRatio(target.ratio)), String(target.ratio))];
  }
  // The mean counted where the scheme asks for it says nothing; counted for want of the ratings, it says what it stands in for.
  if ((input.scheme.ledger.satisfaction ?? "share") === "share" && county[4] !== "")
    return [
      {
        zh: `没有“${SATISFACTION_SHEET}”表：满意度按各党组织群众满意度的平均分计算；《我县农村党建工作措施》要求的是县直部门和基层站所中满意单位所占比例，请添加“${SATISFACTION_SHEET}”（测评单位、测评结果）`,
        en: `no ${SATISFACTION_SHEET} sheet: satisfaction is the mean of the organisations' scores; the county's measures ask for the share of county departments and grass-roots stations satisfied: add the sheet (unit, rating)`,
      },
    ];
  return [];
}

/** The columns the template's band judges, in the targets' order: the “五好” share, the satisfaction, the “五带头” share. */
const bandColumns: BandCell["under"][] = [{ result: "是否“五好”" }, { field: "satisfaction" }, { result: "“五带头”比例" }];

/**
 * The county's figures for the template's 全县实际 and 是否达标 rows, found by their labels above the
 * header (a table without them gets none): the 全县 line of 汇总, to the cell the formulas give.
 */
function bandCells(input: AssessInput, county: { actual: PlanCell[]; reached: PlanCell[] }): BandCell[] {
  const out: BandCell[] = [];
  const { table } = input;
  for (let row = 0; row < table.headerRow; row++) {
    const first = (table.rows[row] ?? [])[0];
    const label = typeof first === "string" ? first.trim() : "";
    const values = label === BAND_ACTUAL ? county.actual : label === BAND_REACHED ? county.reached : null;
    if (values) input.scheme.targets.slice(0, bandColumns.length).forEach((_, k) => out.push({ row, under: bandColumns[k], value: values[k] ?? "" }));
  }
  return out;
}

/** A rating that is not a word the share knows is a problem at its cell, where the share is counted. */
const check = (input: AssessInput) => ((input.scheme.ledger.satisfaction ?? "share") === "share" ? readSatisfaction(input).problems : []);

export const fiveGoodRules: KindRules = { check, assess };

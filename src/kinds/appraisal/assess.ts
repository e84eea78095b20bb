// Democratic appraisal and duty-report review: the rater groups' composite and the vote-share grade with its turnout rule.
import { fixedText } from "../../core/wording";
import { sumOf } from "../../core/sums";
import { roundHalfUp, toRatio } from "../../core/exact";
import { reportTitle } from "../../core/title-text";
import { trimmedMean, weightedMean } from "../../core/composite";
import { formatMessage } from "../../core/messages";
import { labelKey } from "../../core/grade";
import type { TrimRules } from "../../core/scheme";
import { INVALID_BALLOT, ballotGrade, topVoteShare, turnoutShortfall } from "../../core/votes";
import { raterFieldId } from "../../workbook/fields";
import { RATER_DETAIL_SHEET, raterDetailFields } from "./fields";
import { reportSheetNames, type PlanCell } from "../../workbook/plan";
import { readRecords } from "../../workbook/read";
import type { Problem } from "../../workbook/sheet";
import { findTableIn } from "../../workbook/table";
import { choiceNamed } from "../../workbook/scheme-values";
import { atRecord } from "../../workbook/assess/place";
import { rankColumn, rankHeader } from "../../workbook/rank-column";
import { numberText } from "../../core/number-text";
import { type AssessInput, type Assessment, type KindRules, cell, groupOf, num, rankWithin, rankingReport, roundScore, str, summaryReport } from "../../workbook/assess/common";

const voteFields = ["votesTop", "votesSecond", "votesThird", "votesBottom"] as const;

/** The raters' own scores from 评分明细: per record (by index in input.records), per rater group, the scores given. */
interface RaterDetail {
  scores: number[][][];
  problems: Problem[];
}

/**
 * 评分明细, when the workbook has it. Another sheet counts only when it has every column: a roster
 * with a 姓名 column is not a detail sheet. A person is matched by 编号 when both tables have one,
 * else by name; a name that two rows of the appraisal table share needs the 编号.
 */
function readRaterDetail(input: AssessInput): RaterDetail {
  const { scheme, records } = input;
  const scores = records.map(() => scheme.raters.map<number[]>(() => []));
  const skip = new Set<string>([input.table.sheet, ...Object.values(reportSheetNames)]);
  // No column mapping: the scheme's mapping names the appraisal table's own headers.
  const table = findTableIn(
    input.workbook.sheets.filter((s) => !skip.has(s.name)),
    raterDetailFields,
    RATER_DETAIL_SHEET,
  );
  if (!table || (table.missing.length > 0 && table.sheet !== RATER_DETAIL_SHEET)) return { scores, problems: [] };
  if (table.missing.length > 0)
    return {
      scores,
      problems: [
        {
          sheet: table.sheet,
          row: table.headerRow + 1,
          col: 0,
          zh: `找不到“${RATER_DETAIL_SHEET}”表的列：${table.missing.map((f) => f.header).join("、")}`,
          en: `the ${RATER_DETAIL_SHEET} sheet (the raters' scores) lacks the columns ${table.missing.map((f) => f.header).join(", ")}`,
        },
      ],
    };
  const read = readRecords(table, raterDetailFields);
  const problems = read.problems;
  const byId = new Map<string, number>();
  const byName = new Map<string, number[]>();
  records.forEach((r, i) => {
    const id = str(r.values.id);
    if (id) byId.set(id, i);
    const name = str(r.values.name);
    byName.set(name, [...(byName.get(name) ?? []), i]);
  });
  const matchById = input.table.columns.has("id");
  const groupIndex = new Map(scheme.raters.map((r, k) => [labelKey(r.name), k]));
  const mainSheet = input.table.sheet;
  const at = (row: number, field: string, zh: string, en: string): Problem => ({
    sheet: table.sheet,
    row,
    col: table.columns.get(field)! + 1,
    header: table.headers.get(field),
    zh,
    en,
  });
  for (const d of read.records) {
    const name = str(d.values.name);
    const id = str(d.values.id);
    let person: number | undefined;
    if (id && matchById && table.columns.has("id")) {
      person = byId.get(id);
      if (person === undefined) problems.push(at(d.row, "id", `编号“${id}”不在“${mainSheet}”表中`, `the ID "${id}" is not in the ${mainSheet} table`));
    } else if (name) {
      const found = byName.get(name) ?? [];
      if (found.length === 1) person = found[0];
      else if (found.length === 0) problems.push(at(d.row, "name", `“${name}”不在“${mainSheet}”表中`, `"${name}" is not in the ${mainSheet} table`));
      else problems.push(at(d.row, "name", `“${mainSheet}”表中有 ${found.length} 人名叫“${name}”，请填写编号`, `${found.length} people in the ${mainSheet} table are named "${name}": give the ID`));
    }
    const group = str(d.values.raterGroup);
    const k = group ? groupIndex.get(labelKey(group)) : undefined;
    if (group && k === undefined)
      problems.push(
        at(d.row, "raterGroup", `“${group}”不是评议主体，应为：${scheme.raters.map((r) => r.name).join("、")}`, `"${group}" is not a rater group; use one of ${scheme.raters.map((r) => r.name).join(", ")}`),
      );
    const score = num(d.values.score);
    // A blank score is a rater who did not score: not a 0, and not counted among the raters.
    if (person !== undefined && k !== undefined && score !== null) scores[person][k].push(score);
  }
  return { scores, problems };
}

/** "去掉最高、最低分" for the usual one of each; the counts otherwise. */
function trimWords(trim: TrimRules): string {
  if (trim.dropHigh === 1 && trim.dropLow === 1) return "去掉最高、最低分后";
  return `去掉${trim.dropHigh}个最高分、${trim.dropLow}个最低分后`;
}

/** A rater group's score from its raters, and the 说明 that says how it was reached. */
function groupScore(raterName: string, given: readonly number[], inTable: number | null, trim: TrimRules): { score: number; note: string } {
  const score = roundScore(trimmedMean(given, trim));
  const differs = inTable !== null && inTable !== score ? `（表中填 ${inTable}）` : "";
  const trimmed = given.length >= trim.minCount && trim.dropHigh + trim.dropLow > 0;
  const note = trimmed
    ? `${raterName}：${given.length}人评分，${trimWords(trim)} ${fixedText(score, 2)}${differs}`
    : `${raterName}：${given.length}人评分，未去极值${differs ? `，平均 ${fixedText(score, 2)}${differs}` : ""}`;
  return { score, note };
}

/** Under missing.raters = problem, a rater group without a score, in the table or in 评分明细, is a problem of its row. */
function missingRaterProblems(input: AssessInput, detail: RaterDetail): Problem[] {
  if (input.scheme.missing.raters !== "problem") return [];
  const { scheme, table } = input;
  const out: Problem[] = [];
  input.records.forEach((r, i) => {
    const lacking = scheme.raters.map((rater, k) => ({ rater, k })).filter(({ rater, k }) => rater.weight > 0 && num(r.values[raterFieldId(k)]) === null && detail.scores[i][k].length === 0);
    if (lacking.length === 0 || lacking.length === scheme.raters.filter((x) => x.weight > 0).length) return;
    for (const { rater, k } of lacking) {
      const col = table.columns.get(raterFieldId(k));
      out.push({
        sheet: table.sheet,
        row: r.row,
        col: col === undefined ? 0 : col + 1,
        header: col === undefined ? rater.name : table.headers.get(raterFieldId(k)),
        zh: `缺少${rater.name}评分：考核方案“缺项处理 评议人组”（missing.raters）为${choiceNamed("missing.raters", "problem")}，不按其余评议主体折算。请填写分数，或把该设置改为${choiceNamed("missing.raters", "reweight")}`,
        en: `no ${rater.name} score: the scheme's missing.raters is problem, so it is not reweighted; fill in the score, or set it to reweight`,
      });
    }
  });
  return out;
}

function check(input: AssessInput): Problem[] {
  const detail = readRaterDetail(input);
  const out: Problem[] = [...detail.problems, ...missingRaterProblems(input, detail)];
  const col = input.table.columns.get("voters");
  for (const r of input.records) {
    const cast = sumOf(voteFields.map((f) => num(r.values[f])));
    const voters = num(r.values.voters) ?? 0;
    if (voters > 0 && cast > voters && col !== undefined)
      out.push({ sheet: input.table.sheet, row: r.row, col: col + 1, header: input.table.headers.get("voters"), zh: `票数合计 ${numberText(cast)} 超过应参评人数 ${numberText(voters)}；请核对票数和应参评人数`, en: `${numberText(cast, "en-US")} votes is more than the ${numberText(voters, "en-US")} voters; check both` });
  }
  return out;
}

function assess(input: AssessInput): Assessment {
  const { scheme, records } = input;
  const detail = readRaterDetail(input);
  const detailNotes = records.map<string[]>(() => []);
  const scores = records.map((r, i) => {
    const entries = scheme.raters.map((rater, k) => {
      const inTable = num(r.values[raterFieldId(k)]);
      const given = detail.scores[i][k];
      if (given.length === 0) return { score: inTable, weight: rater.weight };
      // The raters' own scores are the source; the table's cell is at most a copy of them.
      const g = groupScore(rater.name, given, inTable, scheme.trim);
      detailNotes[i].push(g.note);
      return { score: g.score, weight: rater.weight };
    });
    // A rater group that did not rate has its weight shared out (the documented rule); the row says so.
    const absent = scheme.raters.filter((rater, k) => rater.weight > 0 && entries[k].score === null).map((rater) => rater.name);
    if (absent.length > 0 && entries.some((e) => e.score !== null)) detailNotes[i].push(`无${absent.join("、")}评分，其权重按比例分给其他评议主体`);
    return entries.some((e) => e.score !== null) ? atRecord(input, r, scheme.raters.map((_, k) => raterFieldId(k)), () => roundScore(weightedMean(entries))) : null;
  });
  const fromDetail = detailNotes.filter((n) => n.length > 0).length;
  const [top, competent, bottom] = scheme.ballot.thresholds.map((t) => toRatio(t));
  const labels = scheme.grade.labels;
  const turnout = toRatio(scheme.ballot.turnout);
  const ballots = records.map((r) => {
    const votes = voteFields.map((f) => num(r.values[f]) ?? 0);
    const cast = sumOf(votes);
    if (cast === 0) return { shown: "", share: null as number | null, note: "无测评票" };
    const voters = num(r.values.voters) ?? 0;
    // The same rule as KAOHE.VOTEGRADE: too few voters shows 测评无效, and 说明 gives the count.
    const shown = ballotGrade(votes, labels, { top, competent, bottom }, voters > 0 ? voters : null, turnout);
    const note = shown === INVALID_BALLOT ? formatMessage("zh-CN", "turnoutNotMet", turnoutShortfall(votes, voters, turnout)) : "";
    return { shown, share: topVoteShare(votes), note };
  });
  const groups = records.map((r) => groupOf(r, "township"));
  const names = records.map((r) => str(r.values.name));
  // The rank is counted where the scheme says (rank.scope); the 排名 report keeps township by township.
  const ranks = rankWithin(scores, records.map((r) => groupOf(r, scheme.rank.scope === "county" ? "none" : "township")));
  // 中国式排名 and 百分比排位 are in the 排名 report; the table holds the template's own columns.
  const cells = records.map<PlanCell[]>((_, i) => [
    cell(scores[i]),
    cell(ranks.rank[i]),
    ballots[i].shown,
    ballots[i].share === null ? "" : roundHalfUp(ballots[i].share!, 4),
    [...detailNotes[i], ballots[i].note].filter((n) => n !== "").join("；"),
  ]);
  const gradesGiven = ballots.map((b) => (b.shown === "" || b.shown === INVALID_BALLOT ? null : b.shown));
  return {
    columns: [
      { header: "综合得分", format: "score", width: 9 },
      rankColumn(scheme.rank.scope),
      { header: "得票等次", width: 9 },
      { header: "优秀得票率", format: "percent", width: 10 },
      { header: "说明", width: 24 },
    ],
    cells,
    reports: [
      summaryReport({ title: reportTitle(scheme.title, "汇总"), groupHeader: "单位", groups, scores, labels: gradesGiven, labelOrder: labels, scoreHeader: "评议得分" }),
      rankingReport({ groupHeader: "单位", groups, names, scores, ranks, rankHeader: rankHeader(scheme.rank.scope), labels: gradesGiven, labelHeader: "得票等次" }),
    ],
    overrides: [],
    summary: {
      zh: [`参评 ${records.length} 人`, ...(fromDetail ? [`其中 ${fromDetail} 人的评议主体得分按“${RATER_DETAIL_SHEET}”计算`] : []), `得票等次：${labels.map((l) => `${l} ${gradesGiven.filter((g) => g === l).length}`).join("，")}；无效或无票 ${gradesGiven.filter((g) => g === null).length} 人`],
      en: [`${records.length} appraised`, ...(fromDetail ? [`rater groups' scores of ${fromDetail} from the ${RATER_DETAIL_SHEET} sheet`] : []), `vote grades: ${labels.map((l) => `${l} ${gradesGiven.filter((g) => g === l).length}`).join(", ")}; ${gradesGiven.filter((g) => g === null).length} without a valid ballot`],
    },
  };
}

export const appraisalRules: KindRules = { check, assess };

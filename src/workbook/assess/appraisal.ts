// Democratic appraisal and duty-report review: the rater groups' composite and the vote-share grade with its turnout rule.
import { toRatio } from "../../core/exact";
import { weightedMean } from "../../core/composite";
import { RuleError } from "../../core/errors";
import { checkTurnout, gradeByVotes } from "../../core/votes";
import { raterFieldId } from "../fields";
import type { PlanCell } from "../plan";
import type { Problem } from "../sheet";
import { type AssessInput, type Assessment, type KindRules, cell, groupOf, num, rankWithin, rankingReport, roundScore, str, summaryReport } from "./common";

const voteFields = ["votesTop", "votesSecond", "votesThird", "votesBottom"] as const;

function check(input: AssessInput): Problem[] {
  const out: Problem[] = [];
  const col = input.table.columns.get("voters");
  for (const r of input.records) {
    const cast = voteFields.reduce((s, f) => s + (num(r.values[f]) ?? 0), 0);
    const voters = num(r.values.voters) ?? 0;
    if (voters > 0 && cast > voters && col !== undefined)
      out.push({ sheet: input.table.sheet, row: r.row, col: col + 1, header: input.table.headers.get("voters"), zh: `票数合计 ${cast} 超过应参评人数 ${voters}`, en: `${cast} votes is more than the ${voters} voters` });
  }
  return out;
}

function assess(input: AssessInput): Assessment {
  const { scheme, records } = input;
  const scores = records.map((r) => {
    const entries = scheme.raters.map((rater, k) => ({ score: num(r.values[raterFieldId(k)]), weight: rater.weight }));
    return entries.some((e) => e.score !== null) ? roundScore(weightedMean(entries)) : null;
  });
  const [top, competent, bottom] = scheme.ballot.thresholds.map((t) => toRatio(t));
  const labels = scheme.grade.labels;
  const ballots = records.map((r) => {
    const votes = voteFields.map((f) => num(r.values[f]) ?? 0);
    const cast = votes.reduce((a, b) => a + b, 0);
    if (cast === 0) return { grade: null as string | null, share: null as number | null, note: "无测评票" };
    const voters = num(r.values.voters) ?? 0;
    if (voters > 0) {
      try {
        checkTurnout(votes, voters, toRatio(scheme.ballot.turnout));
      } catch (e) {
        if (e instanceof RuleError && e.code === "#N/A") return { grade: null, share: votes[0] / cast, note: `参评 ${cast}/${voters} 人，未达 ${String(scheme.ballot.turnout)}，测评无效` };
        throw e;
      }
    }
    return { grade: labels[gradeByVotes(votes, { top, competent, bottom })] ?? null, share: votes[0] / cast, note: "" };
  });
  const groups = records.map((r) => groupOf(r, "township"));
  const names = records.map((r) => str(r.values.name));
  const ranks = rankWithin(scores, groups);
  const cells = records.map<PlanCell[]>((_, i) => [
    cell(scores[i]),
    cell(ranks.rank[i]),
    cell(ranks.dense[i]),
    cell(ranks.percent[i]),
    cell(ballots[i].grade),
    ballots[i].share === null ? "" : Math.round(ballots[i].share! * 10000) / 10000,
    ballots[i].note,
  ]);
  const gradesGiven = ballots.map((b) => b.grade);
  return {
    columns: [
      { header: "综合评议得分", format: "score", width: 11 },
      { header: "排名", format: "integer", width: 7 },
      { header: "中国式排名", format: "integer", width: 10 },
      { header: "百分比排位", format: "fraction", width: 10 },
      { header: "得票等次", width: 9 },
      { header: "优秀得票率", format: "percent", width: 10 },
      { header: "说明", width: 24 },
    ],
    cells,
    reports: [
      summaryReport({ title: `${scheme.title}汇总`, groupHeader: "单位", groups, scores, labels: gradesGiven, labelOrder: labels, scoreHeader: "评议得分" }),
      rankingReport({ groupHeader: "单位", groups, names, scores, ranks, labels: gradesGiven, labelHeader: "得票等次" }),
    ],
    overrides: [],
    summary: {
      zh: [`参评 ${records.length} 人`, `得票等次：${labels.map((l) => `${l} ${gradesGiven.filter((g) => g === l).length}`).join("，")}；无效或无票 ${gradesGiven.filter((g) => g === null).length} 人`],
      en: [`${records.length} appraised`, `vote grades: ${labels.map((l) => `${l} ${gradesGiven.filter((g) => g === l).length}`).join(", ")}; ${gradesGiven.filter((g) => g === null).length} without a valid ballot`],
    },
  };
}

export const appraisalRules: KindRules = { check, assess };

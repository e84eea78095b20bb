// Grades from a democratic ballot's vote shares (得票率) and the ballot's turnout rule, compared exactly.
import { naError, valueError } from "./errors";
import { atLeastShare, toRatio, type Ratio } from "./exact";
import { byRow, type Locate } from "./scores";
import { DEFAULT_LABELS } from "./grade";
import { ratioText } from "./wording";

/** Votes for 优秀, 称职, 基本称职, 不称职, in that order (best first); a blank count is no votes. */
export type VoteCounts = readonly (number | null)[];

/** A grade by its rank: 0 = 优秀, 1 = 称职, 2 = 基本称职, 3 = 不称职. */
export type GradeLevel = 0 | 1 | 2 | 3;

/** The same four grades as the score bands (docs/rules.md §1); Party members say 合格 for 称职, so labels are a setting. */
export const DEFAULT_VOTE_LABELS: readonly string[] = DEFAULT_LABELS;

export interface VoteThresholds {
  /** The share of 优秀 votes that gives 优秀. */
  readonly top: Ratio;
  /** The share of 优秀 + 称职 votes that gives 称职. */
  readonly competent: Ratio;
  /** The share of 不称职 votes that gives 不称职. */
  readonly bottom: Ratio;
}

/** 90%, 70%, 30%: docs/rules.md §3 vote-share grade, from a township scheme. */
export const DEFAULT_VOTE_THRESHOLDS: VoteThresholds = {
  top: { num: 9n, den: 10n },
  competent: { num: 7n, den: 10n },
  bottom: { num: 3n, den: 10n },
};

/** At least 4/5 of those entitled must vote for the ballot to count: docs/rules.md §3, a township scheme. */
export const DEFAULT_TURNOUT: Ratio = { num: 4n, den: 5n };

/**
 * Thresholds from a list of three shares (top, competent, bottom) as typed: 0.9, "90%", "9/10"; each
 * read as the exact fraction meant and at most 1; a null keeps that threshold's default.
 */
export function voteThresholds(values: readonly (number | string | null)[], locate: Locate = byRow): VoteThresholds {
  if (values.length !== 3) throw valueError("voteThresholdCells", { got: values.length });
  const defaults = [DEFAULT_VOTE_THRESHOLDS.top, DEFAULT_VOTE_THRESHOLDS.competent, DEFAULT_VOTE_THRESHOLDS.bottom];
  const [top, competent, bottom] = values.map((v, i) => {
    if (v === null) return defaults[i];
    const at = locate("thresholds", i);
    const r = toRatio(v, at);
    if (r.num > r.den) throw valueError("outOfRange", { ...at, value: v, min: 0, max: 1 });
    return r;
  });
  return { top, competent, bottom };
}

/** Four grade labels, best first; a blank keeps that default label. */
export function voteLabels(values: readonly (string | null)[]): readonly string[] {
  if (values.length !== 4) throw valueError("voteLabelCells", { got: values.length });
  return values.map((v, i) => v ?? DEFAULT_VOTE_LABELS[i]);
}

/** The four counts, whole and not negative (blank = 0), and their sum. */
function checkVotes(votes: VoteCounts, locate: Locate): { counts: number[]; cast: number } {
  if (votes.length !== 4) throw valueError("voteCells", { got: votes.length });
  const counts = votes.map((v, i) => {
    if (v === null) return 0;
    if (!Number.isInteger(v)) throw valueError("notInteger", { ...locate("votes", i), value: v });
    if (v < 0) throw valueError("negative", { ...locate("votes", i), value: v });
    return v;
  });
  return { counts, cast: counts[0] + counts[1] + counts[2] + counts[3] };
}

/**
 * 优秀 if 优秀 votes ≥ top; else 称职 if 优秀 + 称职 ≥ competent; else 不称职 if 不称职 ≥ bottom;
 * else 基本称职. Shares are compared exactly (≥: 以上 includes the threshold). No votes: #N/A.
 */
export function gradeByVotes(
  votes: VoteCounts,
  thresholds: VoteThresholds = DEFAULT_VOTE_THRESHOLDS,
  locate: Locate = byRow,
): GradeLevel {
  const { counts, cast } = checkVotes(votes, locate);
  if (cast === 0) throw naError("noVotes", { arg: "votes" });
  const [top, competent, , bottom] = counts;
  if (atLeastShare(top, cast, thresholds.top)) return 0;
  if (atLeastShare(top + competent, cast, thresholds.competent)) return 1;
  if (atLeastShare(bottom, cast, thresholds.bottom)) return 3;
  return 2;
}

/** What a ballot short of its turnout shows in place of a grade, in the worksheet and in the pipeline alike: a result to read, not an error to correct. */
export const INVALID_BALLOT = "测评无效";

/**
 * The ballot counts only when the votes cast are at least turnout × the voters entitled (应参评人数).
 * More votes than voters is an input error (#VALUE!); too few is false: the ballot does not count.
 */
export function turnoutMet(votes: VoteCounts, voters: number, turnout: Ratio = DEFAULT_TURNOUT, locate: Locate = byRow): boolean {
  const { cast } = checkVotes(votes, locate);
  if (!Number.isInteger(voters)) throw valueError("notInteger", { arg: "voters", value: voters });
  if (voters < 0) throw valueError("negative", { arg: "voters", value: voters });
  if (cast > voters) throw valueError("votesOverVoters", { cast, voters });
  return atLeastShare(cast, voters, turnout);
}

/** Why a ballot does not count, as 说明 says it (实收 39 票，不足应参评人数 50 的 4/5，测评无效): the message's parameters. */
export function turnoutShortfall(votes: VoteCounts, voters: number, turnout: Ratio = DEFAULT_TURNOUT): { cast: number; voters: number; ratio: string } {
  return { cast: checkVotes(votes, byRow).cast, voters, ratio: ratioText(turnout) };
}

/**
 * A ballot's grade label, or INVALID_BALLOT when the voters entitled are given (not null) and too few
 * voted: KAOHE.VOTEGRADE and the appraisal's 得票等次 both show what this returns.
 */
export function ballotGrade(votes: VoteCounts, labels: readonly string[], thresholds: VoteThresholds = DEFAULT_VOTE_THRESHOLDS, voters: number | null = null, turnout: Ratio = DEFAULT_TURNOUT, locate: Locate = byRow): string {
  if (voters !== null && !turnoutMet(votes, voters, turnout, locate)) return INVALID_BALLOT;
  return labels[gradeByVotes(votes, thresholds, locate)];
}

/** The top grade's share of the votes cast (优秀得票率), as the appraisal's column shows it; no votes cast: null, a blank. */
export function topVoteShare(votes: VoteCounts, locate: Locate = byRow): number | null {
  const { counts, cast } = checkVotes(votes, locate);
  return cast === 0 ? null : counts[0] / cast;
}

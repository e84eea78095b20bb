// 三评两公开 for member stars: the rater groups' star proposals combined, then the township's preliminary examination (初审) with its outcome and reason.
import { raterComposite, type RaterGroup } from "./composite";
import { valueError } from "./errors";
import { roundHalfUp } from "./exact";

/**
 * The stars the four rater groups (self, peers, public, branch committee) propose, combined by their
 * weights over the groups present (a missing group's weight shared out, as the composite rule says),
 * rounded half up to whole stars and held within [0, cap]. 《关于开展"奉献我村、服务群众"农村党员创星行动的意见》
 * names the four ratings; the weights are the composite's, a setting.
 */
export function proposedStars(proposals: Partial<Record<RaterGroup, number | null>>, cap: number, weights?: Readonly<Record<RaterGroup, number>>): number {
  if (!Number.isSafeInteger(cap) || cap < 0) throw valueError("notInteger", { arg: "cap", value: cap });
  const composite = raterComposite(proposals, weights);
  return Math.min(cap, Math.max(0, roundHalfUp(composite, 0)));
}

/** The 初审 outcome: 通过 (confirmed), 调整 (stars changed by the township), 退回 (sent back to be rated again). */
export type ReviewOutcome = "pass" | "adjust" | "return";

/** The names users type for an outcome. */
export const reviewOutcomeNames: Readonly<Record<string, ReviewOutcome>> = {
  通过: "pass",
  同意: "pass",
  pass: "pass",
  调整: "adjust",
  adjust: "adjust",
  退回: "return",
  不通过: "return",
  退回重评: "return",
  return: "return",
};

export interface PreliminaryReview {
  readonly outcome: ReviewOutcome;
  /** The stars the township sets, for 调整. */
  readonly stars?: number | null;
  readonly reason?: string;
}

/**
 * The stars after 初审, and the line 说明 and 审计 show when it changed anything. No review, or 通过,
 * keeps the stars. 调整 needs the new stars (whole, within [0, cap]) and a reason; 退回 needs a reason
 * and leaves the member unrated (null), so the member takes no quota place and is on no list until
 * rated again: publishing stars the township did not pass would be a silent wrong number.
 */
export function applyReview(stars: number, review: PreliminaryReview | undefined, cap: number): { stars: number | null; line?: string } {
  if (!review || review.outcome === "pass") return { stars };
  const reason = review.reason?.trim() ?? "";
  if (reason === "") throw valueError("overrideNeedsReason", { value: "初审" });
  if (review.outcome === "return") return { stars: null, line: `初审退回重评：${reason}` };
  const to = review.stars;
  if (to === null || to === undefined || !Number.isSafeInteger(to) || to < 0) throw valueError("notInteger", { arg: "stars", value: to ?? "" });
  if (to > cap) throw valueError("starsAboveCap", { arg: "stars", value: to, cap });
  return { stars: to, line: `初审由 ${stars} 星调整为 ${to} 星：${reason}` };
}

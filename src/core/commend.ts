// The lists that follow from members' stars: the commendation list (表彰名单) and the helper list (帮扶名单) with a proposed helper for each.
import { compareTiebreak } from "./quota";

/**
 * 9 stars (inclusive) or more are commended on 七一 and at the year-end meeting, and may enter the
 * reserve cadre pool (《关于开展"奉献我村、服务群众"农村党员创星行动的意见》).
 */
export const DEFAULT_COMMEND_THRESHOLD = 9;

/** The opinions let commended members who meet the conditions enter the reserve cadre pool: flagged for review by default. */
export const DEFAULT_RESERVE_CANDIDATES = true;

/**
 * Members at or below this many stars are managed as backward members and get a helper. The opinions
 * name no number ("poor star"); 2 is the lowest band of the star summary (0–2星), a setting.
 */
export const DEFAULT_BACKWARD_THRESHOLD = 2;

/** How many backward members one helper takes on at most: a setting; the opinions name no number. */
export const DEFAULT_MAX_HELPED = 2;

/** A member as the lists read it. */
export interface ListMember {
  readonly name: string;
  readonly branch: string;
  /** Final stars; null: not rated, on no list. */
  readonly stars: number | null;
  /** Second key among equal stars (综合得分), higher first; blank ranks below any number. */
  readonly tiebreak?: number | null;
  /** A helper already typed in the helper list by the user: kept as typed. */
  readonly helper?: string;
}

export interface Commended {
  readonly index: number;
  readonly reserveCandidate: boolean;
}

/** Plain code-point order: the same on every machine, unlike a locale's collation. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Branches in the order they first appear, so lists read in the order of the member table. */
function branchOrder(members: readonly ListMember[]): Map<string, number> {
  const order = new Map<string, number>();
  members.forEach((m) => order.has(m.branch) || order.set(m.branch, order.size));
  return order;
}

/** Members at `threshold` stars or more, branch by branch, most stars first; ties by tiebreak, then name. */
export function commendationList(members: readonly ListMember[], threshold = DEFAULT_COMMEND_THRESHOLD, reserve = DEFAULT_RESERVE_CANDIDATES): Commended[] {
  const branch = branchOrder(members);
  return members
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => m.stars !== null && m.stars >= threshold)
    .sort((a, b) => branch.get(a.m.branch)! - branch.get(b.m.branch)! || (b.m.stars as number) - (a.m.stars as number) || compareTiebreak(a.m.tiebreak, b.m.tiebreak) || byName(a.m.name, b.m.name) || a.index - b.index)
    .map(({ index }) => ({ index, reserveCandidate: reserve }));
}

/** One backward member and the helper: kept from the user's list, proposed, or none to be had. */
export interface HelperAssignment {
  readonly index: number;
  /** The helper's name; null when the branch has nobody free to help. */
  readonly helper: string | null;
  /** The helper's row when the helper is a member of the list. */
  readonly helperIndex: number | null;
  /** The user's own choice, kept as typed. */
  readonly kept: boolean;
  /** Why the assignment needs a look: a kept helper past the limit, or nobody free. */
  readonly note?: string;
}

export interface HelperOptions {
  readonly threshold?: number;
  readonly maxHelped?: number;
}

/**
 * The helper list. Backward members (stars ≤ threshold) get, in turn, the best-star member of the
 * same branch who is not backward and helps fewer than maxHelped. Everything is ordered by keys of
 * the members themselves, never by row order alone, so the same members give the same list on every
 * run, however the rows are sorted: backward members fewest stars first (then lower tiebreak, then
 * name), helpers most stars first (then higher tiebreak, then name). A helper the user typed is kept
 * and counts toward that helper's load, even past the limit (noted), because the user decided it.
 * O(n log n + b·h) for b backward members and h possible helpers of a branch.
 */
export function helperList(members: readonly ListMember[], options: HelperOptions = {}): HelperAssignment[] {
  const threshold = options.threshold ?? DEFAULT_BACKWARD_THRESHOLD;
  const maxHelped = options.maxHelped ?? DEFAULT_MAX_HELPED;
  const branch = branchOrder(members);
  const rated = members.map((m, index) => ({ m, index })).filter(({ m }) => m.stars !== null);
  const backward = rated
    .filter(({ m }) => (m.stars as number) <= threshold)
    .sort((a, b) => branch.get(a.m.branch)! - branch.get(b.m.branch)! || (a.m.stars as number) - (b.m.stars as number) || -compareTiebreak(a.m.tiebreak, b.m.tiebreak) || byName(a.m.name, b.m.name) || a.index - b.index);
  const helpersOf = new Map<string, number[]>();
  for (const { m, index } of rated) {
    if ((m.stars as number) <= threshold) continue;
    const list = helpersOf.get(m.branch) ?? [];
    list.push(index);
    helpersOf.set(m.branch, list);
  }
  for (const list of helpersOf.values())
    list.sort((a, b) => (members[b].stars as number) - (members[a].stars as number) || compareTiebreak(members[a].tiebreak, members[b].tiebreak) || byName(members[a].name, members[b].name) || a - b);
  const load = new Map<number, number>();
  const out = new Map<number, HelperAssignment>();
  const sameBranchNamed = (name: string, branchName: string) => helpersOf.get(branchName)?.find((i) => members[i].name.trim() === name) ?? null;
  // A kept helper who cannot help as the rule means it is kept all the same, with the reason to look again.
  const keptElsewhere = (name: string, branchName: string): string => {
    const self = backward.find(({ m }) => m.branch === branchName && m.name.trim() === name);
    return self ? `帮扶人${name}本人为 ${self.m.stars} 星，在后进线以下，请重新确定` : `帮扶人${name}不在本支部已评星党员中，请核对`;
  };
  // The user's own choices first, so the proposals work around them.
  for (const { m, index } of backward) {
    const typed = m.helper?.trim() ?? "";
    if (typed === "") continue;
    const at = sameBranchNamed(typed, m.branch);
    if (at !== null) load.set(at, (load.get(at) ?? 0) + 1);
    out.set(index, { index, helper: typed, helperIndex: at, kept: true, note: at === null ? keptElsewhere(typed, m.branch) : undefined });
  }
  for (const [index, a] of out)
    if (a.helperIndex !== null && load.get(a.helperIndex)! > maxHelped) out.set(index, { ...a, note: `${a.helper}帮扶 ${load.get(a.helperIndex)} 人，超过每人 ${maxHelped} 人的上限` });
  for (const { m, index } of backward) {
    if (out.has(index)) continue;
    const free = (helpersOf.get(m.branch) ?? []).find((i) => (load.get(i) ?? 0) < maxHelped);
    if (free === undefined) {
      out.set(index, { index, helper: null, helperIndex: null, kept: false, note: "本支部没有可安排的帮扶人（星级较高的党员均已满额）" });
      continue;
    }
    load.set(free, (load.get(free) ?? 0) + 1);
    out.set(index, { index, helper: members[free].name, helperIndex: free, kept: false });
  }
  return backward.map(({ index }) => out.get(index)!);
}

// Contact-point visits counted per leader: each leader's visits to his own contact point, year by year, against the minimum.
import { calendarOf } from "./dates";
import { labelKey } from "./grade";

/** One row of the leader and contact-point list (联系点名单): a leader and the organisation that is his contact point. */
export interface ContactAssignment {
  readonly row: number;
  readonly leader: string;
  readonly contactPoint: string;
}

/** A visit of the ledger: where, when (an Excel serial), and who went (one name, or several joined by 、，,；;/); null when the row names nobody. */
export interface ContactVisit {
  readonly row: number;
  readonly organisation: string;
  readonly date: number;
  readonly leader: string | null;
}

export interface LeaderYear {
  readonly year: number;
  readonly count: number;
  /** Visits short of the minimum that year; 0 when met. */
  readonly shortfall: number;
}

/** One leader at one contact point: the visits he made there in each year checked. */
export interface LeaderVisits {
  readonly row: number;
  readonly leader: string;
  readonly contactPoint: string;
  readonly years: LeaderYear[];
}

/** Why a visit was charged to nobody. */
export type UncountedReason = "notContactPoint" | "notHisContactPoint" | "unknownLeader" | "whichLeader";

export interface UncountedVisit {
  readonly visit: ContactVisit;
  /** The one name of a joint visit not counted, or null for a visit naming nobody. */
  readonly leader: string | null;
  readonly reason: UncountedReason;
}

export interface ContactVisitsResult {
  readonly leaders: LeaderVisits[];
  /**
   * Visits counted for no leader: at an organisation that is nobody's contact point, by a leader at
   * another's point, by a name not on the list, or naming no one at a point several leaders share.
   */
  readonly uncounted: UncountedVisit[];
}

const NAME_SEPARATORS = /[、,，;；/]+/;

/**
 * The documents ask each leader to visit his own contact point at least twice a year (《我县农村党建工作措施》),
 * a duty of the leader, not of every village: so a village that is nobody's contact point owes no visit,
 * and a visit counts only for a leader it names (or, naming nobody, for the one leader whose point it is).
 * Every year from `fromYear` to `toYear` is checked; visits outside them are not counted. O(n + m).
 */
export function contactVisits(
  assignments: readonly ContactAssignment[],
  visits: readonly ContactVisit[],
  fromYear: number,
  toYear: number,
  min: number,
): ContactVisitsResult {
  const years = Array.from({ length: Math.max(0, toYear - fromYear + 1) }, (_, k) => fromYear + k);
  const counts = assignments.map(() => new Array<number>(years.length).fill(0));
  const byPoint = new Map<string, number[]>();
  const byLeader = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, i: number) => {
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  };
  assignments.forEach((a, i) => {
    add(byPoint, labelKey(a.contactPoint), i);
    add(byLeader, labelKey(a.leader), i);
  });

  const uncounted: UncountedVisit[] = [];
  for (const v of visits) {
    const year = calendarOf(v.date).year;
    const k = year - fromYear;
    if (k < 0 || k >= years.length) continue;
    const point = labelKey(v.organisation);
    const atPoint = byPoint.get(point) ?? [];
    const names = (v.leader ?? "").split(NAME_SEPARATORS).map((s) => s.trim()).filter(Boolean);
    if (names.length === 0) {
      if (atPoint.length === 1) counts[atPoint[0]][k]++;
      else uncounted.push({ visit: v, leader: null, reason: atPoint.length === 0 ? "notContactPoint" : "whichLeader" });
      continue;
    }
    // A joint visit counts once for each leader it names whose point this is; each other name is said.
    for (const name of names) {
      const own = byLeader.get(labelKey(name));
      const here = (own ?? []).filter((i) => labelKey(assignments[i].contactPoint) === point);
      for (const i of here) counts[i][k]++;
      if (here.length === 0) uncounted.push({ visit: v, leader: name, reason: !own ? "unknownLeader" : atPoint.length === 0 ? "notContactPoint" : "notHisContactPoint" });
    }
  }

  const leaders = assignments.map<LeaderVisits>((a, i) => ({
    row: a.row,
    leader: a.leader,
    contactPoint: a.contactPoint,
    years: years.map((year, k) => ({ year, count: counts[i][k], shortfall: Math.max(0, min - counts[i][k]) })),
  }));
  return { leaders, uncounted };
}

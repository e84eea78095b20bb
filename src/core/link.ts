// One kind's result rows matched to another's input rows: by ID, else by name and unit, with every unmatched or ambiguous person named.
import { idKey } from "./duplicates";
import { labelKey } from "./grade";

/** Where the source rows come from, as a message names it: a file (another workbook) or none (this workbook), and its sheet. */
export interface LinkSourcePlace {
  readonly file?: string;
  readonly sheet: string;
}

/** A person on either side: the 1-based sheet row, an ID if the sheet has one, the name and the unit (乡镇、村、单位). */
export interface LinkPerson {
  readonly row: number;
  readonly id?: string | null;
  readonly name: string;
  readonly unit?: string | null;
}

/** A source row: the person and the values it carries across (a composite and a grade, say). */
export interface LinkSourceRow<V> extends LinkPerson {
  readonly values: V;
}

/** A source row as a message or an audit cites it. */
export interface LinkedFrom extends LinkSourcePlace {
  readonly row: number;
}

export type LinkProblemKind = "notFound" | "ambiguous" | "notUsed" | "nameDiffers";

/** What went wrong with one person, said where: the target row (0 when the person is only in the source) and the source rows concerned. */
export interface LinkProblem {
  readonly kind: LinkProblemKind;
  readonly targetRow: number;
  readonly sources: readonly LinkedFrom[];
  readonly zh: string;
  readonly en: string;
}

/** Per target row, in the target's order: the values linked and where they came from, or none (its problem is in `problems`). */
export interface LinkedRow<V> {
  readonly row: number;
  readonly values: V | null;
  readonly from: LinkedFrom | null;
}

export interface LinkResult<V> {
  readonly rows: LinkedRow<V>[];
  /**
   * Every person not linked for certain: a target with no source row, a target two source rows could
   * be, a source person no target row took; and a link made by ID whose names differ (linked, but said).
   */
  readonly problems: LinkProblem[];
}

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === "";

/** Units agree when both name the same one; a side that names none leaves the name to decide alone. */
const unitsAgree = (a: string | null | undefined, b: string | null | undefined): boolean => blank(a) || blank(b) || labelKey(a!) === labelKey(b!);

/** Where a source table is, as a message names it: “文件.xlsx”的“工作表”表, or “工作表”表 in this workbook. */
export function placeWords(p: LinkSourcePlace): { zh: string; en: string } {
  return { zh: `${p.file ? `“${p.file}”的` : ""}“${p.sheet}”表`, en: `${p.file ? `${p.file}, ` : ""}sheet ${p.sheet}` };
}

/** The sheet a problem in a source table names: in another workbook, with that workbook's name before it. */
export const problemSheetOf = (p: LinkSourcePlace): string => (p.file ? `${p.file}：${p.sheet}` : p.sheet);

function placeText(p: LinkedFrom): { zh: string; en: string } {
  const w = placeWords(p);
  return { zh: `${w.zh}第${p.row}行`, en: `${w.en}, row ${p.row}` };
}

const who = (p: LinkPerson): string => (blank(p.unit) ? p.name : `${p.unit}${p.name}`);
const whoEn = (p: LinkPerson): string => (blank(p.unit) ? p.name : `${p.name} (${p.unit})`);

/**
 * Links each target row to the one source row of the same person. An ID on both sides decides
 * (compared as people read IDs: case, spaces and full-width aside); a target whose ID no source row
 * carries may still be a source row without an ID of the same name and unit, never one with another
 * ID. Without an ID, name and unit decide: the same name in two units is two people, the same name
 * twice in one unit is ambiguous and linked to neither. A source row taken by two target rows is
 * linked to the first and reported for the second. O(n + m).
 */
export function linkRows<V>(targets: readonly LinkPerson[], source: LinkSourcePlace, sourceRows: readonly LinkSourceRow<V>[]): LinkResult<V> {
  const byId = new Map<string, LinkSourceRow<V>[]>();
  const byName = new Map<string, LinkSourceRow<V>[]>();
  const push = <K>(m: Map<K, LinkSourceRow<V>[]>, k: K, r: LinkSourceRow<V>) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const r of sourceRows) {
    if (!blank(r.id)) push(byId, idKey(r.id!), r);
    push(byName, labelKey(r.name), r);
  }
  const at = (r: LinkSourceRow<V>): LinkedFrom => ({ ...source, row: r.row });
  const where = placeWords(source);

  const taken = new Map<LinkSourceRow<V>, number>();
  // Rows already named in an ambiguity are not said again as unused.
  const named = new Set<LinkSourceRow<V>>();
  const problems: LinkProblem[] = [];
  const rows = targets.map<LinkedRow<V>>((t) => {
    const hasId = !blank(t.id);
    const idHits = hasId ? byId.get(idKey(t.id!)) : undefined;
    const sameName = byName.get(labelKey(t.name)) ?? [];
    // A source row with an ID of its own is another person than a target with another ID.
    const candidates = idHits ?? sameName.filter((s) => unitsAgree(s.unit, t.unit) && (!hasId || blank(s.id)));
    const none: LinkedRow<V> = { row: t.row, values: null, from: null };
    if (candidates.length === 0) {
      const elsewhere = sameName.filter((s) => !unitsAgree(s.unit, t.unit));
      const hint = elsewhere.length
        ? {
            zh: `；同名的${elsewhere.map((s) => `${s.unit}${s.name}（第${s.row}行）`).join("、")}是另一单位的人，未采用`,
            en: `; ${elsewhere.map((s) => `${whoEn(s)} (row ${s.row})`).join(", ")} of another unit is another person and was not used`,
          }
        : { zh: "", en: "" };
      const by = hasId ? { zh: `编号“${t.id}”或姓名、单位`, en: `ID "${t.id}" or by name and unit` } : { zh: "姓名和单位", en: "name and unit" };
      problems.push({
        kind: "notFound",
        targetRow: t.row,
        sources: elsewhere.map(at),
        zh: `第${t.row}行 ${who(t)}：在${where.zh}中按${by.zh}找不到此人${hint.zh}。请在${where.zh}补上此人，或核对姓名、单位、编号`,
        en: `row ${t.row}, ${whoEn(t)}: not found in ${where.en} by ${by.en}${hint.en}. Add the person there, or check the name, unit and ID`,
      });
      return none;
    }
    if (candidates.length > 1) {
      for (const c of candidates) named.add(c);
      const zhRows = candidates.map((s) => `第${s.row}行`).join("、");
      const enRows = candidates.map((s) => s.row).join(", ");
      const by = idHits ? { zh: `编号“${t.id}”`, en: `ID "${t.id}"` } : { zh: "同一单位的同名者", en: "the same name in the same unit" };
      problems.push({
        kind: "ambiguous",
        targetRow: t.row,
        sources: candidates.map(at),
        zh: `第${t.row}行 ${who(t)}：${where.zh}中${by.zh}有${candidates.length}人（${zhRows}），无法确定是哪一位，未取数。请填写编号区分，或删去重复的行`,
        en: `row ${t.row}, ${whoEn(t)}: ${where.en} has ${candidates.length} people by ${by.en} (rows ${enRows}); which one is meant is unknown, so nothing was taken. Tell them apart by ID, or remove the repeated row`,
      });
      return none;
    }
    const s = candidates[0];
    const first = taken.get(s);
    if (first !== undefined) {
      const p = placeText(at(s));
      problems.push({
        kind: "ambiguous",
        targetRow: t.row,
        sources: [at(s)],
        zh: `第${t.row}行 ${who(t)}：${p.zh}已对应第${first}行，同一人不能对应两行，未取数。请核对两行是否同一人`,
        en: `row ${t.row}, ${whoEn(t)}: ${p.en} is already linked to row ${first}; one person cannot be two rows, so nothing was taken. Check whether both rows are the same person`,
      });
      return none;
    }
    taken.set(s, t.row);
    if (idHits && labelKey(s.name) !== labelKey(t.name)) {
      const p = placeText(at(s));
      problems.push({
        kind: "nameDiffers",
        targetRow: t.row,
        sources: [at(s)],
        zh: `第${t.row}行 ${who(t)}：按编号“${t.id}”对应${p.zh}的“${s.name}”，姓名不同，已按编号取数。请核对姓名或编号`,
        en: `row ${t.row}, ${whoEn(t)}: linked by ID "${t.id}" to "${s.name}" at ${p.en}, whose name differs; taken by the ID. Check the name or the ID`,
      });
    }
    return { row: t.row, values: s.values, from: at(s) };
  });
  for (const s of sourceRows) {
    if (taken.has(s) || named.has(s)) continue;
    const p = placeText(at(s));
    problems.push({
      kind: "notUsed",
      targetRow: 0,
      sources: [at(s)],
      zh: `${p.zh} ${who(s)}：本表中没有此人，其结果未被采用。请核对本表是否漏填此人`,
      en: `${p.en}, ${whoEn(s)}: nobody of this table is this person, so the result was not used. Check whether the person is missing here`,
    });
  }
  return { rows, problems };
}

/** One source of several: where its rows are, and the rows. */
export interface LinkSource<V> {
  readonly place: LinkSourcePlace;
  readonly rows: readonly LinkSourceRow<V>[];
}

/**
 * Links each target row to its person in any of several sources (each township's own half-year
 * workbook): linkRows over each, then per target the one source that has him. Found in two sources
 * is ambiguous and takes nothing; found in none is one problem naming them all; an ambiguity inside a
 * source, a source row no target took and a name that differs are said as that source says them.
 */
export function linkRowsFromMany<V>(targets: readonly LinkPerson[], sources: readonly LinkSource<V>[]): LinkResult<V> {
  if (sources.length === 1) return linkRows(targets, sources[0].place, sources[0].rows);
  const each = sources.map((s) => linkRows(targets, s.place, s.rows));
  const problems: LinkProblem[] = each.flatMap((r) => r.problems.filter((p) => p.kind === "notUsed" || p.kind === "nameDiffers"));
  const ambiguousAt = new Map<number, LinkProblem[]>();
  for (const r of each) for (const p of r.problems) if (p.kind === "ambiguous") ambiguousAt.set(p.targetRow, [...(ambiguousAt.get(p.targetRow) ?? []), p]);
  const wheres = sources.map((s) => placeWords(s.place).zh).join("、");
  const wheresEn = sources.map((s) => placeWords(s.place).en).join("; ");
  const rows = targets.map<LinkedRow<V>>((t, i) => {
    const none: LinkedRow<V> = { row: t.row, values: null, from: null };
    const ambiguous = ambiguousAt.get(t.row);
    if (ambiguous) {
      problems.push(...ambiguous);
      return none;
    }
    const hits = each.map((r) => r.rows[i]).filter((r) => r.values !== null);
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) {
      const places = hits.map((h) => placeText(h.from!));
      problems.push({
        kind: "ambiguous",
        targetRow: t.row,
        sources: hits.map((h) => h.from!),
        zh: `第${t.row}行 ${who(t)}：${places.map((p) => p.zh).join("和")}都是此人，无法确定以哪一张为准，未取数。请删去多余的一行`,
        en: `row ${t.row}, ${whoEn(t)}: ${places.map((p) => p.en).join(" and ")} are both this person; which one counts is unknown, so nothing was taken. Remove the extra row`,
      });
      return none;
    }
    problems.push({
      kind: "notFound",
      targetRow: t.row,
      sources: [],
      zh: `第${t.row}行 ${who(t)}：在${wheres}中都找不到此人。请补上此人，或核对姓名、单位、编号`,
      en: `row ${t.row}, ${whoEn(t)}: not found in ${wheresEn}. Add the person, or check the name, unit and ID`,
    });
    return none;
  });
  return { rows, problems };
}

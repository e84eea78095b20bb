// The linking family of worksheet functions: one person of this table found among another table's rows by ID, else by name and unit, exactly as the pipeline links them.
import { naError, valueError } from "../core/errors";
import { ZERO, dividedBy, exactOf, plus, toNumber } from "../core/exact";
import { idKey } from "../core/duplicates";
import { labelKey } from "../core/grade";
import { linkRows, type LinkSourceRow } from "../core/link";
import { cellErrorCode, cellText, grid, isBlank, optionArg, position, sameSize, scalarArg, type Grid } from "./values";

type Cell = unknown;

/** How a person's rows in the source are read: one row each (a test sheet), or several rows whose values are averaged (a register, one row per promise). */
export type LinkCombine = "one" | "mean";

export const linkCombineNames: Record<string, LinkCombine> = { one: "one", 一行: "one", mean: "mean", 平均: "mean", 多行平均: "mean" };

/**
 * An ID, name or unit cell as text; blank for a blank cell, and for the number 0, which some Excel
 * builds pass for an empty cell (office-js 4702, 5262): an ID or name of 0 identifies nobody, and read as
 * an ID it would keep a person from every source row that carries one.
 */
const text = (v: Cell): string => (isBlank(v) || v === 0 ? "" : cellText(v).trim());

/** A unit given as one cell or as a row of cells (乡镇, 村): the cells' text joined, as the pipeline joins township and village. */
function unitOf(v: Cell, arg: string): string {
  const g = grid(v, arg);
  return g.cells.map((c, i) => {
    const code = cellErrorCode(c);
    if (code !== undefined) throw valueError("errorValue", { ...position(g, i, arg), value: code });
    return text(c);
  }).join("");
}

interface SourceRow {
  /** 1-based within the source ranges. */
  row: number;
  id: string;
  name: string;
  units: string[];
  value: Cell;
}

/** The source ranges row by row, every error value refused with its place (it is never read as a name or a value). */
function sourceRows(ids: Grid, names: Grid, units: Grid, values: Grid): SourceRow[] {
  const out: SourceRow[] = [];
  for (let r = 0; r < names.rows; r++) {
    const unitCells = units.cells.slice(r * units.cols, (r + 1) * units.cols);
    for (const [g, i, arg] of [[ids, r, "source_ids"], [names, r, "source_names"], [values, r, "source_values"], ...unitCells.map((_, k) => [units, r * units.cols + k, "source_units"] as const)] as const) {
      const code = cellErrorCode(g.cells[i]);
      if (code !== undefined) throw valueError("errorValue", { ...position(g, i, arg), value: code });
    }
    out.push({ row: r + 1, id: text(ids.cells[r]), name: text(names.cells[r]), units: unitCells.map(text), value: values.cells[r] });
  }
  return out;
}

/** One row per person: a row with neither a name nor an ID is no one (a blank row of the sheet). */
function onePerRow(rows: SourceRow[]): LinkSourceRow<Cell>[] {
  return rows.filter((r) => r.name !== "" || r.id !== "").map((r) => ({ row: r.row, id: r.id || null, name: r.name, unit: r.units.join("") || null, values: r.value }));
}

/**
 * Several rows per person, as the 四诺 register has them: a blank name or unit cell takes the row above's
 * (what a merged cell holds), rows with the same ID, or without one the same unit and name, are one
 * person, and the person's value is the mean of his rows' values. A row whose value is blank (no
 * promise on it) counts for nobody; a value that is not a number is the person's result as it is (the
 * source sheet's own words for what is missing), so it reaches only his cell.
 */
function meanPerPerson(rows: SourceRow[]): LinkSourceRow<Cell>[] {
  let name = "";
  let units: string[] = [];
  const groups = new Map<string, { first: SourceRow; name: string; unit: string; values: Cell[] }>();
  for (const r of rows) {
    if (r.name !== "") name = r.name;
    units = r.units.map((u, k) => u || units[k] || "");
    if (isBlank(r.value)) continue;
    const key = r.id ? `id:${idKey(r.id)}` : `n:${[...units, name].map(labelKey).join("|")}`;
    const group = groups.get(key);
    if (group) group.values.push(r.value);
    else groups.set(key, { first: r, name, unit: units.join(""), values: [r.value] });
  }
  return [...groups.values()].map((g) => {
    const word = g.values.find((v) => typeof v !== "number");
    const value = word !== undefined ? word : toNumber(dividedBy(g.values.reduce<ReturnType<typeof exactOf>>((s, v) => plus(s, exactOf(v as number)), ZERO), exactOf(g.values.length)));
    return { row: g.first.row, id: g.first.id || null, name: g.name, unit: g.unit || null, values: value };
  });
}

/**
 * The value the source holds for one person: his row found by ID (case, spaces and full width aside),
 * else by name within his unit, by the same rule as the pipeline's links (core/link.ts). Not found:
 * if_none ("" when omitted). Two source rows (or people) that could be him: #N/A naming both, never a
 * guess. A blank name with no ID gives "".
 */
export function linkFor(id: Cell, name: Cell, person_unit: Cell, source_ids: Cell, source_names: Cell, source_units: Cell, source_values: Cell, if_none?: Cell, combine?: Cell): number | string | boolean {
  const how = optionArg(combine, "combine", linkCombineNames, "one");
  const none = if_none === undefined || if_none === null ? "" : scalarArg(if_none, "if_none");
  const who = { id: text(scalarArg(id, "id")), name: text(scalarArg(name, "name")) };
  const unit = unitOf(person_unit ?? "", "person_unit");
  const ids = grid(source_ids, "source_ids");
  const names = grid(source_names, "source_names");
  const units = grid(source_units, "source_units");
  const values = grid(source_values, "source_values");
  sameSize(names, "source_names", ids, "source_ids");
  sameSize(names, "source_names", values, "source_values");
  if (units.rows !== names.rows) throw valueError("sizeMismatch", { arg: "source_units", got: units.rows, other: "source_names", expected: names.rows });
  if (who.name === "" && who.id === "") return "";
  const rows = sourceRows(ids, names, units, values);
  const people = how === "mean" ? meanPerPerson(rows) : onePerRow(rows);
  const linked = linkRows([{ row: 1, id: who.id || null, name: who.name, unit: unit || null }], { sheet: "" }, people);
  const hit = linked.rows[0];
  if (hit.values !== null) return isBlank(hit.values) ? "" : (hit.values as number | string | boolean);
  const ambiguous = linked.problems.find((p) => p.kind === "ambiguous");
  if (ambiguous) throw naError("linkAmbiguous", { arg: "source_names", rows: ambiguous.sources.map((s) => s.row).join("、"), rowsEn: ambiguous.sources.map((s) => s.row).join(", "), value: who.name });
  return isBlank(none) ? "" : (none as number | string | boolean);
}

// The negative-list family of worksheet functions: one person's records applied to the list as the templates compute it live.
import { valueError } from "../core/errors";
import { applyNegativeList, validateNegativeList, type NegativeList, type NegativeOutcome } from "../core/negative-list";
import { parseFlagText } from "../core/text";
import { cellErrorCode, cellText, grid, isBlank, optionArg, parseNumericText, position, sameSize, scalarArg, scoreCells, type Grid } from "./values";

type Cell = unknown;

/** The list's columns, in the order the templates' 负面清单 sheet has them. */
export const NEGATIVE_LIST_COLUMNS = ["编号", "类别", "内容", "每次扣分", "扣分上限", "摘星", "不得评优", "定为不称职", "扣绩效工资（元）"] as const;

/** What KAOHE.NEGATIVE returns, by the names users type. */
export type NegativePart = "points" | "stars" | "noTop" | "fail" | "yuan" | "reasons";

export const negativePartNames: Record<string, NegativePart> = {
  points: "points",
  扣分: "points",
  stars: "stars",
  摘星: "stars",
  notop: "noTop",
  不得评优: "noTop",
  fail: "fail",
  不称职: "fail",
  不合格: "fail",
  yuan: "yuan",
  扣款: "yuan",
  扣绩效工资: "yuan",
  reasons: "reasons",
  说明: "reasons",
};

const CONSEQUENCE_KEYS = ["points", "pointsCap", "removeStars", "noTop", "fail", "yuan"] as const;

/** A number cell of the list as it is, text read as a number where it is one, so validation can name what is wrong. */
function listValue(v: Cell): unknown {
  if (isBlank(v)) return undefined;
  if (typeof v === "string") return parseNumericText(v) ?? parseFlagText(v) ?? v;
  return v;
}

/** A yes/no cell: 是/否, √/×, TRUE/FALSE, 1/0; blank is no. */
function flagValue(v: Cell): unknown {
  if (isBlank(v)) return undefined;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : v;
  return parseFlagText(cellText(v)) ?? cellText(v);
}

/**
 * The list from its range (the nine columns of NEGATIVE_LIST_COLUMNS, no header). Blank rows are
 * skipped; anything else wrong is #VALUE! naming the list's row and what is wrong, first problem first.
 */
export function negativeListArg(list: Cell): NegativeList {
  const g = grid(list, "list");
  if (g.cols !== NEGATIVE_LIST_COLUMNS.length) throw valueError("tableColumns", { arg: "list", expected: NEGATIVE_LIST_COLUMNS.length, got: g.cols });
  const rowOfItem: number[] = [];
  const items: unknown[] = [];
  for (let r = 0; r < g.rows; r++) {
    const cells = g.cells.slice(r * g.cols, (r + 1) * g.cols);
    if (cells.every(isBlank)) continue;
    const [id, category, text, ...rest] = cells;
    const values = [listValue(rest[0]), listValue(rest[1]), listValue(rest[2]), flagValue(rest[3]), flagValue(rest[4]), listValue(rest[5])];
    const consequences = Object.fromEntries(CONSEQUENCE_KEYS.map((k, i) => [k, values[i]]).filter(([, v]) => v !== undefined));
    rowOfItem.push(r + 1);
    items.push({ id: isBlank(id) ? "" : cellText(id).trim(), category: isBlank(category) ? "" : cellText(category), text: isBlank(text) ? "" : cellText(text), ...consequences });
  }
  const { list: checked, problems } = validateNegativeList({ items }, "list");
  if (checked) return checked;
  const first = problems[0];
  const at = /items\[(\d+)\]/.exec(first.path);
  throw valueError("badNegativeList", { arg: "list", row: at ? rowOfItem[Number(at[1])] : undefined, detail: first.zh, detailEn: first.en });
}

function outcomePart(o: NegativeOutcome, part: NegativePart): number | boolean | string {
  switch (part) {
    case "points":
      return o.deduction;
    case "stars":
      return o.starsRemoved;
    case "noTop":
      return o.noTop;
    case "fail":
      return o.forcedFail;
    case "yuan":
      return o.yuanDeducted / 100;
    case "reasons":
      return o.reasons.join("；");
  }
}

/**
 * One person's records (the rows of record_names equal to name) applied to the list, one part of the
 * outcome: points deducted (default), stars removed, TRUE when barred from 优秀, TRUE when forced to
 * 不称职/不合格, yuan off performance pay, or the reasons as one text. Names are compared with
 * spaces trimmed; a record naming an item not on the list is #N/A naming its row.
 */
export function negativeFor(name: Cell, record_names: Cell, record_items: Cell, list: Cell, what?: Cell, record_counts?: Cell): number | boolean | string {
  const who = scalarArg(name, "name");
  const part = optionArg(what, "what", negativePartNames, "points");
  const checked = negativeListArg(list);
  if (isBlank(who)) return "";
  const names: Grid = grid(record_names, "record_names");
  const itemsGrid: Grid = grid(record_items, "record_items");
  sameSize(names, "record_names", itemsGrid, "record_items");
  const counts = record_counts === undefined || record_counts === null ? undefined : scoreCells(record_counts, "record_counts");
  if (counts) sameSize(names, "record_names", counts.g, "record_counts");
  const key = cellText(who).trim();
  const records = [];
  for (let i = 0; i < names.cells.length; i++) {
    // An error value in the records is never read as another person's name or an item: the result is that error, named by its place.
    for (const [g, arg] of [[names, "record_names"], [itemsGrid, "record_items"]] as const) {
      const code = cellErrorCode(g.cells[i]);
      if (code !== undefined) throw valueError("errorValue", { ...position(g, i, arg), value: code });
    }
    if (isBlank(names.cells[i]) || cellText(names.cells[i]).trim() !== key) continue;
    const item = itemsGrid.cells[i];
    if (isBlank(item)) throw valueError("required", position(itemsGrid, i, "record_items"));
    records.push({ item: cellText(item), count: counts?.values[i] ?? undefined, row: position(itemsGrid, i, "record_items").row as number });
  }
  return outcomePart(applyNegativeList(records, checked, undefined, "record_items"), part);
}

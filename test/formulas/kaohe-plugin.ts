// The KAOHE.* worksheet functions as a HyperFormula function plugin: each call goes to src/functions with its arguments shaped as Excel passes them.
import { readFileSync } from "node:fs";
import ts from "typescript";
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue, type ImplementedFunctions } from "hyperformula";
import * as functions from "../../src/functions/functions";

/** One worksheet function as its JSDoc declares it: the Excel id, the export, its parameters, and the shape of a spilled result. */
export interface KaoheFunction {
  id: string;
  exportName: string;
  params: string[];
  /** A spill takes the shape of this parameter (0-based), or a fixed size ("Spills 1 × 2"); undefined for one value. */
  spill?: { like: number } | { rows: number; cols: number };
}

/**
 * The functions read from the source's JSDoc, as the add-in's metadata is: a spill is a function whose
 * return type is a matrix, and its "@returns … in the shape of <param>" (or "Spills r × c") says its size,
 * so the engine can reserve the cells before it computes.
 */
export function kaoheFunctions(): KaoheFunction[] {
  const source = ts.createSourceFile("functions.ts", readFileSync("src/functions/functions.ts", "utf8"), ts.ScriptTarget.Latest, true);
  const out: KaoheFunction[] = [];
  for (const st of source.statements) {
    if (!ts.isFunctionDeclaration(st) || !st.name || !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const tags = ts.getJSDocTags(st);
    const tag = tags.find((t) => t.tagName.text === "customfunction");
    if (!tag) continue;
    const id = (typeof tag.comment === "string" ? tag.comment.trim().split(/\s+/)[0] : "") || st.name.text.toUpperCase();
    const params = st.parameters.map((p) => p.name.getText(source));
    const fn: KaoheFunction = { id, exportName: st.name.text, params };
    if (st.type && /^Array<Array</.test(st.type.getText(source))) {
      const returns = tags.find((t) => t.tagName.text === "returns");
      const words = typeof returns?.comment === "string" ? returns.comment : "";
      const like = /in the shape of (\w+)/.exec(words);
      const fixed = /Spills (\d+) × (\d+)/.exec(ts.getTextOfJSDocComment(ts.getJSDocCommentsAndTags(st).find(ts.isJSDoc)?.comment) ?? "");
      if (like && params.includes(like[1])) fn.spill = { like: params.indexOf(like[1]) };
      else if (fixed) fn.spill = { rows: Number(fixed[1]), cols: Number(fixed[2]) };
      else throw new Error(`KAOHE.${id}: a spill whose JSDoc says neither "in the shape of <param>" nor "Spills r × c"`);
    }
    out.push(fn);
  }
  return out;
}

const errorTypes: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
};

const errorCodes: Partial<Record<ErrorType, string>> = {
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.SPILL]: "#SPILL!",
};

/** An engine error as Excel hands one to a custom function: an object with its code. */
const asExcelError = (e: CellError) => ({ code: errorCodes[e.type] ?? `#${e.type}`, message: e.message ?? "" });

/** One cell as Excel hands it to a custom function: a blank as `blank`, an error as its code, a number the engine keeps with a format (date, percentage) as the plain number. */
function plain(v: unknown, blank: "" | null): unknown {
  if (v === EmptyValue || v === undefined) return blank;
  if (v instanceof CellError) return asExcelError(v);
  if (typeof v === "object" && v !== null && typeof (v as { val?: unknown }).val === "number") return (v as { val: number }).val;
  return v;
}

/**
 * An argument as Excel passes it: a range or array as rows of cells, a blank cell inside it as "" (as
 * Excel on the desktop does); a lone blank cell, or an argument left empty, as null.
 */
function excelArgument(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map((c) => plain(c, "")));
  return plain(v, null);
}

function engineError(e: { code: string; message?: string }): CellError {
  return new CellError(errorTypes[e.code] ?? ErrorType.VALUE, e.message);
}

const isExcelError = (v: unknown): v is { code: string; message?: string } => typeof v === "object" && v !== null && typeof (v as { code?: unknown }).code === "string";

/** A result back into the engine: a spill as an array value, an Excel error as the engine's error. */
function engineResult(v: unknown): unknown {
  if (Array.isArray(v)) return SimpleRangeValue.onlyValues(v.map((row: unknown[]) => row.map((c) => (isExcelError(c) ? engineError(c) : c)) as never));
  if (isExcelError(v)) return engineError(v);
  return v;
}

/** The plugin: one engine method per KAOHE function, each calling the export of the same name. */
export class KaohePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};
}

/** The translation the engine needs for each id: the add-in's names, KAOHE.<ID>. */
export const kaoheTranslations: Record<string, Record<string, string>> = { enGB: {} };

const exports = functions as unknown as Record<string, (...args: unknown[]) => unknown>;
const methods = KaohePlugin.prototype as unknown as Record<string, unknown>;

for (const fn of kaoheFunctions()) {
  const name = `KAOHE.${fn.id}`;
  const method = `kaohe_${fn.exportName}`;
  const impl = exports[fn.exportName];
  KaohePlugin.implementedFunctions[name] = {
    method,
    // ANY: a range reaches the function whole, never split into one call per cell.
    parameters: fn.params.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
    ...(fn.spill ? { sizeOfResultArrayMethod: `${method}_size`, vectorizationForbidden: true } : {}),
  };
  kaoheTranslations.enGB[name] = name;
  methods[method] = function (this: KaohePlugin, ast: { args: never[] }, state: never) {
    const self = this as unknown as { runFunction: (a: never[], s: never, m: unknown, f: (...v: unknown[]) => unknown) => unknown; metadata: (n: string) => unknown };
    return self.runFunction(ast.args, state, self.metadata(name), (...args: unknown[]) => engineResult(impl(...args.map(excelArgument))));
  };
  if (fn.spill) {
    const spill = fn.spill;
    methods[`${method}_size`] = function (this: KaohePlugin, ast: { args: unknown[] }, state: never) {
      if ("rows" in spill) return new ArraySize(spill.cols, spill.rows);
      const arg = ast.args[spill.like];
      if (arg === undefined) return ArraySize.error();
      const self = this as unknown as { arraySizeForAst: (a: unknown, s: never) => ArraySize };
      // A range's size is marked as a reference, which the engine takes for one cell: the spill is a value of that size.
      const size = self.arraySizeForAst(arg, state);
      return new ArraySize(size.width, size.height);
    };
  }
}

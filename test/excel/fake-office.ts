// An in-memory Excel for tests: the subset of Office.js the add-in uses, with Office's load/sync rules, request sizes and error codes; no Node imports, so it also runs in a browser.
//
// What the fake models: load/sync and null objects; typed input parsed as Excel parses range.values;
// formulas that the test's `calculate` evaluates, arrays that spill, #SPILL! when a spill is blocked
// (a value written into a spilled cell), values and formulas read back differently; error values and
// valueTypes; protection; the request's size as the JSON of its actions against a 5 MB limit; the
// ExcelApi version emulated (a member above it fails with ApiNotFound); cell-edit mode
// (InvalidOperationInCellEditMode, or a wait with delayForCellEdit).
//
// What it does NOT model, so a pass here is no proof of any of these in real Excel:
// - calculation: no formula is evaluated by the fake; a test's `calculate` says what each shows, and
//   the KAOHE functions themselves never run here (no custom functions runtime, no #BUSY!, no
//   recalculation order, no volatile functions, no calculation mode);
// - what range.formulas gives for a cell inside a spill other than its anchor (the fake gives the
//   value, as for a constant), and spills that run into the sheet's edge or into merged cells;
// - the exact bytes of a real request: the fake sends the JSON of a shape like Office.js's (actions
//   with their arguments and object paths); real requests carry more framing, and only Excel on the
//   web enforces 5 MB (desktop limits differ); response sizes count the loaded values only;
// - what an older host does with an Excel.run option it does not know (the fake refuses it with
//   ApiNotFound, which is stricter than a host that ignores it), and members of a newer API set that
//   Office.js itself lacks (a TypeError in a real page);
// - undo: no undo stack, so mergeUndoGroup is recorded, never tested; insertWorksheetsFromBase64;
// - Range.getSpecialCells beyond "Formulas", and Excel's looking at the whole sheet when asked about
//   one cell (as Go To Special does; the add-in keeps only the areas inside the range it asked about);
// - formatting beyond the properties kept (conditional formats, styles, themes), tables, names,
//   comments, pivots, images; charts only as their type, source and series addresses;
// - events, collaboration (another user editing at the same time), and the network's timing.

export type FakeScalar = string | number | boolean;
export type FakeInput = FakeScalar | null;
/** An error value (#N/A, #DIV/0!, …) as a cell holds it, not text that reads like one. */
export interface FakeErrorValue {
  error: string;
}
/** What a formula shows: a value, an error, or an array that spills from the formula's cell. */
export type FakeResult = FakeScalar | FakeErrorValue | (FakeScalar | FakeErrorValue)[][];

export interface FakeSheetInit {
  name: string;
  /** Row-major from A1, stored as given (strings stay text); null leaves a cell empty. */
  rows?: FakeInput[][];
  /** Formulas by address: { C2: "=A2+B2" }. */
  formulas?: Record<string, string>;
  /** Number formats by address or range: { "B2:B9": "0.00" }. */
  numberFormats?: Record<string, string>;
  /** Error values by address: { D2: "#N/A" }. */
  errors?: Record<string, string>;
  /** Merged areas: ["A1:C1"]. */
  merges?: string[];
  protected?: boolean;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

export interface FakeWorkbookInit {
  sheets: FakeSheetInit[];
  /** Workbook settings (workbook.settings), by key. */
  settings?: Record<string, unknown>;
  /** Office.context.displayLanguage; zh-CN by default. */
  displayLanguage?: string;
  /** What Office.onReady reports: "Excel" by default; null as in a plain browser. */
  host?: string | null;
  /** The highest ExcelApi 1.x supported (20 for 1.20, the default). */
  apiMinor?: number;
  /** Bytes one request, and one response, may carry: 5 MB by default, as Excel on the web. */
  payloadLimit?: number;
  /** Whether the workbook's structure is protected (no sheets added, deleted or renamed). */
  structureProtected?: boolean;
  /**
   * What a formula shows: the fake does not calculate; 0 unless a test says otherwise. An array of
   * more than one cell spills from the formula's cell (0-based row and col) down and to the right.
   */
  calculate?: (formula: string, sheet: string, row: number, col: number) => FakeResult;
}

/** One context.sync as the fake received it. */
export interface FakeRequest {
  /** Bytes of the request: the UTF-8 of its JSON, each statement an action with its arguments (values, formulas, formats) and its object path. */
  bytes: number;
  /** Bytes of the loaded values returned. */
  responseBytes: number;
  statements: number;
  /** Statements that change the workbook. */
  writes: number;
  /** Whether suspendApiCalculationUntilNextSync was called for this sync. */
  calculationSuspended: boolean;
}

export interface FakeCell {
  /** What the cell shows: an error value as its text (#N/A), with `error` set. */
  value: FakeScalar | "";
  /** Whether the value is an error value. */
  error?: boolean;
  formula?: string;
  numberFormat: string;
  /** Text entered behind an apostrophe. */
  quotePrefix: boolean;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  series: { name?: string; values?: string; xValues?: string }[];
  position?: { start: string; end?: string };
}

export interface FakeValidation {
  address: string;
  rule?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}

// ---------------------------------------------------------------- errors

/** An error as Office.js raises it: name RichApi.Error, a code from Excel.ErrorCodes, and debugInfo. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

const errorText: Record<string, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  AccessDenied: "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit. Please refer to the documentation.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit. Please refer to the documentation.",
  InvalidOperation: "The operation is not allowed for this object.",
  InvalidOperationInCellEditMode: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
};

const officeError = (code: string, location?: string, detail?: string) => new FakeOfficeError(code, detail ? `${errorText[code] ?? code} ${detail}` : (errorText[code] ?? code), location);

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, prop);
}

// ---------------------------------------------------------------- addresses

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function letters(col0: number): string {
  let s = "";
  for (let n = col0 + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colIndex(l: string): number {
  let n = 0;
  for (const ch of l.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1", "B2:C3", "A:C", "3:5", with or without $ and a sheet name before "!". */
export function parseRef(address: string): Rect {
  const ref = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const clean = ref.replace(/\$/g, "").trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(clean);
  if (m) {
    const a = { r: Number(m[2]) - 1, c: colIndex(m[1]) };
    const b = m[3] ? { r: Number(m[4]) - 1, c: colIndex(m[3]) } : a;
    return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(clean);
  if (m) return { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(colIndex(m[1]), colIndex(m[2])), c1: Math.max(colIndex(m[1]), colIndex(m[2])) };
  m = /^(\d+):(\d+)$/.exec(clean);
  if (m) return { r0: Math.min(+m[1], +m[2]) - 1, r1: Math.max(+m[1], +m[2]) - 1, c0: 0, c1: MAX_COLS - 1 };
  throw officeError("InvalidArgument", address, `"${address}" is not a range address.`);
}

export function refOf(r: Rect): string {
  const a = `${letters(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${letters(r.c1)}${r.r1 + 1}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/[\u3000（）]/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const overlaps = (a: Rect, b: Rect) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
const inside = (r: number, c: number, x: Rect) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1;
const rows = (r: Rect) => r.r1 - r.r0 + 1;
const cols = (r: Rect) => r.c1 - r.c0 + 1;

// ---------------------------------------------------------------- what Excel makes of typed input

const ERROR_LITERALS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BUSY!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"]);

/** Excel's serial day number of a date (1900 system). */
function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const toHalfWidth = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");

type Entered = { clear: true } | { v: FakeScalar; q?: boolean; error?: boolean } | { f: string };

/**
 * A string as Excel stores it when it arrives through range.values: parsed as if typed. A leading
 * apostrophe makes text (and is not kept); "=…" is a formula, and so are "+x", "-x" and "@x" that
 * are not numbers; numbers, percents, dates, TRUE/FALSE and error literals become what they look
 * like. In a cell formatted as Text (@) everything stays text.
 */
export function enterText(s: string, textFormat: boolean): Entered {
  if (s === "") return { clear: true };
  if (s.startsWith("'")) return { v: s.slice(1), q: true };
  if (textFormat) return { v: s };
  if (s.length > 1 && s.startsWith("=")) return { f: s };
  const t = toHalfWidth(s).trim();
  const num = /^([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?(%)?$/.exec(t);
  if (num) {
    let n = Number((num[1] ?? "") + num[2].replace(/,/g, "") + (num[3] ?? ""));
    if (num[4]) n /= 100;
    if (Number.isFinite(n)) return { v: n };
  }
  if (/^\(\d+(?:\.\d+)?\)$/.test(t)) return { v: -Number(t.slice(1, -1)) };
  if (/^[+\-@]./.test(s)) return { f: s.startsWith("@") ? `=${s.slice(1)}` : `=${s}` };
  const upper = t.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { v: upper === "TRUE" };
  if (ERROR_LITERALS.has(upper)) return { v: upper, error: true };
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return { v: serial(+m[1], +m[2], +m[3]) };
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(t) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m && +m[1] >= 1 && +m[1] <= 12 && +m[2] >= 1 && +m[2] <= 31) return { v: serial(new Date().getUTCFullYear(), +m[1], +m[2]) };
  return { v: s };
}

function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON on the wire. */
export function wireBytes(v: unknown): number {
  if (v === undefined) return 0;
  return utf8(JSON.stringify(v) ?? "");
}

/**
 * The bytes of a request as Office.js sends it: a JSON body with one action per statement, carrying
 * the statement's arguments, and the object path it acts on. The ids and type numbers follow the
 * shape of Office.js's RichApi requests; their exact framing is not Excel's.
 */
export function requestBytes(statements: readonly { name: string; args?: unknown; write: boolean }[]): number {
  const actions = statements.map((st, i) => ({ Id: i + 1, ActionType: st.write ? 3 : 2, Name: st.name, ObjectPathId: i + 1, ArgumentInfo: st.args === undefined ? {} : { Arguments: [st.args] } }));
  const paths = Object.fromEntries(statements.map((st, i) => [String(i + 1), { Id: i + 1, ObjectPathType: 3, Name: st.name, ParentObjectPathId: i }]));
  return utf8(JSON.stringify({ Actions: actions, ObjectPaths: paths }));
}

// ---------------------------------------------------------------- the model

interface CellModel {
  v?: FakeScalar;
  /** v is an error value (its text, "#N/A"). */
  e?: boolean;
  f?: string;
  nf?: string;
  q?: boolean;
}

interface StyleOp {
  rect: Rect;
  key: string;
  value: unknown;
}

interface ChartModel extends FakeChart {
  id: number;
}

interface ValidationModel {
  rect: Rect;
  rule?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}

let nextId = 1;

class SheetModel {
  readonly id = `{fake-sheet-${nextId++}}`;
  cells: (CellModel | undefined)[][] = [];
  merges: Rect[] = [];
  styles: StyleOp[] = [];
  widths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  heights = new Map<number, number>();
  freeze: { rows: number; columns: number } | undefined;
  layout: Record<string, unknown> = {};
  footers: Record<string, string> = {};
  printTitleRows: string | undefined;
  charts: ChartModel[] = [];
  validations: ValidationModel[] = [];
  protected = false;
  visibility = "Visible";
  showGridlines = true;
  constructor(public name: string) {}

  cell(r: number, c: number): CellModel | undefined {
    return this.cells[r]?.[c];
  }

  ensure(r: number, c: number): CellModel {
    const row = (this.cells[r] ??= []);
    return (row[c] ??= {});
  }

  /** The smallest rectangle from the first to the last cell holding a value (or, unless valuesOnly, a format). */
  used(valuesOnly: boolean, spilled: readonly Rect[] = []): Rect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const x of spilled) {
      r0 = Math.min(r0, x.r0);
      c0 = Math.min(c0, x.c0);
      r1 = Math.max(r1, x.r1);
      c1 = Math.max(c1, x.c1);
    }
    this.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        if (cell.v === undefined && cell.f === undefined && (valuesOnly || cell.nf === undefined)) return;
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }),
    );
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }

  clone(name: string): SheetModel {
    const s = new SheetModel(name);
    s.cells = this.cells.map((row) => row?.map((c) => (c ? { ...c } : undefined)));
    s.merges = this.merges.map((m) => ({ ...m }));
    s.styles = this.styles.map((o) => ({ ...o, rect: { ...o.rect } }));
    s.widths = new Map(this.widths);
    s.hiddenColumns = new Set(this.hiddenColumns);
    s.heights = new Map(this.heights);
    s.freeze = this.freeze ? { ...this.freeze } : undefined;
    s.layout = structuredCloneish(this.layout);
    s.footers = { ...this.footers };
    s.printTitleRows = this.printTitleRows;
    s.charts = this.charts.map((c) => ({ ...structuredCloneish(c), id: nextId++ }));
    s.validations = this.validations.map((v) => ({ ...structuredCloneish(v), rect: { ...v.rect } }));
    s.showGridlines = this.showGridlines;
    return s;
  }
}

function structuredCloneish<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

interface Spills {
  /** Every cell a spill fills, anchors included, with the value it shows. */
  children: Map<number, FakeScalar | FakeErrorValue | "">;
  /** Every formula whose result is an array, with the area it fills or would fill. */
  anchors: Map<number, { rect: Rect; blocked: boolean }>;
}

const key = (r: number, c: number) => r * MAX_COLS + c;

function scalarOf(v: FakeScalar | FakeErrorValue | ""): { value: FakeScalar | ""; error: boolean } {
  return typeof v === "object" ? { value: v.error, error: true } : { value: v, error: false };
}

class BookModel {
  sheets: SheetModel[] = [];
  settings = new Map<string, unknown>();
  active: SheetModel | undefined;
  selection: { sheet: SheetModel; rect: Rect } | undefined;
  structureProtected = false;
  constructor(readonly init: FakeWorkbookInit) {}

  find(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  has(sheet: SheetModel): boolean {
    return this.sheets.includes(sheet);
  }

  checkName(name: unknown, except?: SheetModel): string {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'"))
      throw officeError("InvalidArgument", "Worksheet.name", `"${String(name)}" is not a valid sheet name.`);
    const other = this.find(name);
    if (other && other !== except) throw officeError("ItemAlreadyExists", "WorksheetCollection.add", `A sheet named "${name}" already exists.`);
    return name;
  }

  calc(formula: string, sheet: SheetModel, r: number, c: number): FakeResult {
    return this.init.calculate ? this.init.calculate(formula, sheet.name, r, c) : 0;
  }

  /** Bumped by every change to any cell: spills are worked out again after it. */
  version = 0;
  #spills = new Map<SheetModel, { version: number; spills: Spills }>();

  /**
   * The sheet's spills, as Excel lays them out: each formula whose result is an array of more than
   * one cell fills the cells down and to the right of it, unless one of them holds a value or a
   * formula, or another spill, or lies beyond the sheet: then the formula shows #SPILL! instead.
   */
  spills(sheet: SheetModel): Spills {
    const cached = this.#spills.get(sheet);
    if (cached && cached.version === this.version) return cached.spills;
    const out: Spills = { children: new Map(), anchors: new Map() };
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.f === undefined) return;
        const result = this.calc(cell.f, sheet, r, c);
        if (!Array.isArray(result) || (result.length === 1 && result[0].length === 1)) return;
        const rect = { r0: r, c0: c, r1: r + result.length - 1, c1: c + Math.max(...result.map((x) => x.length)) - 1 };
        let blocked = rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS;
        for (let i = rect.r0; i <= rect.r1 && !blocked; i++)
          for (let j = rect.c0; j <= rect.c1 && !blocked; j++) {
            if (i === r && j === c) continue;
            const other = sheet.cell(i, j);
            if (other?.v !== undefined || other?.f !== undefined || out.children.has(key(i, j))) blocked = true;
          }
        out.anchors.set(key(r, c), { rect, blocked });
        if (blocked) return;
        for (let i = rect.r0; i <= rect.r1; i++) for (let j = rect.c0; j <= rect.c1; j++) out.children.set(key(i, j), result[i - r]?.[j - c] ?? "");
      }),
    );
    this.#spills.set(sheet, { version: this.version, spills: out });
    return out;
  }

  /** What a cell shows: a formula's result (or its part of a spill, or #SPILL!), a spilled value, or the cell's own value. */
  shown(sheet: SheetModel, r: number, c: number): { value: FakeScalar | ""; error: boolean } {
    const cell = sheet.cell(r, c);
    const sp = this.spills(sheet);
    if (cell?.f !== undefined) {
      if (sp.anchors.get(key(r, c))?.blocked) return { value: "#SPILL!", error: true };
      const result = this.calc(cell.f, sheet, r, c);
      return scalarOf(Array.isArray(result) ? (result[0]?.[0] ?? "") : result);
    }
    if (sp.children.has(key(r, c))) return scalarOf(sp.children.get(key(r, c))!);
    return { value: cell?.v ?? "", error: Boolean(cell?.e) };
  }

  /** The rectangles of the sheet's spills that are not blocked. */
  spilled(sheet: SheetModel): Rect[] {
    return [...this.spills(sheet).anchors.values()].filter((a) => !a.blocked).map((a) => a.rect);
  }
}

// ---------------------------------------------------------------- requests

interface Statement {
  /** The object or method the statement acts on, as the request names it. */
  name: string;
  /** What the statement sends: values, formulas, formats, a property's new value. */
  args?: unknown;
  write: boolean;
  run(): number | void;
}

class Batch {
  queue: Statement[] = [];
  suspended = false;
  constructor(
    readonly fake: FakeExcelState,
    readonly delayForCellEdit = false,
  ) {}

  /** A member of ExcelApi 1.`minor`: on an older host the request fails there with ApiNotFound, as Excel answers a call it does not know. */
  gate(minor: number, member: string): void {
    if (this.fake.apiMinor >= minor) return;
    this.add({
      name: member,
      write: false,
      run: () => {
        throw officeError("ApiNotFound", member, `(${member} is ExcelApi 1.${minor}; this Excel has 1.${this.fake.apiMinor})`);
      },
    });
  }

  add(s: Statement): void {
    this.queue.push(s);
  }

  async sync(): Promise<void> {
    const state = this.fake;
    state.syncCount++;
    const statements = this.queue;
    this.queue = [];
    const suspended = this.suspended;
    this.suspended = false;
    const bytes = requestBytes(statements);
    const record: FakeRequest = { bytes, responseBytes: 0, statements: statements.length, writes: statements.filter((s) => s.write).length, calculationSuspended: suspended };
    state.requests.push(record);
    // Let other work run between requests, as a real round trip does.
    await Promise.resolve();
    if (state.cellEdit) {
      // A batch that may not wait fails whole; one that may waits until the user leaves the cell.
      if (!this.delayForCellEdit) throw officeError("InvalidOperationInCellEditMode", "context.sync");
      await new Promise<void>((ok) => state.cellEditWaiters.push(ok));
    }
    const injected = state.failures.get(state.syncCount);
    if (injected) {
      state.failures.delete(state.syncCount);
      throw officeError(injected.code, "context.sync", injected.detail);
    }
    if (bytes > state.payloadLimit) throw officeError("RequestPayloadSizeLimitExceeded", "context.sync", `(${bytes} bytes)`);
    let response = 0;
    for (const s of statements) {
      response += s.run() ?? 0;
      if (s.write) state.book.version++;
    }
    record.responseBytes = response;
    if (response > state.payloadLimit) throw officeError("ResponsePayloadSizeLimitExceeded", "context.sync", `(${response} bytes)`);
  }
}

interface FakeExcelState {
  book: BookModel;
  syncCount: number;
  requests: FakeRequest[];
  runOptions: unknown[];
  failures: Map<number, { code: string; detail?: string }>;
  payloadLimit: number;
  apiMinor: number;
  /** The user is typing in a cell. */
  cellEdit: boolean;
  /** Syncs waiting (delayForCellEdit) for the user to leave the cell. */
  cellEditWaiters: (() => void)[];
}

// ---------------------------------------------------------------- proxies

type Resolver<T> = () => T | null;

/**
 * A client object as Office.js gives one: properties can be read only after load and sync; writes
 * and method calls are queued and run, in order, at the next sync. A null object (…OrNullObject)
 * reports isNullObject after the sync that resolved it.
 */
abstract class Proxy<T> {
  #loaded = new Map<string, unknown>();
  #children = new Map<string, unknown>();
  #isNull: boolean | undefined;
  #target: T | null | undefined;

  constructor(
    protected readonly batch: Batch,
    private readonly resolver: Resolver<T>,
    protected readonly kind: string,
  ) {}

  /** The model behind this object, resolved once (at the first statement that needs it). */
  protected resolve(): T | null {
    if (this.#target === undefined) {
      this.#target = this.resolver();
      this.#isNull = this.#target === null;
    }
    return this.#target;
  }

  /** The model, or ItemNotFound for a null object; public so that arguments (a source range) resolve inside the statement that takes them. */
  must(): T {
    const t = this.resolve();
    if (t === null) throw officeError("ItemNotFound", this.kind, `${this.kind} is a null object.`);
    return t;
  }

  /** Queues the resolution, so getItem of a missing item fails at its place in the request, and isNullObject is known after the sync. */
  queueResolve(): this {
    this.batch.add({ name: this.kind, write: false, run: () => void this.resolve() });
    return this;
  }

  protected abstract read(target: T, prop: string): unknown;

  /** A navigation property: the same object every time, as Office.js gives it (ws.protection, range.format.font). */
  protected child<C>(name: string, make: () => C): C {
    if (!this.#children.has(name)) this.#children.set(name, make());
    return this.#children.get(name) as C;
  }

  protected props(): string[] {
    return [];
  }

  load(spec?: string | string[] | { select?: string }): this {
    const list = (typeof spec === "string" ? spec.split(",") : Array.isArray(spec) ? spec : spec?.select ? spec.select.split(",") : this.props()).map((p) => p.trim()).filter(Boolean);
    this.batch.add({ name: `${this.kind}.load`, args: list, write: false, run: () => this.loadNow(list) });
    return this;
  }

  /** Loads properties from the model at once; runs inside a statement. Returns the response bytes. */
  loadNow(list: readonly string[]): number {
    const t = this.resolve();
    if (t === null) return 0;
    let bytes = 0;
    for (const p of list) {
      const v = this.read(t, p);
      this.#loaded.set(p, v);
      bytes += wireBytes(v);
    }
    return bytes;
  }

  get isNullObject(): boolean {
    if (this.#isNull === undefined) throw notLoaded("isNullObject");
    return this.#isNull;
  }

  protected get$(prop: string): unknown {
    if (this.#isNull) throw officeError("InvalidOperation", this.kind, `${this.kind} is a null object: check isNullObject before reading '${prop}'.`);
    if (!this.#loaded.has(prop)) throw notLoaded(prop);
    return this.#loaded.get(prop);
  }

  /** Queues a change; `apply` runs against the model at sync. */
  protected do$(args: unknown, apply: (target: T) => void, write = true): void {
    this.batch.add({ name: this.kind, args, write, run: () => apply(this.must()) });
  }
}

// ---------------------------------------------------------------- ranges

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function checkWritable(book: BookModel, t: RangeTarget, what: string): void {
  if (!book.has(t.sheet)) throw officeError("ItemNotFound", what, `The sheet "${t.sheet.name}" was deleted.`);
  if (t.sheet.protected) throw officeError("AccessDenied", what);
}

function matrix(value: unknown, rect: Rect, what: string): unknown[][] {
  if (!Array.isArray(value) || value.length !== rows(rect) || value.some((r) => !Array.isArray(r) || r.length !== cols(rect)))
    throw officeError("InvalidArgument", what, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows(rect)}×${cols(rect)}).`);
  return value as unknown[][];
}

function boundsCheck(rect: Rect, what: string): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS || rect.r1 < rect.r0 || rect.c1 < rect.c0) throw officeError("InvalidArgument", what, "The range is outside the sheet.");
  return rect;
}

function sizeGuard(rect: Rect, what: string): void {
  if (rows(rect) * cols(rect) > 5_000_000) throw officeError("ResponsePayloadSizeLimitExceeded", what, "(the whole sheet was asked for)");
}

class FakeRange extends Proxy<RangeTarget> {
  constructor(
    batch: Batch,
    resolver: Resolver<RangeTarget>,
    private readonly book: BookModel,
  ) {
    super(batch, resolver, "Range");
  }

  protected override props(): string[] {
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "formulas", "numberFormat", "valueTypes"];
  }

  override load(spec?: string | string[] | { select?: string }): this {
    const text = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec?.select ?? "");
    if (/\bhasSpill\b/.test(text)) this.batch.gate(12, "Range.hasSpill");
    return super.load(spec);
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const { sheet, rect } = t;
    const each = (f: (cell: CellModel | undefined, r: number, c: number) => unknown) => {
      sizeGuard(rect, `Range.${prop}`);
      const out: unknown[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(f(sheet.cell(r, c), r, c));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case "address":
        return `${quoteSheet(sheet.name)}!${refOf(rect)}`;
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "rowCount":
        return rows(rect);
      case "columnCount":
        return cols(rect);
      case "values":
        // An error value comes back as its text (#N/A); valueTypes tells it from text.
        return each((_, r, c) => this.book.shown(sheet, r, c).value);
      case "valueTypes":
        return each((_, r, c) => {
          const { value, error } = this.book.shown(sheet, r, c);
          return error ? "Error" : value === "" ? "Empty" : typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String";
        });
      case "formulas":
        // A formula's text, where values gives its result. A quote-prefixed text comes back without
        // its apostrophe (office-js issue 6687); a cell a spill fills gives its value.
        return each((cell, r, c) => cell?.f ?? (cell?.v !== undefined ? cell.v : this.book.shown(sheet, r, c).value));
      case "hasSpill": {
        // true when every cell is in a spill, false when none is, null when some are (ExcelApi 1.12).
        const sp = this.book.spills(sheet);
        let n = 0;
        for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) if (sp.children.has(key(r, c))) n++;
        return n === 0 ? false : n === rows(rect) * cols(rect) ? true : null;
      }
      case "numberFormat":
        return each((cell) => cell?.nf ?? "General");
      default:
        throw officeError("InvalidArgument", `Range.load`, `The fake does not know the property '${prop}'.`);
    }
  }

  get address(): string {
    return this.get$("address") as string;
  }
  get rowIndex(): number {
    return this.get$("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get$("columnIndex") as number;
  }
  get rowCount(): number {
    return this.get$("rowCount") as number;
  }
  get columnCount(): number {
    return this.get$("columnCount") as number;
  }

  get values(): unknown[][] {
    return this.get$("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this.do$(v, (t) => this.write(t, v, "values"));
  }
  get formulas(): unknown[][] {
    return this.get$("formulas") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.do$(v, (t) => this.write(t, v, "formulas"));
  }
  get numberFormat(): unknown[][] {
    return this.get$("numberFormat") as unknown[][];
  }
  get valueTypes(): string[][] {
    return this.get$("valueTypes") as string[][];
  }
  get hasSpill(): boolean | null {
    return this.get$("hasSpill") as boolean | null;
  }
  set columnHidden(v: boolean) {
    this.do$(v, (t) => {
      checkWritable(this.book, t, "Range.columnHidden");
      if (typeof v !== "boolean") throw officeError("InvalidArgument", "Range.columnHidden");
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        if (v) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      }
    });
  }
  set numberFormat(v: unknown[][]) {
    this.do$(v, (t) => {
      checkWritable(this.book, t, "Range.numberFormat");
      const m = matrix(v, t.rect, "Range.numberFormat");
      m.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null || f === undefined) return;
          if (typeof f !== "string") throw officeError("InvalidArgument", "Range.numberFormat", "A number format is text.");
          const cell = t.sheet.ensure(t.rect.r0 + i, t.rect.c0 + j);
          if (f === "" || f === "General") delete cell.nf;
          else cell.nf = f;
        }),
      );
    });
  }

  private write(t: RangeTarget, v: unknown, what: "values" | "formulas"): void {
    checkWritable(this.book, t, `Range.${what}`);
    const m = matrix(v, t.rect, `Range.${what}`);
    m.forEach((row, i) =>
      row.forEach((x, j) => {
        // null leaves a cell as it is.
        if (x === null || x === undefined) return;
        const r = t.rect.r0 + i;
        const c = t.rect.c0 + j;
        const cell = t.sheet.ensure(r, c);
        const textFormat = cell.nf === "@";
        delete cell.q;
        delete cell.e;
        if (typeof x === "number") {
          if (!Number.isFinite(x)) throw officeError("InvalidArgument", `Range.${what}`, "A number must be finite.");
          delete cell.f;
          cell.v = textFormat ? String(x) : x;
          return;
        }
        if (typeof x === "boolean") {
          delete cell.f;
          cell.v = textFormat ? (x ? "TRUE" : "FALSE") : x;
          return;
        }
        if (typeof x !== "string") throw officeError("InvalidArgument", `Range.${what}`, "A cell takes text, a number or a logical value.");
        const entered = enterText(x, textFormat);
        delete cell.f;
        delete cell.v;
        if ("clear" in entered) return;
        if ("f" in entered) cell.f = entered.f;
        else {
          cell.v = entered.v;
          if (entered.q) cell.q = true;
          if ("error" in entered && entered.error) cell.e = true;
        }
      }),
    );
  }

  get format(): FakeRangeFormat {
    return this.child("format", () => new FakeRangeFormat(this.batch, () => this.resolve(), this.book));
  }

  get dataValidation(): FakeDataValidation {
    this.batch.gate(8, "Range.dataValidation");
    return this.child("dataValidation", () => new FakeDataValidation(this.batch, () => this.resolve(), this.book));
  }

  merge(across = false): void {
    this.batch.gate(2, "Range.merge");
    this.do$({ across }, (t) => {
      checkWritable(this.book, t, "Range.merge");
      const parts = across ? Array.from({ length: rows(t.rect) }, (_, i) => ({ ...t.rect, r0: t.rect.r0 + i, r1: t.rect.r0 + i })) : [t.rect];
      for (const p of parts) {
        if (rows(p) * cols(p) < 2) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, p));
        t.sheet.merges.push({ ...p });
        // Merging keeps the top-left value only.
        for (let r = p.r0; r <= p.r1; r++)
          for (let c = p.c0; c <= p.c1; c++) {
            if (r === p.r0 && c === p.c0) continue;
            const cell = t.sheet.cell(r, c);
            if (cell) {
              delete cell.v;
              delete cell.f;
            }
          }
      }
    });
  }

  unmerge(): void {
    this.batch.gate(2, "Range.unmerge");
    this.do$({}, (t) => {
      checkWritable(this.book, t, "Range.unmerge");
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t.rect));
    });
  }

  select(): void {
    this.do$(
      {},
      (t) => {
        if (this.book.active !== t.sheet) throw officeError("InvalidOperation", "Range.select", "A range can be selected only on the active sheet.");
        this.book.selection = { sheet: t.sheet, rect: { ...t.rect } };
      },
      false,
    );
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.batch,
      () => {
        const t = this.must();
        return { sheet: t.sheet, rect: boundsCheck({ r0: t.rect.r0 + row, c0: t.rect.c0 + column, r1: t.rect.r0 + row, c1: t.rect.c0 + column }, "Range.getCell") };
      },
      this.book,
    );
  }

  /** The area a formula in this one cell spills over; a null object when it does not spill (ExcelApi 1.12). */
  getSpillingToRangeOrNullObject(): FakeRange {
    this.batch.gate(12, "Range.getSpillingToRangeOrNullObject");
    return new FakeRange(
      this.batch,
      () => {
        const t = this.single("Range.getSpillingToRangeOrNullObject");
        const anchor = this.book.spills(t.sheet).anchors.get(key(t.rect.r0, t.rect.c0));
        return anchor && !anchor.blocked ? { sheet: t.sheet, rect: { ...anchor.rect } } : null;
      },
      this.book,
    ).queueResolve();
  }

  /** The formula cell whose spill fills this one cell; a null object when no spill does (ExcelApi 1.12). */
  getSpillParentOrNullObject(): FakeRange {
    this.batch.gate(12, "Range.getSpillParentOrNullObject");
    return new FakeRange(
      this.batch,
      () => {
        const t = this.single("Range.getSpillParentOrNullObject");
        for (const [k, a] of this.book.spills(t.sheet).anchors)
          if (!a.blocked && inside(t.rect.r0, t.rect.c0, a.rect)) return { sheet: t.sheet, rect: { r0: Math.floor(k / MAX_COLS), c0: k % MAX_COLS, r1: Math.floor(k / MAX_COLS), c1: k % MAX_COLS } };
        return null;
      },
      this.book,
    ).queueResolve();
  }

  /** The target of a method that takes one cell only: Excel refuses a larger range. */
  private single(what: string): RangeTarget {
    const t = this.must();
    if (rows(t.rect) !== 1 || cols(t.rect) !== 1) throw officeError("InvalidArgument", what, "The range must be a single cell.");
    return t;
  }

  /**
   * The cells of this range that hold a formula, as areas of vertical runs; a null object when none
   * does (ExcelApi 1.9). Only "Formulas" is modelled. A spilled cell other than its anchor holds no
   * formula, as in Excel.
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    this.batch.gate(9, "Range.getSpecialCellsOrNullObject");
    const areas = new FakeRangeAreas(this.batch, () => {
      const t = this.must();
      if (cellType !== "Formulas") throw officeError("InvalidArgument", "Range.getSpecialCellsOrNullObject", `The fake models "Formulas" only, not "${cellType}".`);
      const found: Rect[] = [];
      for (let c = t.rect.c0; c <= t.rect.c1; c++)
        for (let r = t.rect.r0; r <= t.rect.r1; r++) {
          if (t.sheet.cell(r, c)?.f === undefined) continue;
          const last = found[found.length - 1];
          if (last && last.c0 === c && last.r1 === r - 1) last.r1 = r;
          else found.push({ r0: r, c0: c, r1: r, c1: c });
        }
      return found.length ? { sheet: t.sheet, rects: found } : null;
    });
    areas.queueResolve();
    return areas;
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.batch.gate(13, "Range.getMergedAreasOrNullObject");
    const areas = new FakeRangeAreas(this.batch, () => {
      const t = this.must();
      const found = t.sheet.merges.filter((m) => overlaps(m, t.rect));
      return found.length ? { sheet: t.sheet, rects: found } : null;
    });
    areas.queueResolve();
    return areas;
  }
}

interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

class FakeRangeAreas extends Proxy<AreasTarget> {
  constructor(batch: Batch, resolver: Resolver<AreasTarget>) {
    super(batch, resolver, "RangeAreas");
  }
  protected read(t: AreasTarget, prop: string): unknown {
    if (prop === "address") return t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${refOf(r)}`).join(", ");
    if (prop === "areaCount") return t.rects.length;
    throw officeError("InvalidArgument", "RangeAreas.load", `The fake does not know the property '${prop}'.`);
  }
  get address(): string {
    return this.get$("address") as string;
  }
  get areaCount(): number {
    return this.get$("areaCount") as number;
  }
}

/** Formats are kept as operations over rectangles; a cell's format is the last operation covering it. */
class FormatPart extends Proxy<RangeTarget> {
  constructor(
    batch: Batch,
    resolver: Resolver<RangeTarget>,
    protected readonly book: BookModel,
    private readonly prefix: string,
  ) {
    super(batch, resolver, `RangeFormat${prefix ? "." + prefix : ""}`);
  }
  protected read(t: RangeTarget, prop: string): unknown {
    return styleAt(t.sheet, t.rect.r0, t.rect.c0, this.key(prop));
  }
  protected key(prop: string): string {
    return this.prefix ? `${this.prefix}.${prop}` : prop;
  }
  protected setStyle(prop: string, value: unknown, check?: (v: unknown) => boolean): void {
    this.do$(value, (t) => {
      checkWritable(this.book, t, `format.${this.key(prop)}`);
      if (check && !check(value)) throw officeError("InvalidArgument", `format.${this.key(prop)}`, `${JSON.stringify(value)} is not valid here.`);
      t.sheet.styles.push({ rect: { ...t.rect }, key: this.key(prop), value });
    });
  }
}

export function styleAt(sheet: SheetModel, r: number, c: number, key: string): unknown {
  for (let i = sheet.styles.length - 1; i >= 0; i--) {
    const op = sheet.styles[i];
    if (op.key === key && inside(r, c, op.rect)) return op.value;
  }
  return undefined;
}

const isColor = (v: unknown) => typeof v === "string" && /^#[0-9A-Fa-f]{6}$/.test(v);
const isNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v);
const oneOf =
  (...xs: string[]) =>
  (v: unknown) =>
    typeof v === "string" && xs.includes(v);

class FakeRangeFormat extends FormatPart {
  constructor(batch: Batch, resolver: Resolver<RangeTarget>, book: BookModel) {
    super(batch, resolver, book, "");
  }
  get font(): FakeFont {
    return this.child("font", () => new FakeFont(this.batch, () => this.resolve(), this.book));
  }
  get fill(): FakeFill {
    return this.child("fill", () => new FakeFill(this.batch, () => this.resolve(), this.book));
  }
  get borders(): { getItem(index: string): FakeBorder } {
    return this.child("borders", () => ({ getItem: (index: string) => this.child(`border.${index}`, () => new FakeBorder(this.batch, () => this.resolve(), this.book, index)) }));
  }
  set horizontalAlignment(v: string) {
    this.setStyle("horizontalAlignment", v, oneOf("General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"));
  }
  set verticalAlignment(v: string) {
    this.setStyle("verticalAlignment", v, oneOf("Top", "Center", "Bottom", "Justify", "Distributed"));
  }
  set wrapText(v: boolean) {
    this.setStyle("wrapText", v, (x) => typeof x === "boolean");
  }
  set indentLevel(v: number) {
    this.batch.gate(9, "RangeFormat.indentLevel");
    this.setStyle("indentLevel", v, (x) => isNumber(x) && (x as number) >= 0 && (x as number) <= 250);
  }
  set columnWidth(v: number) {
    this.batch.gate(2, "RangeFormat.columnWidth");
    this.do$(v, (t) => {
      checkWritable(this.book, t, "format.columnWidth");
      if (!isNumber(v) || v < 0) throw officeError("InvalidArgument", "format.columnWidth");
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.widths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.batch.gate(2, "RangeFormat.rowHeight");
    this.do$(v, (t) => {
      checkWritable(this.book, t, "format.rowHeight");
      if (!isNumber(v) || v < 0 || v > 409) throw officeError("InvalidArgument", "format.rowHeight");
      for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.heights.set(r, v);
    });
  }
}

class FakeFont extends FormatPart {
  constructor(batch: Batch, resolver: Resolver<RangeTarget>, book: BookModel) {
    super(batch, resolver, book, "font");
  }
  set bold(v: boolean) {
    this.setStyle("bold", v, (x) => typeof x === "boolean");
  }
  set italic(v: boolean) {
    this.setStyle("italic", v, (x) => typeof x === "boolean");
  }
  set size(v: number) {
    this.setStyle("size", v, (x) => isNumber(x) && (x as number) >= 1 && (x as number) <= 409);
  }
  set color(v: string) {
    this.setStyle("color", v, isColor);
  }
  set name(v: string) {
    this.setStyle("name", v, (x) => typeof x === "string" && x !== "");
  }
}

class FakeFill extends FormatPart {
  constructor(batch: Batch, resolver: Resolver<RangeTarget>, book: BookModel) {
    super(batch, resolver, book, "fill");
  }
  set color(v: string) {
    this.setStyle("color", v, isColor);
  }
}

class FakeBorder extends FormatPart {
  constructor(batch: Batch, resolver: Resolver<RangeTarget>, book: BookModel, index: string) {
    if (!["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"].includes(index)) throw officeError("InvalidArgument", "borders.getItem", index);
    super(batch, resolver, book, `border.${index}`);
  }
  set style(v: string) {
    this.styleOp("style", v, oneOf("None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"));
  }
  set color(v: string) {
    this.styleOp("color", v, isColor);
  }
  set weight(v: string) {
    this.styleOp("weight", v, oneOf("Hairline", "Thin", "Medium", "Thick"));
  }
  private styleOp(prop: string, v: unknown, check: (v: unknown) => boolean): void {
    this.setStyle(prop, v, check);
  }
}

class FakeDataValidation extends Proxy<RangeTarget> {
  constructor(
    batch: Batch,
    resolver: Resolver<RangeTarget>,
    private readonly book: BookModel,
  ) {
    super(batch, resolver, "DataValidation");
  }
  protected read(t: RangeTarget, prop: string): unknown {
    const v = t.sheet.validations.find((x) => inside(t.rect.r0, t.rect.c0, x.rect));
    return v ? (v as unknown as Record<string, unknown>)[prop] : undefined;
  }
  private entry(t: RangeTarget): ValidationModel {
    checkWritable(this.book, t, "DataValidation");
    let v = t.sheet.validations.find((x) => x.rect.r0 === t.rect.r0 && x.rect.c0 === t.rect.c0 && x.rect.r1 === t.rect.r1 && x.rect.c1 === t.rect.c1);
    if (!v) {
      t.sheet.validations = t.sheet.validations.filter((x) => !overlaps(x.rect, t.rect));
      v = { rect: { ...t.rect } };
      t.sheet.validations.push(v);
    }
    return v;
  }
  set rule(rule: Record<string, unknown>) {
    this.do$(rule, (t) => {
      const kinds = Object.keys(rule ?? {}).filter((k) => rule[k] !== undefined);
      const known = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];
      if (kinds.length !== 1 || !known.includes(kinds[0])) throw officeError("InvalidArgument", "DataValidation.rule", "A rule has exactly one kind.");
      const body = rule[kinds[0]] as Record<string, unknown>;
      if (kinds[0] === "list") {
        if (typeof body.source !== "string" || body.source === "") throw officeError("InvalidArgument", "DataValidation.rule", "A list needs a source.");
        if (body.source.length > 255) throw officeError("InvalidArgument", "DataValidation.rule", "A list's source is at most 255 characters.");
      } else if (kinds[0] !== "custom") {
        if (body.formula1 === undefined || typeof body.operator !== "string") throw officeError("InvalidArgument", "DataValidation.rule", "formula1 and operator are required.");
        if ((body.operator === "Between" || body.operator === "NotBetween") && body.formula2 === undefined) throw officeError("InvalidArgument", "DataValidation.rule", "Between needs formula2.");
      }
      this.entry(t).rule = structuredCloneish(rule);
    });
  }
  set prompt(p: { showPrompt?: boolean; title?: string; message?: string }) {
    this.do$(p, (t) => {
      // Excel's limits: an input title of 32 characters, a message of 255.
      if ((p.title ?? "").length > 32 || (p.message ?? "").length > 255) throw officeError("InvalidArgument", "DataValidation.prompt", "The input title is at most 32 characters and its message 255.");
      this.entry(t).prompt = structuredCloneish(p);
    });
  }
  set errorAlert(a: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
    this.do$(a, (t) => {
      // Excel's limits: an error title of 32 characters, a message of 225.
      if ((a.title ?? "").length > 32 || (a.message ?? "").length > 225) throw officeError("InvalidArgument", "DataValidation.errorAlert", "The error title is at most 32 characters and its message 225.");
      if (a.style !== undefined && !["Stop", "Warning", "Information"].includes(a.style)) throw officeError("InvalidArgument", "DataValidation.errorAlert", a.style);
      this.entry(t).errorAlert = structuredCloneish(a);
    });
  }
  clear(): void {
    this.do$({}, (t) => {
      checkWritable(this.book, t, "DataValidation.clear");
      t.sheet.validations = t.sheet.validations.filter((x) => !overlaps(x.rect, t.rect));
    });
  }
}

// ---------------------------------------------------------------- worksheets

class FakeWorksheet extends Proxy<SheetModel> {
  constructor(
    batch: Batch,
    resolver: Resolver<SheetModel>,
    private readonly book: BookModel,
  ) {
    super(batch, resolver, "Worksheet");
  }

  protected override props(): string[] {
    return ["name", "id", "position", "visibility", "showGridlines"];
  }

  protected override resolve(): SheetModel | null {
    const s = super.resolve();
    if (s !== null && !this.book.has(s)) throw officeError("ItemNotFound", "Worksheet", `The sheet "${s.name}" was deleted.`);
    return s;
  }

  protected read(s: SheetModel, prop: string): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.book.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "showGridlines":
        return s.showGridlines;
      default:
        throw officeError("InvalidArgument", "Worksheet.load", `The fake does not know the property '${prop}'.`);
    }
  }

  get name(): string {
    return this.get$("name") as string;
  }
  set name(v: string) {
    this.do$(v, (s) => {
      if (this.book.structureProtected) throw officeError("AccessDenied", "Worksheet.name", "The workbook's structure is protected.");
      s.name = this.book.checkName(v, s);
    });
  }
  get id(): string {
    return this.get$("id") as string;
  }
  get position(): number {
    return this.get$("position") as number;
  }
  set position(v: number) {
    this.do$(v, (s) => {
      if (this.book.structureProtected) throw officeError("AccessDenied", "Worksheet.position", "The workbook's structure is protected.");
      if (!Number.isInteger(v) || v < 0 || v >= this.book.sheets.length) throw officeError("InvalidArgument", "Worksheet.position");
      this.book.sheets.splice(this.book.sheets.indexOf(s), 1);
      this.book.sheets.splice(v, 0, s);
    });
  }
  get visibility(): string {
    return this.get$("visibility") as string;
  }
  set visibility(v: string) {
    this.do$(v, (s) => {
      s.visibility = v;
    });
  }
  get showGridlines(): boolean {
    return this.get$("showGridlines") as boolean;
  }
  set showGridlines(v: boolean) {
    this.batch.gate(8, "Worksheet.showGridlines");
    this.do$(v, (s) => {
      s.showGridlines = Boolean(v);
    });
  }

  get protection(): FakeSheetProtection {
    this.batch.gate(2, "Worksheet.protection");
    return this.child("protection", () => new FakeSheetProtection(this.batch, () => this.resolve()));
  }

  get charts(): FakeChartCollection {
    return this.child("charts", () => new FakeChartCollection(this.batch, () => this.resolve(), this.book));
  }

  get freezePanes(): FakeFreezePanes {
    this.batch.gate(7, "Worksheet.freezePanes");
    return this.child("freezePanes", () => new FakeFreezePanes(this.batch, () => this.resolve()));
  }

  get pageLayout(): FakePageLayout {
    this.batch.gate(9, "Worksheet.pageLayout");
    return this.child("pageLayout", () => new FakePageLayout(this.batch, () => this.resolve()));
  }

  private range(rect: () => Rect): FakeRange {
    return new FakeRange(this.batch, () => ({ sheet: this.must(), rect: rect() }), this.book);
  }

  getRange(address?: string): FakeRange {
    return this.range(() => (address === undefined || address === "" ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } : boundsCheck(parseRef(address), "Worksheet.getRange")));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.batch.gate(7, "Worksheet.getRangeByIndexes");
    return this.range(() => {
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || rowCount < 1 || columnCount < 1) throw officeError("InvalidArgument", "Worksheet.getRangeByIndexes");
      return boundsCheck({ r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 }, "Worksheet.getRangeByIndexes");
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.batch.gate(4, "Worksheet.getUsedRangeOrNullObject");
    const r = new FakeRange(
      this.batch,
      () => {
        const s = this.must();
        const rect = s.used(valuesOnly, this.book.spilled(s));
        return rect ? { sheet: s, rect } : null;
      },
      this.book,
    );
    return r.queueResolve();
  }

  delete(): void {
    this.do$({}, (s) => {
      if (this.book.structureProtected) throw officeError("AccessDenied", "Worksheet.delete", "The workbook's structure is protected.");
      const visible = this.book.sheets.filter((x) => x.visibility === "Visible");
      if (visible.length === 1 && visible[0] === s) throw officeError("InvalidOperation", "Worksheet.delete", "A workbook must keep at least one visible sheet.");
      this.book.sheets.splice(this.book.sheets.indexOf(s), 1);
      if (this.book.active === s) this.book.active = this.book.sheets.find((x) => x.visibility === "Visible");
      if (this.book.selection?.sheet === s) this.book.selection = undefined;
    });
  }

  activate(): void {
    this.do$(
      {},
      (s) => {
        if (s.visibility !== "Visible") throw officeError("InvalidOperation", "Worksheet.activate", "A hidden sheet cannot be activated.");
        this.book.active = s;
      },
      false,
    );
  }

  copy(positionType = "None", relativeTo?: FakeWorksheet): FakeWorksheet {
    this.batch.gate(7, "Worksheet.copy");
    let made: SheetModel | undefined;
    this.do$({ positionType }, (s) => {
      if (this.book.structureProtected) throw officeError("AccessDenied", "Worksheet.copy", "The workbook's structure is protected.");
      let n = 2;
      let name = `${s.name.slice(0, 26)} (${n})`;
      while (this.book.find(name)) name = `${s.name.slice(0, 26)} (${++n})`;
      const copy = s.clone(name);
      const rel = relativeTo ? relativeTo.must() : s;
      const at = this.book.sheets.indexOf(rel);
      const index = positionType === "Beginning" ? 0 : positionType === "Before" ? at : positionType === "After" ? at + 1 : positionType === "End" ? this.book.sheets.length : this.book.sheets.indexOf(s) + 1;
      this.book.sheets.splice(index, 0, copy);
      made = copy;
    });
    return new FakeWorksheet(
      this.batch,
      () => {
        if (!made) throw officeError("ItemNotFound", "Worksheet.copy", "The copy was not made.");
        return made;
      },
      this.book,
    );
  }
}

class FakeSheetProtection extends Proxy<SheetModel> {
  constructor(batch: Batch, resolver: Resolver<SheetModel>) {
    super(batch, resolver, "WorksheetProtection");
  }
  protected read(s: SheetModel, prop: string): unknown {
    if (prop === "protected") return s.protected;
    throw officeError("InvalidArgument", "WorksheetProtection.load", prop);
  }
  get protected(): boolean {
    return this.get$("protected") as boolean;
  }
}

class FakeFreezePanes extends Proxy<SheetModel> {
  constructor(batch: Batch, resolver: Resolver<SheetModel>) {
    super(batch, resolver, "WorksheetFreezePanes");
  }
  protected read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this.do$(count, (s) => {
      s.freeze = { rows: count, columns: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this.do$(count, (s) => {
      s.freeze = { rows: 0, columns: count };
    });
  }
  freezeAt(at: FakeRange | string): void {
    this.do$(typeof at === "string" ? at : {}, (s) => {
      const rect = typeof at === "string" ? parseRef(at) : at.must().rect;
      s.freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this.do$({}, (s) => {
      s.freeze = undefined;
    });
  }
}

const PAPER = ["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5"];

class FakePageLayout extends Proxy<SheetModel> {
  constructor(batch: Batch, resolver: Resolver<SheetModel>) {
    super(batch, resolver, "PageLayout");
  }
  protected read(s: SheetModel, prop: string): unknown {
    return s.layout[prop];
  }
  private put(prop: string, v: unknown, check: (v: unknown) => boolean): void {
    this.do$(v, (s) => {
      if (!check(v)) throw officeError("InvalidArgument", `PageLayout.${prop}`, JSON.stringify(v));
      s.layout[prop] = structuredCloneish(v);
    });
  }
  set paperSize(v: string) {
    this.put("paperSize", v, oneOf(...PAPER));
  }
  set orientation(v: string) {
    this.put("orientation", v, oneOf("Portrait", "Landscape"));
  }
  set centerHorizontally(v: boolean) {
    this.put("centerHorizontally", v, (x) => typeof x === "boolean");
  }
  set centerVertically(v: boolean) {
    this.put("centerVertically", v, (x) => typeof x === "boolean");
  }
  set printGridlines(v: boolean) {
    this.put("printGridlines", v, (x) => typeof x === "boolean");
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.put("zoom", v, (x) => {
      const z = x as Record<string, unknown>;
      if (typeof z !== "object" || z === null) return false;
      if (z.scale !== undefined && z.scale !== null && (!isNumber(z.scale) || (z.scale as number) < 10 || (z.scale as number) > 400)) return false;
      return ["horizontalFitToPages", "verticalFitToPages"].every((k) => z[k] === undefined || z[k] === null || (Number.isInteger(z[k]) && (z[k] as number) >= 0));
    });
  }
  set leftMargin(v: number) {
    this.put("leftMargin", v, isNumber);
  }
  set rightMargin(v: number) {
    this.put("rightMargin", v, isNumber);
  }
  set topMargin(v: number) {
    this.put("topMargin", v, isNumber);
  }
  set bottomMargin(v: number) {
    this.put("bottomMargin", v, isNumber);
  }
  set headerMargin(v: number) {
    this.put("headerMargin", v, isNumber);
  }
  set footerMargin(v: number) {
    this.put("footerMargin", v, isNumber);
  }
  setPrintTitleRows(rows: string | FakeRange): void {
    this.do$(typeof rows === "string" ? rows : {}, (s) => {
      if (typeof rows === "string") {
        const r = parseRef(rows);
        s.printTitleRows = `$${r.r0 + 1}:$${r.r1 + 1}`;
      } else {
        const r = rows.must().rect;
        s.printTitleRows = `$${r.r0 + 1}:$${r.r1 + 1}`;
      }
    });
  }
  /** PageLayout.setPrintTitleColumns (ExcelApi 1.9): kept in the layout as "$A:$C". */
  setPrintTitleColumns(columns: string): void {
    this.do$(columns, (s) => {
      if (typeof columns !== "string" || !/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(columns)) throw officeError("InvalidArgument", "PageLayout.setPrintTitleColumns", String(columns));
      s.layout.printTitleColumns = columns.replace(/\$?([A-Z]+):\$?([A-Z]+)/, "$$$1:$$$2");
    });
  }
  get headersFooters(): { defaultForAllPages: FakeHeaderFooter } {
    return this.child("headersFooters", () => ({ defaultForAllPages: new FakeHeaderFooter(this.batch, () => this.must()) }));
  }
}

class FakeHeaderFooter extends Proxy<SheetModel> {
  constructor(batch: Batch, resolver: Resolver<SheetModel>) {
    super(batch, resolver, "HeaderFooter");
  }
  protected read(s: SheetModel, prop: string): unknown {
    return s.footers[prop] ?? "";
  }
  private put(prop: string, v: string): void {
    this.do$(v, (s) => {
      if (typeof v !== "string") throw officeError("InvalidArgument", `HeaderFooter.${prop}`);
      s.footers[prop] = v;
    });
  }
  set leftFooter(v: string) {
    this.put("leftFooter", v);
  }
  set centerFooter(v: string) {
    this.put("centerFooter", v);
  }
  set rightFooter(v: string) {
    this.put("rightFooter", v);
  }
  set leftHeader(v: string) {
    this.put("leftHeader", v);
  }
  set centerHeader(v: string) {
    this.put("centerHeader", v);
  }
  set rightHeader(v: string) {
    this.put("rightHeader", v);
  }
}

// ---------------------------------------------------------------- charts

const CHART_TYPES = ["ColumnClustered", "ColumnStacked", "BarClustered", "BarStacked", "Pie", "Line", "LineMarkers", "Doughnut", "XYScatter"];

class FakeChartCollection extends Proxy<SheetModel> {
  constructor(
    batch: Batch,
    resolver: Resolver<SheetModel>,
    private readonly book: BookModel,
  ) {
    super(batch, resolver, "ChartCollection");
  }
  protected read(s: SheetModel, prop: string): unknown {
    if (prop === "count") return s.charts.length;
    throw officeError("InvalidArgument", "ChartCollection.load", prop);
  }
  get count(): number {
    return this.get$("count") as number;
  }
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChartProxy {
    let made: ChartModel | undefined;
    this.do$({ type, seriesBy }, (s) => {
      if (s.protected) throw officeError("AccessDenied", "ChartCollection.add");
      if (!CHART_TYPES.includes(type)) throw officeError("InvalidArgument", "ChartCollection.add", `"${type}" is not a chart type.`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw officeError("InvalidArgument", "ChartCollection.add", `"${seriesBy}" is not a series order.`);
      const src = source.must();
      const byRows = seriesBy === "Rows";
      const n = byRows ? rows(src.rect) : cols(src.rect);
      const series = Array.from({ length: n }, (_, i) => ({
        values: `${quoteSheet(src.sheet.name)}!${refOf(byRows ? { ...src.rect, r0: src.rect.r0 + i, r1: src.rect.r0 + i } : { ...src.rect, c0: src.rect.c0 + i, c1: src.rect.c0 + i })}`,
      }));
      made = { id: nextId++, name: `Chart ${s.charts.length + 1}`, type, source: `${quoteSheet(src.sheet.name)}!${refOf(src.rect)}`, seriesBy, series };
      s.charts.push(made);
    });
    return new FakeChartProxy(
      this.batch,
      () => {
        if (!made) throw officeError("ItemNotFound", "ChartCollection.add");
        return made;
      },
      this.book,
    );
  }
}

class FakeChartProxy extends Proxy<ChartModel> {
  constructor(
    batch: Batch,
    resolver: Resolver<ChartModel>,
    private readonly book: BookModel,
  ) {
    super(batch, resolver, "Chart");
  }
  protected read(c: ChartModel, prop: string): unknown {
    if (prop === "name") return c.name;
    throw officeError("InvalidArgument", "Chart.load", prop);
  }
  get name(): string {
    return this.get$("name") as string;
  }
  set name(v: string) {
    this.do$(v, (c) => {
      c.name = v;
    });
  }
  get title(): { text: string } {
    const chart = this as FakeChartProxy;
    return this.child("title", () => ({
      get text(): string {
        throw notLoaded("text");
      },
      set text(v: string) {
        chart.do$(v, (c) => {
          c.title = v;
        });
      },
    }));
  }
  get series(): { getItemAt(i: number): FakeSeries; add(name?: string): FakeSeries } {
    return this.child("series", () => ({
      getItemAt: (i: number): FakeSeries =>
        new FakeSeries(this.batch, () => {
          const c = this.must();
          if (!c.series[i]) throw officeError("InvalidArgument", "ChartSeriesCollection.getItemAt", `No series ${i}.`);
          return { chart: c, index: i };
        }, this.book),
      add: (name?: string) => {
        this.batch.gate(7, "ChartSeriesCollection.add");
        let index = -1;
        this.do$(name ?? null, (c) => {
          c.series.push(name === undefined ? {} : { name });
          index = c.series.length - 1;
        });
        return new FakeSeries(this.batch, () => ({ chart: this.must(), index }), this.book);
      },
    }));
  }
  setPosition(start: string, end?: string): void {
    this.do$({ start, end }, (c) => {
      parseRef(start);
      if (end) parseRef(end);
      c.position = end ? { start, end } : { start };
    });
  }
}

class FakeSeries extends Proxy<{ chart: ChartModel; index: number }> {
  constructor(
    batch: Batch,
    resolver: Resolver<{ chart: ChartModel; index: number }>,
    private readonly book: BookModel,
  ) {
    super(batch, resolver, "ChartSeries");
  }
  protected read(t: { chart: ChartModel; index: number }, prop: string): unknown {
    return (t.chart.series[t.index] as Record<string, unknown>)[prop];
  }
  set name(v: string) {
    this.do$(v, (t) => {
      t.chart.series[t.index].name = v;
    });
  }
  private address(r: FakeRange): string {
    const t = r.must();
    if (!this.book.has(t.sheet)) throw officeError("ItemNotFound", "ChartSeries");
    return `${quoteSheet(t.sheet.name)}!${refOf(t.rect)}`;
  }
  setValues(r: FakeRange): void {
    this.batch.gate(7, "ChartSeries.setValues");
    this.do$({}, (t) => {
      t.chart.series[t.index].values = this.address(r);
    });
  }
  setXAxisValues(r: FakeRange): void {
    this.batch.gate(7, "ChartSeries.setXAxisValues");
    this.do$({}, (t) => {
      t.chart.series[t.index].xValues = this.address(r);
    });
  }
}

// ---------------------------------------------------------------- workbook, settings, collections

class FakeWorksheetCollection extends Proxy<BookModel> {
  #items: FakeWorksheet[] | undefined;
  constructor(
    batch: Batch,
    private readonly book: BookModel,
  ) {
    super(batch, () => book, "WorksheetCollection");
  }
  protected read(): unknown {
    return undefined;
  }
  override load(spec?: string | string[]): this {
    const list = (typeof spec === "string" ? spec.split(",") : (spec ?? ["items/name"]))
      .map((p) => p.trim())
      .map((p) => p.replace(/^items\//, ""))
      .filter(Boolean);
    this.batch.add({
      name: "WorksheetCollection.load",
      args: list,
      write: false,
      run: () => {
        // Listed worksheets arrive with their properties loaded.
        this.#items = this.book.sheets.map((s) => new FakeWorksheet(this.batch, () => s, this.book));
        return this.#items.reduce((n, ws) => n + ws.loadNow(list), 0);
      },
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.#items) throw notLoaded("items");
    return this.#items;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.batch,
      () => {
        const s = this.book.find(key) ?? this.book.sheets.find((x) => x.id === key);
        if (!s) throw officeError("ItemNotFound", "WorksheetCollection.getItem", `There is no sheet "${key}".`);
        return s;
      },
      this.book,
    ).queueResolve();
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    this.batch.gate(4, "WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(this.batch, () => this.book.find(key) ?? this.book.sheets.find((x) => x.id === key) ?? null, this.book).queueResolve();
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.batch,
      () => {
        if (!this.book.active) throw officeError("ItemNotFound", "getActiveWorksheet");
        return this.book.active;
      },
      this.book,
    ).queueResolve();
  }
  add(name?: string): FakeWorksheet {
    let made: SheetModel | undefined;
    this.do$(name ?? null, (book) => {
      if (book.structureProtected) throw officeError("AccessDenied", "WorksheetCollection.add", "The workbook's structure is protected.");
      let n = book.sheets.length + 1;
      let chosen = name;
      if (chosen === undefined) {
        while (book.find(`Sheet${n}`)) n++;
        chosen = `Sheet${n}`;
      }
      made = new SheetModel(book.checkName(chosen));
      book.sheets.push(made);
    });
    return new FakeWorksheet(
      this.batch,
      () => {
        if (!made) throw officeError("ItemNotFound", "WorksheetCollection.add");
        return made;
      },
      this.book,
    );
  }
}

class FakeSetting extends Proxy<{ key: string }> {
  constructor(
    batch: Batch,
    resolver: Resolver<{ key: string }>,
    private readonly book: BookModel,
  ) {
    super(batch, resolver, "Setting");
  }
  protected read(t: { key: string }, prop: string): unknown {
    if (prop === "key") return t.key;
    if (prop === "value") return structuredCloneish(this.book.settings.get(t.key));
    throw officeError("InvalidArgument", "Setting.load", prop);
  }
  get key(): string {
    return this.get$("key") as string;
  }
  get value(): unknown {
    return this.get$("value");
  }
  set value(v: unknown) {
    this.do$(v, (t) => {
      this.book.settings.set(t.key, structuredCloneish(v));
    });
  }
  delete(): void {
    this.do$({}, (t) => {
      this.book.settings.delete(t.key);
    });
  }
}

class FakeSettingCollection extends Proxy<BookModel> {
  constructor(
    batch: Batch,
    private readonly book: BookModel,
  ) {
    super(batch, () => book, "SettingCollection");
  }
  protected read(): unknown {
    return undefined;
  }
  add(key: string, value: unknown): FakeSetting {
    this.do$({ key, value }, (book) => {
      if (typeof key !== "string" || key === "") throw officeError("InvalidArgument", "SettingCollection.add");
      book.settings.set(key, structuredCloneish(value));
    });
    return new FakeSetting(this.batch, () => ({ key }), this.book);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(
      this.batch,
      () => {
        if (!this.book.settings.has(key)) throw officeError("ItemNotFound", "SettingCollection.getItem", key);
        return { key };
      },
      this.book,
    ).queueResolve();
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.batch, () => (this.book.settings.has(key) ? { key } : null), this.book).queueResolve();
  }
}

class FakeWorkbookProtection extends Proxy<BookModel> {
  constructor(batch: Batch, book: BookModel) {
    super(batch, () => book, "WorkbookProtection");
  }
  protected read(b: BookModel, prop: string): unknown {
    if (prop === "protected") return b.structureProtected;
    throw officeError("InvalidArgument", "WorkbookProtection.load", prop);
  }
  get protected(): boolean {
    return this.get$("protected") as boolean;
  }
}

function requestContext(state: FakeExcelState, delayForCellEdit: boolean) {
  const batch = new Batch(state, delayForCellEdit);
  const book = state.book;
  const application = {
    suspendApiCalculationUntilNextSync() {
      batch.suspended = true;
      batch.gate(6, "Application.suspendApiCalculationUntilNextSync");
      batch.add({ name: "Application.suspendApiCalculationUntilNextSync", write: false, run: () => undefined });
    },
  };
  const settings = new FakeSettingCollection(batch, book);
  const protection = new FakeWorkbookProtection(batch, book);
  const workbook = {
    worksheets: new FakeWorksheetCollection(batch, book),
    get settings() {
      batch.gate(4, "Workbook.settings");
      return settings;
    },
    get protection() {
      batch.gate(7, "Workbook.protection");
      return protection;
    },
    application,
  };
  return {
    workbook,
    application,
    sync: () => batch.sync(),
    trackedObjects: { add() {}, remove() {} },
    batch,
  };
}

// ---------------------------------------------------------------- what a test sees

export interface FakeSheetView {
  name: string;
  protected: boolean;
  position: number;
  cell(address: string): FakeCell;
  /** Values from A1 to the last used cell ("" for empty), as range.values would give them. */
  values(): (FakeScalar | "")[][];
  merges(): string[];
  /** The last format set over a cell: "font.bold", "fill.color", "border.EdgeTop.style", … */
  style(address: string, key: string): unknown;
  /** Points. */
  columnWidth(col: string): number | undefined;
  columnHidden(col: string): boolean;
  rowHeight(row: number): number | undefined;
  freeze(): { rows: number; columns: number } | undefined;
  pageLayout(): Record<string, unknown>;
  printTitleRows(): string | undefined;
  footers(): Record<string, string>;
  charts(): FakeChart[];
  validations(): FakeValidation[];
  showGridlines(): boolean;
}

export interface FakeExcel {
  /** context.sync calls so far. */
  readonly syncs: number;
  readonly requests: readonly FakeRequest[];
  /** The options each Excel.run was given (undefined when none). */
  readonly runOptions: readonly unknown[];
  payloadLimit: number;
  sheetNames(): string[];
  sheet(name: string): FakeSheetView;
  hasSheet(name: string): boolean;
  settings(): Record<string, unknown>;
  activeSheet(): string | undefined;
  selection(): string | undefined;
  /** Marks a sheet protected (writes to its cells fail with AccessDenied) or not. */
  protect(name: string, on?: boolean): void;
  protectStructure(on?: boolean): void;
  /** Makes the n-th sync from now (1: the next) fail with this error code before it runs anything. */
  failSync(n: number, code: string, detail?: string): void;
  /** Sets cells directly, as a person typing would not: stored as given. */
  put(sheet: string, address: string, rows: FakeInput[][]): void;
  /**
   * The user starts (true) or stops (false) typing in a cell. While they type, a sync fails with
   * InvalidOperationInCellEditMode unless its Excel.run passed delayForCellEdit, which waits instead.
   */
  editCell(on: boolean): void;
  /** Syncs now waiting for the user to leave the cell. */
  readonly waitingForCellEdit: number;
  /** Every formula that shows #SPILL! because something sits in its way, as "Sheet!A2". */
  spillErrors(): string[];
}

function fillSheet(sheet: SheetModel, init: FakeSheetInit): void {
  init.rows?.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      sheet.ensure(r, c).v = v;
    }),
  );
  for (const [address, f] of Object.entries(init.formulas ?? {})) {
    const rect = parseRef(address);
    const cell = sheet.ensure(rect.r0, rect.c0);
    delete cell.v;
    cell.f = f.startsWith("=") ? f : `=${f}`;
  }
  for (const [address, error] of Object.entries(init.errors ?? {})) {
    const rect = parseRef(address);
    const cell = sheet.ensure(rect.r0, rect.c0);
    cell.v = error;
    cell.e = true;
  }
  for (const [address, nf] of Object.entries(init.numberFormats ?? {})) {
    const rect = parseRef(address);
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) sheet.ensure(r, c).nf = nf;
  }
  sheet.merges = (init.merges ?? []).map(parseRef);
  sheet.protected = Boolean(init.protected);
  sheet.visibility = init.visibility ?? "Visible";
}

function view(state: FakeExcelState, sheet: SheetModel): FakeSheetView {
  const cellAt = (address: string): FakeCell => {
    const { r0, c0 } = parseRef(address);
    const c = sheet.cell(r0, c0);
    const { value, error } = state.book.shown(sheet, r0, c0);
    return { value, ...(error ? { error } : {}), ...(c?.f !== undefined ? { formula: c.f } : {}), numberFormat: c?.nf ?? "General", quotePrefix: Boolean(c?.q) };
  };
  return {
    name: sheet.name,
    get protected() {
      return sheet.protected;
    },
    get position() {
      return state.book.sheets.indexOf(sheet);
    },
    cell: cellAt,
    values() {
      const used = sheet.used(true, state.book.spilled(sheet));
      if (!used) return [];
      const out: (FakeScalar | "")[][] = [];
      for (let r = 0; r <= used.r1; r++) {
        const row: (FakeScalar | "")[] = [];
        for (let c = 0; c <= used.c1; c++) row.push(cellAt(`${letters(c)}${r + 1}`).value);
        out.push(row);
      }
      return out;
    },
    merges: () => sheet.merges.map(refOf),
    style: (address, key) => {
      const { r0, c0 } = parseRef(address);
      return styleAt(sheet, r0, c0, key);
    },
    columnWidth: (col) => sheet.widths.get(colIndex(col)),
    columnHidden: (col) => sheet.hiddenColumns.has(colIndex(col)),
    rowHeight: (row) => sheet.heights.get(row - 1),
    freeze: () => sheet.freeze,
    pageLayout: () => structuredCloneish(sheet.layout),
    printTitleRows: () => sheet.printTitleRows,
    footers: () => ({ ...sheet.footers }),
    charts: () => sheet.charts.map(({ id: _id, ...c }) => structuredCloneish(c)),
    validations: () => sheet.validations.map((v) => ({ address: refOf(v.rect), rule: v.rule, prompt: v.prompt, errorAlert: v.errorAlert })),
    showGridlines: () => sheet.showGridlines,
  };
}

const HOST_TYPES = { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" };

/**
 * Installs Office and Excel on `target` (globalThis in Node tests, window in a browser) with an
 * in-memory workbook, and returns a handle for the test to look inside.
 */
export function installFakeOffice(target: object, init: FakeWorkbookInit): FakeExcel {
  const book = new BookModel(init);
  for (const s of init.sheets) {
    const sheet = new SheetModel(s.name);
    fillSheet(sheet, s);
    book.sheets.push(sheet);
  }
  book.active = book.sheets.find((s) => s.visibility === "Visible");
  book.structureProtected = Boolean(init.structureProtected);
  for (const [k, v] of Object.entries(init.settings ?? {})) book.settings.set(k, structuredCloneish(v));
  const minor = init.apiMinor ?? 20;
  const state: FakeExcelState = { book, syncCount: 0, requests: [], runOptions: [], failures: new Map(), payloadLimit: init.payloadLimit ?? 5 * 1024 * 1024, apiMinor: minor, cellEdit: false, cellEditWaiters: [] };
  const host = init.host === undefined ? "Excel" : init.host;

  const Excel = {
    async run(a: unknown, b?: unknown) {
      const batch = (typeof a === "function" ? a : b) as (ctx: unknown) => Promise<unknown>;
      if (typeof batch !== "function") throw officeError("InvalidArgument", "Excel.run", "Excel.run needs a batch function.");
      if (host !== "Excel") throw new FakeOfficeError("GeneralException", "Excel is not available: the add-in is not running in Excel.");
      const options = (typeof a === "function" ? undefined : a) as { delayForCellEdit?: unknown; mergeUndoGroup?: unknown } | undefined;
      state.runOptions.push(options === undefined ? undefined : structuredCloneish(options));
      // An option of a newer API set than the host's is refused whole (see the list at the top).
      if (options?.delayForCellEdit !== undefined && minor < 11) throw officeError("ApiNotFound", "Excel.run", "(delayForCellEdit is ExcelApi 1.11)");
      if (options?.mergeUndoGroup !== undefined && minor < 20) throw officeError("ApiNotFound", "Excel.run", "(mergeUndoGroup is ExcelApi 1.20)");
      const ctx = requestContext(state, options?.delayForCellEdit === true);
      const result = await batch(ctx);
      // Excel.run sends what is still queued when the batch function returns.
      if (ctx.batch.queue.length > 0) await ctx.sync();
      return result;
    },
    ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered", pie: "Pie", line: "Line" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
    PaperType: { a4: "A4", letter: "Letter" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  };
  const info = { host: host === null ? null : host, platform: host === null ? null : "OfficeOnline" };
  const Office = {
    HostType: HOST_TYPES,
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    context: {
      displayLanguage: init.displayLanguage ?? "zh-CN",
      host: info.host,
      platform: info.platform,
      requirements: {
        isSetSupported(name: string, version?: string | number) {
          if (host !== "Excel" || name !== "ExcelApi") return false;
          const v = String(version ?? "1.1");
          const m = /^1\.(\d+)$/.exec(v);
          return m ? Number(m[1]) <= minor : false;
        },
      },
    },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
  };
  Object.assign(target, { Office, Excel });

  return {
    get syncs() {
      return state.syncCount;
    },
    get requests() {
      return state.requests;
    },
    get runOptions() {
      return state.runOptions;
    },
    get payloadLimit() {
      return state.payloadLimit;
    },
    set payloadLimit(v: number) {
      state.payloadLimit = v;
    },
    sheetNames: () => book.sheets.map((s) => s.name),
    hasSheet: (name) => Boolean(book.find(name)),
    sheet(name) {
      const s = book.find(name);
      if (!s) throw new Error(`the fake workbook has no sheet "${name}" (it has ${book.sheets.map((x) => x.name).join(", ")})`);
      return view(state, s);
    },
    settings: () => Object.fromEntries([...book.settings.entries()].map(([k, v]) => [k, structuredCloneish(v)])),
    activeSheet: () => book.active?.name,
    selection: () => (book.selection ? `${book.selection.sheet.name}!${refOf(book.selection.rect)}` : undefined),
    protect(name, on = true) {
      const s = book.find(name);
      if (!s) throw new Error(`no sheet "${name}"`);
      s.protected = on;
    },
    protectStructure(on = true) {
      book.structureProtected = on;
    },
    failSync(n, code, detail) {
      state.failures.set(state.syncCount + n, { code, detail });
    },
    editCell(on) {
      state.cellEdit = on;
      if (!on) for (const go of state.cellEditWaiters.splice(0)) go();
    },
    get waitingForCellEdit() {
      return state.cellEditWaiters.length;
    },
    spillErrors: () =>
      book.sheets.flatMap((sheet) =>
        [...book.spills(sheet).anchors.entries()].filter(([, a]) => a.blocked).map(([k]) => `${sheet.name}!${letters(k % MAX_COLS)}${Math.floor(k / MAX_COLS) + 1}`),
      ),
    put(name, address, values) {
      book.version++;
      const s = book.find(name);
      if (!s) throw new Error(`no sheet "${name}"`);
      const { r0, c0 } = parseRef(address);
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = s.ensure(r0 + i, c0 + j);
          delete cell.f;
          if (v === null || v === "") delete cell.v;
          else cell.v = v;
        }),
      );
    },
  };
}

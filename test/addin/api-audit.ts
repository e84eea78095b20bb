// The Office.js members a set of source files uses, the API set each needs ([Api set: …] in @types/office-js), and the isSetSupported check that guards it.
import path from "node:path";
import ts from "typescript";

/** What every host of the add-in has: the manifest requires SharedRuntime 1.1, and hosts with it have these. */
export const BASELINE: Readonly<Record<string, string>> = {
  // EXCEL-FACTS: hosts with the shared runtime have at least ExcelApi 1.10.
  ExcelApi: "1.10",
  SharedRuntime: "1.1",
  // Microsoft's Custom Functions requirement sets: 1.2 from M365 Version 1909, Office 2021 Version 2108, Mac 16.34,
  // all before the shared runtime's minimums (2002, 2108, 16.35).
  CustomFunctionsRuntime: "1.2",
};

/**
 * Members whose declaration carries no [Api set] although Microsoft ships them in a later set than
 * their type's. RunOptions.delayForCellEdit came with ExcelApi 1.11 (the project's EXCEL-FACTS); a host
 * without it may refuse the whole batch, so it is audited like a tagged member.
 */
export const UNTAGGED: Readonly<Record<string, string>> = {
  "Excel.RunOptions.delayForCellEdit": "ExcelApi 1.11",
};

export interface Requirement {
  set: string;
  version: string;
}

export interface Use {
  /** The member as declared, e.g. Excel.Worksheet.copy. */
  member: string;
  requirement: Requirement;
  /** The [Api set] text, or where the requirement came from. */
  source: string;
  file: string;
  line: number;
  /** The isSetSupported checks (direct or through a wrapper) that hold where the member is used. */
  guards: Requirement[];
}

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

const OFFICE_TYPES = /[\\/]node_modules[\\/]@types[\\/](office-js|office-runtime|custom-functions-runtime)[\\/]/;

/** "1.10" → [1, 10], compared part by part (so 1.10 > 1.9). */
function versionParts(v: string): number[] {
  return v.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : Infinity));
}

export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The set and version a member first appears in: the first "Name 1.x" of its [Api set] text; Preview or BETA alone is beyond every version. */
export function parseApiSet(text: string): Requirement | undefined {
  const numbered = /([A-Za-z]+)\s+(\d+(?:\.\d+)*)/.exec(text);
  if (numbered) return { set: numbered[1], version: numbered[2] };
  const preview = /([A-Za-z]+)\s+(?:Preview|BETA)/i.exec(text);
  return preview ? { set: preview[1], version: "999" } : undefined;
}

/** Whether a host with the baseline lacks `r`. */
export function aboveBaseline(r: Requirement): boolean {
  const base = BASELINE[r.set];
  return base === undefined || compareVersions(r.version, base) > 0;
}

export function isGuarded(use: Use): boolean {
  return use.guards.some((g) => g.set === use.requirement.set && compareVersions(g.version, use.requirement.version) >= 0);
}

/** A program over `files` with the project's compiler options; `virtual` files exist only in memory. */
export function createAuditProgram(files: string[], virtual: Record<string, string> = {}, configPath = "tsconfig.json"): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.resolve(configPath), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const host = ts.createCompilerHost(parsed.options, true);
  const mem = new Map(Object.entries(virtual).map(([f, text]) => [path.resolve(f), text]));
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => mem.has(path.resolve(f)) || fileExists.call(host, f);
  host.readFile = (f) => mem.get(path.resolve(f)) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = mem.get(path.resolve(f));
    return text !== undefined ? ts.createSourceFile(f, text, lang, true) : getSourceFile.call(host, f, lang, onError, create);
  };
  return ts.createProgram([...files, ...mem.keys()].map((f) => path.resolve(f)), parsed.options, host);
}

/** Every use of an Office.js member that carries an API set, in the program's files under `roots`. */
export function auditUses(program: ts.Program, roots: string[]): Use[] {
  const checker = program.getTypeChecker();
  const absRoots = roots.map((r) => path.resolve(r) + path.sep);
  const uses: Use[] = [];
  const wrapperCache = new Map<ts.Node, ((args: readonly ts.Expression[]) => Requirement | undefined) | null>();

  const tagOf = (decl: ts.Node): string | undefined => {
    const text = decl.getSourceFile().getFullText();
    for (const c of ts.getLeadingCommentRanges(text, decl.pos) ?? []) {
      const m = /\[Api set: ([^\]]+)\]/.exec(text.slice(c.pos, c.end));
      if (m) return m[1];
    }
    return undefined;
  };

  const qualifiedName = (decl: ts.Declaration, name: string): string => {
    const parts = [name];
    for (let n: ts.Node | undefined = decl.parent; n; n = n.parent) {
      if ((ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isEnumDeclaration(n) || ts.isModuleDeclaration(n)) && n.name) parts.unshift(n.name.text);
    }
    return parts.join(".");
  };

  /** The requirement of a member symbol declared in the Office types, with where it came from. */
  const requirementOf = (symbol: ts.Symbol): { member: string; requirement: Requirement; source: string } | undefined => {
    const s = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const decls = (s.declarations ?? []).filter((d) => OFFICE_TYPES.test(d.getSourceFile().fileName));
    if (decls.length === 0) return undefined;
    let best: { member: string; requirement: Requirement; source: string } | undefined;
    for (const d of decls) {
      const member = qualifiedName(d, s.name);
      const own = tagOf(d);
      const untagged = UNTAGGED[member];
      const container = d.parent && (ts.isClassDeclaration(d.parent) || ts.isInterfaceDeclaration(d.parent) || ts.isEnumDeclaration(d.parent)) ? tagOf(d.parent) : undefined;
      const text = own ?? untagged ?? container;
      const requirement = text ? parseApiSet(text) : undefined;
      if (!requirement) continue;
      // Overloads: the earliest set in which the member exists at all.
      if (!best || (best.requirement.set === requirement.set && compareVersions(requirement.version, best.requirement.version) < 0))
        best = { member, requirement, source: own ? `[Api set: ${own}]` : untagged ? `${untagged} (not tagged in the types)` : `[Api set: ${container}] of its type` };
    }
    return best;
  };

  const stringOf = (e: ts.Expression | undefined): string | undefined => (e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined);

  const functionOf = (callee: ts.Expression): FunctionLike | undefined => {
    const sym0 = checker.getSymbolAtLocation(callee);
    const sym = sym0 && sym0.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym0) : sym0;
    for (const d of sym?.declarations ?? []) {
      if (ts.isFunctionDeclaration(d) && d.body) return d;
      if (ts.isVariableDeclaration(d) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return d.initializer;
    }
    return undefined;
  };

  /**
   * The requirement a call checks: `….isSetSupported("Set", "1.x")`, or a call to a project function
   * that does it for them: one passing a parameter as the version (`supports("1.13")`), or one
   * returning such a call (`oneUndoStepSupported()`).
   */
  const guardOfCall = (call: ts.CallExpression, depth = 0): Requirement | undefined => {
    const callee = call.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (name === "isSetSupported") {
      const set = stringOf(call.arguments[0]);
      const version = stringOf(call.arguments[1]);
      return set && version ? { set, version } : undefined;
    }
    if (depth > 3) return undefined;
    const fn = functionOf(callee);
    if (!fn) return undefined;
    if (!wrapperCache.has(fn)) wrapperCache.set(fn, wrapperOf(fn, depth));
    return wrapperCache.get(fn)?.(call.arguments) ?? undefined;
  };

  const wrapperOf = (fn: FunctionLike, depth: number): ((args: readonly ts.Expression[]) => Requirement | undefined) | null => {
    const params = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ""));
    let found: ((args: readonly ts.Expression[]) => Requirement | undefined) | null = null;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        const isCheck = (ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "") === "isSetSupported";
        const set = isCheck ? stringOf(n.arguments[0]) : undefined;
        const versionArg = n.arguments[1];
        if (set && versionArg && ts.isIdentifier(versionArg) && params.includes(versionArg.text)) {
          const i = params.indexOf(versionArg.text);
          found = (args) => {
            const version = stringOf(args[i]);
            return version ? { set, version } : undefined;
          };
          return;
        }
        const fixed = guardOfCall(n, depth + 1);
        if (fixed && isReturned(n, fn)) {
          found = () => fixed;
          return;
        }
      }
      ts.forEachChild(n, visit);
    };
    if (fn.body) visit(fn.body);
    return found;
  };

  /** Whether `call` is what `fn` returns (an arrow's expression body or a return statement's expression). */
  const isReturned = (call: ts.Node, fn: FunctionLike): boolean => {
    let n: ts.Node = call;
    while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
    return (n.parent === fn && ts.isArrowFunction(fn)) || (ts.isReturnStatement(n.parent) && n.parent.expression === n);
  };

  /** The requirements known to hold where `e` evaluates to `truthy`. */
  const holds = (e: ts.Expression, truthy: boolean, depth = 0): Requirement[] => {
    if (depth > 8) return [];
    if (ts.isParenthesizedExpression(e)) return holds(e.expression, truthy, depth + 1);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return holds(e.operand, !truthy, depth + 1);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken && truthy) return [...holds(e.left, true, depth + 1), ...holds(e.right, true, depth + 1)];
      if (op === ts.SyntaxKind.BarBarToken && !truthy) return [...holds(e.left, false, depth + 1), ...holds(e.right, false, depth + 1)];
      return [];
    }
    if (ts.isCallExpression(e)) {
      const g = guardOfCall(e);
      return g && truthy ? [g] : [];
    }
    if (ts.isIdentifier(e)) {
      // A const holding a check: `const withMerges = supports("1.13")`.
      const sym = checker.getSymbolAtLocation(e);
      const d = sym?.valueDeclaration;
      if (d && ts.isVariableDeclaration(d) && d.initializer && ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) return holds(d.initializer, truthy, depth + 1);
    }
    return [];
  };

  const exits = (s: ts.Statement): boolean =>
    ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s) || (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]));

  /** The checks that hold at `node`: enclosing if/else, ?:, && and ||, and earlier `if (!check) return/throw` in the same block. */
  const guardsAt = (node: ts.Node): Requirement[] => {
    const out: Requirement[] = [];
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent)) {
        if (child === parent.thenStatement) out.push(...holds(parent.expression, true));
        else if (child === parent.elseStatement) out.push(...holds(parent.expression, false));
      } else if (ts.isConditionalExpression(parent)) {
        if (child === parent.whenTrue) out.push(...holds(parent.condition, true));
        else if (child === parent.whenFalse) out.push(...holds(parent.condition, false));
      } else if (ts.isBinaryExpression(parent) && child === parent.right) {
        if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) out.push(...holds(parent.left, true));
        else if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) out.push(...holds(parent.left, false));
      } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
        for (const s of parent.statements) {
          if (s === child) break;
          if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) out.push(...holds(s.expression, false));
        }
      }
    }
    return out;
  };

  const record = (symbol: ts.Symbol | undefined, at: ts.Node) => {
    if (!symbol) return;
    const req = requirementOf(symbol);
    if (!req) return;
    const sf = at.getSourceFile();
    uses.push({ ...req, file: path.relative(process.cwd(), sf.fileName), line: sf.getLineAndCharacterOfPosition(at.getStart()).line + 1, guards: guardsAt(at) });
  };

  const propertyOf = (type: ts.Type | undefined, name: string): ts.Symbol | undefined => {
    if (!type) return undefined;
    for (const t of type.isUnion() ? type.types : [type]) {
      const p = checker.getPropertyOfType(checker.getApparentType(t), name);
      if (p) return p;
    }
    return undefined;
  };

  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n)) record(checker.getSymbolAtLocation(n.name), n.name);
    else if (ts.isElementAccessExpression(n) && stringOf(n.argumentExpression) !== undefined)
      record(propertyOf(checker.getTypeAtLocation(n.expression), stringOf(n.argumentExpression)!), n.argumentExpression);
    else if (ts.isObjectBindingPattern(n)) {
      // const { hasSpill } = range: each name read out of an Office object is a use of that member.
      const source = checker.getTypeAtLocation(n);
      for (const el of n.elements) {
        const key = el.propertyName ?? el.name;
        if (ts.isIdentifier(key) || ts.isStringLiteral(key)) record(propertyOf(source, key.text), key);
      }
    } else if (ts.isObjectLiteralExpression(n)) {
      // Options objects: Excel.run({ delayForCellEdit: true }), range.set({ … }), load({ … }).
      const contextual = checker.getContextualType(n);
      for (const p of n.properties) {
        if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
          record(propertyOf(contextual, p.name.text), p.name);
      }
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "load") {
      // load("a, b/c") names properties in a string: each first segment is a member of the loaded object.
      const receiver = checker.getTypeAtLocation(n.expression.expression);
      for (const arg of n.arguments) {
        const texts = ts.isArrayLiteralExpression(arg) ? arg.elements.map((e) => stringOf(e)) : [stringOf(arg)];
        for (const t of texts) for (const name of (t ?? "").split(",").map((s) => s.trim().split("/")[0]).filter(Boolean)) record(propertyOf(receiver, name), arg);
      }
    }
    ts.forEachChild(n, visit);
  };

  for (const sf of program.getSourceFiles()) {
    const file = path.resolve(sf.fileName);
    if (absRoots.some((r) => file.startsWith(r))) visit(sf);
  }
  return uses;
}

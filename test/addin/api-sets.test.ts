// Every Office.js member the add-in uses either exists on every host the manifest admits (ExcelApi 1.10) or sits behind an isSetSupported check.
import { readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { aboveBaseline, auditUses, createAuditProgram, isGuarded, parseApiSet, type Use } from "./api-audit";

const roots = ["src/excel", "src/taskpane", "src/functions"];
const sourcesUnder = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts")).map((f) => path.join(dir, f));

// Exists only in the compiler's memory: each line says whether the audit must accept it.
const syntheticFile = "test/addin/__synthetic__/uses.ts";
const synthetic = `
function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}
const oneUndoStep = () => supports("1.20");

export async function bad(r: Excel.Range, options: Excel.RunOptions) {
  r.getMergedAreasOrNullObject(); // BAD 1.13, no check
  await Excel.run({ mergeUndoGroup: true }, async () => undefined); // BAD 1.20, no check
  if (supports("1.11")) r.getMergedAreasOrNullObject(); // BAD 1.13 under a 1.11 check
  if (!supports("1.13")) r.getMergedAreasOrNullObject(); // BAD 1.13 where the check failed
  if (supports("1.13") || r.isNullObject) options.delayForCellEdit = true; // BAD 1.11: either may hold
  r.load("values, hasSpill"); // BAD 1.12 named in a load string
  if (Office.context.requirements.isSetSupported("ExcelApiOnline", "1.1")) r.getMergedAreasOrNullObject(); // BAD another set
  const { hasSpill } = r; // BAD 1.12 read by destructuring
  return [hasSpill, r["hasSpill"]]; // BAD 1.12 read by its name in brackets
}

export async function good(r: Excel.Range, options: Excel.RunOptions) {
  r.values = [[1]]; // ExcelApi 1.1
  if (supports("1.13")) r.getMergedAreasOrNullObject();
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.20")) options.mergeUndoGroup = true;
  if (oneUndoStep()) await Excel.run({ mergeUndoGroup: true }, async () => undefined);
  if (r.isNullObject && supports("1.12")) r.load("hasSpill");
  if (supports("1.12")) {
    const { hasSpill } = r;
    r.values = [[hasSpill ? 1 : 0]];
  }
  const withMerges = supports("1.13");
  const merged = withMerges ? r.getMergedAreasOrNullObject() : undefined;
  if (!supports("1.11")) {
    r.values = [[0]];
  } else options.delayForCellEdit = true;
  return merged;
}

export function early(r: Excel.Range) {
  if (!supports("1.13")) return undefined;
  return r.getMergedAreasOrNullObject();
}
`;

let uses: Use[] = [];
let syntheticProblems: string[] = [];
const inFile = (file: string) => uses.filter((u) => u.file === path.normalize(file));
const violations = (list: Use[]) => list.filter((u) => aboveBaseline(u.requirement) && !isGuarded(u));
const where = (u: Use) => `${u.file}:${u.line} ${u.member} needs ${u.requirement.set} ${u.requirement.version} (${u.source})`;

describe("the Office.js API sets the add-in uses", () => {
  beforeAll(() => {
    // One program for the add-in and the synthetic file: loading the Office types is the slow part.
    const program = createAuditProgram(roots.flatMap(sourcesUnder), { [syntheticFile]: synthetic });
    uses = auditUses(program, [...roots, path.dirname(syntheticFile)]);
    // Its members must resolve as in the add-in: a type error would leave a use unseen.
    const sf = program.getSourceFile(path.resolve(syntheticFile))!;
    syntheticProblems = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  }, 120_000);

  it("reads the [Api set] of each member from the type declarations", () => {
    expect(parseApiSet("ExcelApi 1.13")).toEqual({ set: "ExcelApi", version: "1.13" });
    expect(parseApiSet("ExcelApi 1.1 for get, 1.8 for set")).toEqual({ set: "ExcelApi", version: "1.1" });
    expect(parseApiSet("ExcelApi BETA (PREVIEW ONLY)")).toEqual({ set: "ExcelApi", version: "999" });
    // The declarations say so (and Microsoft's reference pages): Range.values 1.1, Worksheet.copy 1.7, Range.hasSpill 1.12.
    const found = (member: string) => uses.find((u) => u.member === member)?.requirement;
    expect(found("Excel.Range.values")).toEqual({ set: "ExcelApi", version: "1.1" });
    expect(found("Excel.Worksheet.copy")).toEqual({ set: "ExcelApi", version: "1.7" });
    expect(found("Excel.Range.hasSpill")).toEqual({ set: "ExcelApi", version: "1.12" });
    expect(found("Excel.RunOptions.mergeUndoGroup")).toEqual({ set: "ExcelApi", version: "1.20" });
    expect(found("Excel.RunOptions.delayForCellEdit")).toEqual({ set: "ExcelApi", version: "1.11" });
  });

  it("flags every member above ExcelApi 1.10 that no isSetSupported check covers, and only those (a synthetic file)", () => {
    expect(syntheticProblems).toEqual([]);
    const lines = synthetic.split("\n");
    const expectedBad = lines.flatMap((l, i) => (l.includes("// BAD") ? [i + 1] : []));
    const flagged = [...new Set(violations(inFile(syntheticFile)).map((u) => u.line))].sort((a, b) => a - b);
    expect(flagged, violations(inFile(syntheticFile)).map(where).join("\n")).toEqual(expectedBad);
    const members = violations(inFile(syntheticFile)).map((u) => u.member);
    expect(members).toEqual(
      expect.arrayContaining(["Excel.Range.getMergedAreasOrNullObject", "Excel.RunOptions.mergeUndoGroup", "Excel.RunOptions.delayForCellEdit", "Excel.Range.hasSpill"]),
    );
    // The accepted half really uses members above the baseline, so accepting them is the guard's doing.
    const goodStart = lines.findIndex((l) => l.startsWith("export async function good")) + 1;
    const accepted = inFile(syntheticFile).filter((u) => u.line > goodStart && aboveBaseline(u.requirement));
    expect(accepted.length, "eight guarded uses above the baseline in good() and early()").toBe(8);
    expect(accepted.every(isGuarded)).toBe(true);
  });

  it("finds no member above ExcelApi 1.10 outside an isSetSupported check in src/excel, src/taskpane and src/functions", () => {
    const ours = uses.filter((u) => !u.file.startsWith(path.dirname(syntheticFile)));
    expect(ours.length, "the audit found no Office.js members at all").toBeGreaterThan(100);
    expect(ours.map((u) => u.member)).toEqual(expect.arrayContaining(["Excel.Range.values", "Excel.Worksheet.copy"]));
    expect(violations(ours).map(where)).toEqual([]);
  });
});

// What the start screen says the workbook holds: the assessment table, on which sheet, and which required columns it lacks.
import { type Scheme, type SchemeKind } from "../../core/scheme";
import { defaultScheme } from "../../kinds/registry";
import { resolveColumnMapping } from "../../workbook/column-mapping";
import { fieldsFor, standardSheetNames } from "../../kinds/registry";
import { detectKind } from "../../workbook/pipeline";
import type { WorkbookData } from "../../workbook/sheet";
import { findTableIn } from "../../workbook/table";

export interface Recognised {
  kind: SchemeKind;
  sheet: string;
  /** Headers of the required columns not found. */
  missing: string[];
  /** The kind came from the scheme (stored or being edited), not from the headers. */
  fromScheme: boolean;
}

/**
 * The table of the scheme's kind when there is a scheme (its column mapping included); otherwise the
 * kind whose table the headers match best. Undefined when nothing is recognisable.
 */
export function recognise(workbook: WorkbookData, scheme?: Scheme): Recognised | undefined {
  const kind = scheme?.kind ?? detectKind(workbook);
  if (!kind) return undefined;
  const s = scheme ?? defaultScheme(kind);
  // A mapping keyed by a column's Chinese name reads as the check reads it; its unknown keys are the check's to report.
  const table = findTableIn(workbook.sheets, fieldsFor(s), standardSheetNames[kind], resolveColumnMapping(s).columns);
  if (!table) return scheme ? { kind, sheet: standardSheetNames[kind], missing: fieldsFor(s).filter((f) => f.required).map((f) => f.header), fromScheme: true } : undefined;
  return { kind, sheet: table.sheet, missing: table.missing.map((f) => f.header), fromScheme: scheme !== undefined };
}

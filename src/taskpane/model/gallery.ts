// The template gallery's entries, taken from the template definitions themselves so a card never disagrees with what is inserted.
import { type SchemeKind } from "../../core/scheme";
import { kindNames, schemeKinds } from "../../kinds/registry";
import { standardSheetNames } from "../../kinds/registry";
import { NOTES_SHEET_NAME } from "../../workbook/templates";
import { templateSpec } from "../../workbook/template-spec";

export interface TemplateEntry {
  kind: SchemeKind;
  /** The template's Chinese title, as on its sheet. */
  title: string;
  /** The sheets inserting it adds: the data sheet, then 填表说明. */
  sheets: string[];
  /** Columns of the data sheet, inputs and results; undefined when the definition could not be built. */
  columns?: number;
}

/**
 * One entry per kind. A definition that fails to build still gets its card, named by its kind, so the
 * gallery stays usable; inserting that template then reports the failure itself.
 */
export function templateEntries(): TemplateEntry[] {
  return schemeKinds.map((kind) => {
    try {
      const spec = templateSpec(kind);
      return { kind, title: spec.title, sheets: spec.sheets.map((sh) => sh.name), columns: spec.sheets[0].columns.length };
    } catch {
      return { kind, title: kindNames[kind].zh, sheets: [standardSheetNames[kind], NOTES_SHEET_NAME] };
    }
  });
}

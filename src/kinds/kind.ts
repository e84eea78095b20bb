// What an assessment kind declares: one module per kind, listed in the registry; nothing outside src/kinds names a kind.
import type { Scheme, SchemeKind } from "../core/scheme";
import type { KindRules } from "../workbook/assess/common";
import type { FieldDef } from "../workbook/fields";
import type { KindLink } from "../workbook/links";
import type { KindNotes, KindSheet } from "../workbook/templates";
import type { Announced } from "../workbook/workflow";

/** The task pane's scheme sections (src/taskpane renders them; a kind lists the ones its computation reads). */
export type SchemeSectionId = (typeof schemeSections)[number];

/** Every section of the scheme editor, in the order shown. */
export const schemeSections = ["basic", "items", "deductions", "composite", "grade", "stars", "pay", "raters", "ballot", "ledger", "targets", "workflow", "columns"] as const;

/** A common scheme a county starts from: it changes a few settings of the scheme being edited. */
export interface Preset {
  id: string;
  apply(scheme: Scheme): Scheme;
}

/** A table the kind reads besides its own (the ledger's 组织名单), looked for in its own sheet. */
export interface SecondTable {
  sheet: string;
  fields: readonly FieldDef[];
  /** Its columns under a scheme, where they follow the scheme (the secretary's 半年考核: the scheme's items); `fields` otherwise. */
  fieldsOf?: (scheme: Scheme) => readonly FieldDef[];
  /** Merged with the main table when a county's returns are merged (kaohe merge). */
  merged?: boolean;
  /** Found only on the sheet of its name: its columns are the main table's own (the member's period sheets), so any other sheet would fit. */
  namedOnly?: boolean;
  /** Found with the scheme's column mapping, as the main table is: its columns may be named there too. */
  mapped?: boolean;
  /** Also looked for in the linked workbooks (kaohe run --with, the pane's 取数来源), as the kind's rules do. */
  linked?: boolean;
}

export interface Kind {
  /** ASCII: the scheme's kind, in JSON, file names and the command line. */
  id: SchemeKind;
  names: { zh: string; en: string };
  /** Other words the command line takes for the kind (Chinese and English). */
  words: readonly string[];
  /** The sheet its table is looked for in first (any sheet is searched when it is not there). */
  sheetName: string;
  /** The standard template's title (after the year) and file name (without .xlsx). */
  template: { title: string; file: string };
  /** The kind's own defaults, set on the settings every scheme starts from. */
  defaults(base: Scheme): void;
  /** Paid by grade: the scheme's check wants a pay coefficient for every grade. */
  paidByGrade?: boolean;
  /** Its table's columns under a scheme. */
  fields(scheme: Scheme): FieldDef[];
  /** Columns another kind's results fill, where that kind's table is in this workbook or a linked one. */
  links?: readonly KindLink[];
  /** Other kinds whose results its own rules read through AssessInput.source (the ledger reads the five-good verdicts). */
  reads?: readonly SchemeKind[];
  /** Tables read besides its own, by sheet. */
  secondTables?: readonly SecondTable[];
  /** Check and assess: rows to core inputs, core results to cells. */
  rules: KindRules;
  /** The standard template's data sheet: its columns, the band above the header, the result columns' formulas. */
  sheet(scheme: Scheme, fields: FieldDef[]): KindSheet;
  /** Its 填表说明: what a blank means in each column, the scheme's points, and sections of its own. */
  notes: KindNotes;
  /** The pane's scheme sections its computation reads. */
  sections: readonly SchemeSectionId[];
  presets?: readonly Preset[];
  /** What its 公示 shows (the last column is the result an objection may change) and whether stars lead to the 表彰名单 and 帮扶名单; none: no notice. */
  announced?: Announced;
}

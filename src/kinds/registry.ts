// The assessment kinds, listed once: adding a kind is a folder beside these and one line here.
import { baseScheme, schemeFromJson as schemeFromJsonOf, validateScheme as validateSchemeOf, type KnownKinds, type Scheme, type SchemeKind, type SchemeProblem } from "../core/scheme";
import type { FieldDef } from "../workbook/fields";
import { appraisal } from "./appraisal";
import { cadre } from "./cadre";
import { fiveGood } from "./five-good";
import type { Kind, Preset } from "./kind";
import { ledger } from "./ledger";
import { member } from "./member";
import { secretary } from "./secretary";

/** Every kind, in the order the templates, the pane and the command line list them. */
export const kinds: readonly Kind[] = [secretary, cadre, member, appraisal, fiveGood, ledger];

/** The kinds' ids, in order. */
export const schemeKinds: readonly SchemeKind[] = kinds.map((k) => k.id);

const byId = new Map(kinds.map((k) => [k.id, k]));

/** Whether a text is the id of a kind (an own entry: never an inherited name such as constructor). */
export const isKind = (id: unknown): id is SchemeKind => typeof id === "string" && byId.has(id);

/** The kind with this id; an unknown id is a bug of the caller (ids from users go through isKind or kindFromWord). */
export function kindById(id: SchemeKind): Kind {
  const k = byId.get(id);
  if (!k) throw new Error(`unknown assessment kind "${id}"`);
  return k;
}

/** The kinds whose results a kind takes: its links' sources and the tables its rules read. */
export const sourceKinds = (kind: SchemeKind): SchemeKind[] => {
  const k = kindById(kind);
  return [...new Set([...(k.links ?? []).map((l) => l.from), ...(k.reads ?? [])])];
};

/** The kinds' names in Chinese and English, by id. */
export const kindNames: Readonly<Record<SchemeKind, { zh: string; en: string }>> = Object.fromEntries(kinds.map((k) => [k.id, k.names]));

/** The kind a word names: its id (any case) or one of its words, as people type them on the command line. */
export function kindFromWord(word: string): SchemeKind | undefined {
  const w = word.trim();
  const lower = w.toLowerCase();
  return kinds.find((k) => k.id.toLowerCase() === lower || k.words.some((x) => x.toLowerCase() === lower))?.id;
}

/** The standard scheme of a kind: every value a default from docs/rules.md, each with its source; without a year its title has the blank. */
export function defaultScheme(kind: SchemeKind, year?: number): Scheme {
  const k = kindById(kind);
  const s = baseScheme(kind, k.names.zh, year);
  k.defaults(s);
  return s;
}

const known: KnownKinds = { ids: schemeKinds, defaults: (kind) => defaultScheme(kind), paidByGrade: (kind) => kindById(kind).paidByGrade === true };

/** Checks a scheme read from JSON or from the workbook against the kinds, listing every problem. */
export const validateScheme = (raw: unknown): { scheme?: Scheme; problems: SchemeProblem[] } => validateSchemeOf(raw, known);

/** A scheme from JSON text: parse errors and rule problems are listed alike. */
export const schemeFromJson = (text: string): { scheme?: Scheme; problems: SchemeProblem[] } => schemeFromJsonOf(text, known);

/** The columns of the scheme's kind's table under this scheme. */
export const fieldsFor = (scheme: Scheme): FieldDef[] => kindById(scheme.kind).fields(scheme);

/** The sheet each kind's table is looked for in first. */
export const standardSheetNames: Readonly<Record<SchemeKind, string>> = Object.fromEntries(kinds.map((k) => [k.id, k.sheetName]));

/** Every second table any kind reads (their sheets are never a kind's main table). */
export const secondTables = kinds.flatMap((k) => k.secondTables ?? []);

/** Every kind's presets with the kind each starts from when nothing is being edited. */
export const presets: readonly (Preset & { kind: SchemeKind })[] = kinds.flatMap((k) => (k.presets ?? []).map((p) => ({ ...p, kind: k.id })));

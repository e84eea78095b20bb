// The scheme's column mapping in people's words: a column named by its Chinese header, another spelling of it, or its English id, to the workbook's own header.
import type { Scheme, SchemeProblem } from "../core/scheme";
import { type FieldDef } from "./fields";
import { fieldsFor, kindById } from "../kinds/registry";
import { headerKey } from "./table";

/**
 * The columns a kind's mapping may name: its table's, and those of a second table found with the same
 * mapping (the ledger's list of organisations). A field of the second table with an id the first has
 * is the same column in the user's eyes (组织 / 组织名称), so it is listed once.
 */
export function mappableFields(scheme: Scheme): FieldDef[] {
  const main = fieldsFor(scheme);
  const second = (kindById(scheme.kind).secondTables ?? []).filter((t) => t.mapped).flatMap((t) => t.fields);
  return [...main, ...second.filter((f) => !main.some((m) => m.id === f.id))];
}

/** "乡镇（township）、姓名（name）…": the keys a mapping of this kind accepts. */
export function mappingKeyList(scheme: Scheme): string {
  return mappableFields(scheme)
    .map((f) => `${f.header}（${f.id}）`)
    .join("、");
}

/**
 * The field a key names: by its English id (any letter case), else by its standard header, else by
 * another spelling; a key two fields answer to at the same step is ambiguous and names both.
 */
function fieldOf(key: string, fields: readonly FieldDef[]): { field?: FieldDef; ambiguous?: FieldDef[] } {
  const k = headerKey(key);
  const steps: ((f: FieldDef) => boolean)[] = [
    (f) => f.id.toLowerCase() === k,
    (f) => headerKey(f.header) === k,
    (f) => (f.aliases ?? []).some((a) => headerKey(a) === k),
  ];
  for (const step of steps) {
    const found = fields.filter(step);
    const ids = new Set(found.map((f) => f.id));
    if (ids.size === 1) return { field: found[0] };
    if (ids.size > 1) return { ambiguous: found };
  }
  return {};
}

/**
 * The mapping keyed by field id, as the table search reads it, and a problem for every key that names
 * no column of this kind (listing those it could name), names a column two ways, or is ambiguous.
 * Built on a prototype-less object: the keys come from a file the user edits.
 */
export function resolveColumnMapping(scheme: Scheme): { columns: Record<string, string>; problems: SchemeProblem[] } {
  const fields = mappableFields(scheme);
  const columns: Record<string, string> = Object.create(null) as Record<string, string>;
  const byKey = new Map<string, string>();
  const problems: SchemeProblem[] = [];
  for (const [key, header] of Object.entries(scheme.columns)) {
    const path = `columns.${key}`;
    const { field, ambiguous } = fieldOf(key, fields);
    if (ambiguous) {
      problems.push({
        path,
        zh: `“${key}”可以指${ambiguous.map((f) => `“${f.header}”（${f.id}）`).join("或")}，请改用英文键 ${ambiguous.map((f) => f.id).join(" 或 ")}`,
        en: `"${key}" could name ${ambiguous.map((f) => `${f.header} (${f.id})`).join(" or ")}; use the English key ${ambiguous.map((f) => f.id).join(" or ")}`,
      });
      continue;
    }
    if (!field) {
      problems.push({
        path,
        zh: `“${key}”不是这类考核表的列。可用的列（中文名或括号中的英文键）：${mappingKeyList(scheme)}`,
        en: `"${key}" is not a column of this kind of table. Columns (Chinese name or the English key in brackets): ${mappingKeyList(scheme)}`,
      });
      continue;
    }
    const earlier = byKey.get(field.id);
    if (earlier !== undefined) {
      problems.push({
        path,
        zh: `“${key}”与“${earlier}”指同一列“${field.header}”，只能写一次`,
        en: `"${key}" and "${earlier}" name the same column ${field.header}; give it once`,
      });
      continue;
    }
    byKey.set(field.id, key);
    if (typeof header === "string" && header.trim() !== "") columns[field.id] = header.trim();
  }
  return { columns: { ...columns }, problems };
}

// An editable list of rows for the scheme (items and maxima, raters and weights, categories): a text box per value, add and remove buttons, problems under their row.
import { Button, Caption1, Label, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Locale } from "../../core/messages";
import type { SchemeProblem } from "../../core/scheme";
import { formatValue, parseNumber, parseOptionalNumber, parseRatio, parseTextList, pathText, problemsAt, type Path } from "../model/draft";
import type { Strings } from "../strings";
import { DraftInput } from "./DraftInput";
import { FitSelect } from "./FitSelect";
import { SettingHint, problemUnder } from "./SettingField";

export type CellKind = "text" | "number" | "optionalNumber" | "ratio" | "textList" | "choice";

export interface RowColumn {
  key: string;
  label: string;
  kind: CellKind;
  /** Share of the row's width. */
  grow?: number;
  /** The values and their names, for a choice. */
  options?: readonly (readonly [string, string])[];
}

const parsers: Record<CellKind, (t: string) => unknown> = {
  choice: (t) => t,
  text: (t) => t,
  number: parseNumber,
  optionalNumber: parseOptionalNumber,
  ratio: parseRatio,
  textList: parseTextList,
};

/** Pixels a value needs before a wrapped row puts it on the next line. */
const basis: Record<CellKind, number> = { text: 120, textList: 120, choice: 96, number: 64, optionalNumber: 64, ratio: 64 };

const useStyles = makeStyles({
  root: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS },
  head: { display: "flex", gap: tokens.spacingHorizontalXS, paddingRight: "36px", color: tokens.colorNeutralForeground3 },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  stacked: { paddingBottom: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  wrap: { flexWrap: "wrap", alignItems: "flex-end" },
  rowHead: { display: "flex", justifyContent: "space-between", alignItems: "center" },
  cell: { minWidth: 0, display: "flex", flexDirection: "column" },
  input: { minWidth: 0, width: "100%" },
  remove: { minWidth: "32px", flexShrink: 0 },
  error: { color: tokens.colorPaletteRedForeground1, display: "block" },
  hint: { color: tokens.colorNeutralForeground3 },
  footer: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface RowsEditorProps {
  label: string;
  /** Where the list sits in the scheme, for the problems: ["grade", "cutoffs"]. */
  path: Path;
  rows: readonly Record<string, unknown>[];
  columns: readonly RowColumn[];
  newRow: () => Record<string, unknown>;
  onChange: (rows: Record<string, unknown>[]) => void;
  problems: readonly SchemeProblem[];
  locale: Locale;
  s: Strings;
  defaultText?: string;
  source?: string;
  /** A line under the list, such as the total of the maxima. */
  note?: string;
  /** Each value with its own label, the row wrapping: for rows of four values or more in a narrow pane. */
  stacked?: boolean;
}

export function RowsEditor({ label, path, rows, columns, newRow, onChange, problems, locale, s, defaultText, source, note, stacked }: RowsEditorProps) {
  const styles = useStyles();
  const id = useId();
  const listPath = pathText(path);
  const own = problems.filter((p) => p.path === listPath);
  const remove = (i: number) => (
    <Button className={styles.remove} size="small" appearance="subtle" aria-label={s.removeRow(i + 1)} title={s.removeRow(i + 1)} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
      ✕
    </Button>
  );
  const set = (i: number, key: string, v: unknown) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  return (
    <fieldset className={styles.root} aria-describedby={`${id}-hint`}>
      <legend className={styles.legend}>
        <Label weight="semibold">{label}</Label>
      </legend>
      {!stacked && rows.length > 0 && (
        <div className={styles.head} aria-hidden="true">
          {columns.map((c) => (
            <Caption1 key={c.key} style={{ flex: `${c.grow ?? 1} 1 0` }}>
              {c.label}
            </Caption1>
          ))}
        </div>
      )}
      {rows.map((row, i) => {
        const rowProblems = problemsAt(problems, `${listPath}[${i}]`);
        return (
          <div key={i} role="group" aria-label={s.rowLabel(i + 1)} className={mergeClasses(stacked && styles.stacked)}>
            {stacked && (
              // A row of many values wraps: its number and its remove button get a line of their own above it.
              <div className={styles.rowHead}>
                <Caption1 className={styles.hint}>{s.rowLabel(i + 1)}</Caption1>
                {remove(i)}
              </div>
            )}
            <div className={mergeClasses(styles.row, stacked && styles.wrap)}>
              {columns.map((c) => {
                const cellProblems = problemsAt(rowProblems, `${listPath}[${i}].${c.key}`);
                const name = `${c.label}（${s.rowLabel(i + 1)}）`;
                const invalid = cellProblems.length > 0 || undefined;
                const input =
                  c.kind === "choice" ? (
                    <FitSelect size="small" value={String(row[c.key] ?? "")} onChange={(_, d) => set(i, c.key, d.value)} aria-label={name} aria-invalid={invalid}>
                      {(c.options ?? []).map(([value, text]) => (
                        <option key={value} value={value}>
                          {text}
                        </option>
                      ))}
                    </FitSelect>
                  ) : (
                    <DraftInput className={styles.input} size="small" value={row[c.key]} format={formatValue} parse={parsers[c.kind]} onValue={(v) => set(i, c.key, v)} aria-label={name} aria-invalid={invalid} />
                  );
                return (
                  <div key={c.key} className={styles.cell} style={{ flex: stacked ? `${c.grow ?? 1} 1 ${basis[c.kind]}px` : `${c.grow ?? 1} 1 0` }}>
                    {stacked && (
                      <Caption1 as="span" aria-hidden="true">
                        {c.label}
                      </Caption1>
                    )}
                    {input}
                  </div>
                );
              })}
              {!stacked && remove(i)}
            </div>
            {rowProblems.map((p, k) => (
              <Caption1 key={k} className={styles.error}>
                {problemUnder(p, `${listPath}[${i}]`, locale)}
              </Caption1>
            ))}
          </div>
        );
      })}
      {own.map((p, k) => (
        <Caption1 key={k} className={styles.error}>
          {problemUnder(p, listPath, locale)}
        </Caption1>
      ))}
      <div className={styles.footer}>
        <Button size="small" onClick={() => onChange([...rows, newRow()])}>
          {s.addRow}
        </Button>
        {note && <Caption1>{note}</Caption1>}
      </div>
      <Caption1 id={`${id}-hint`} className={styles.hint}>
        <SettingHint defaultText={defaultText} source={source} s={s} />
      </Caption1>
    </fieldset>
  );
}

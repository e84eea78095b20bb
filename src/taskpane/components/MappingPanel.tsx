// Maps each missing column of the table to one of the sheet's own headers, so a county's workbook is read without renaming its columns.
import { Button, Caption1, Field, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Locale } from "../../core/messages";
import type { Scheme } from "../../core/scheme";
import { fieldsFor } from "../../kinds/registry";
import type { RunResult } from "../../workbook/pipeline";
import { columnLetter, type WorkbookData } from "../../workbook/sheet";
import { dataSheetNames, headerOptions, mappingSheet, missingFields, withMapping } from "../model/mapping";
import type { Strings } from "../strings";
import { FitSelect } from "./FitSelect";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  heading: { margin: 0, display: "block" },
  intro: { color: tokens.colorNeutralForeground2 },
});

export interface MappingPanelProps {
  result: RunResult;
  workbook: WorkbookData;
  busy: boolean;
  onSave: (scheme: Scheme) => void;
  locale: Locale;
  s: Strings;
}

export function MappingPanel({ result, workbook, busy, onSave, locale, s }: MappingPanelProps) {
  const styles = useStyles();
  const sheets = useMemo(() => dataSheetNames(workbook), [workbook]);
  const [sheet, setSheet] = useState(() => mappingSheet(result, workbook) ?? "");
  const [choices, setChoices] = useState<Record<string, string>>({});
  const missing = missingFields(result);
  const options = useMemo(() => headerOptions(workbook, sheet, result.scheme), [workbook, sheet, result.scheme]);
  // Headers the table search already reads as another column, so the user sees what a choice takes over.
  const usedBy = useMemo(() => {
    const m = new Map<string, string>();
    if (result.table?.sheet !== sheet) return m;
    const standard = new Map(fieldsFor(result.scheme).map((f) => [f.id, f.header]));
    for (const [id, header] of result.table.headers) m.set(header, standard.get(id) ?? id);
    return m;
  }, [result, sheet]);
  const chosen = Object.values(choices).some((v) => v !== "");
  const sep = locale === "zh-CN" ? "，" : ", ";
  return (
    <section className={styles.root} aria-labelledby="mapping-heading">
      <Subtitle2 as="h3" id="mapping-heading" className={styles.heading}>
        {s.mappingHeading}
      </Subtitle2>
      <Caption1 className={styles.intro}>{s.mappingIntro}</Caption1>
      <Field label={s.mappingSheet}>
        <FitSelect
          value={sheet}
          onChange={(_, d) => {
            setSheet(d.value);
            setChoices({});
          }}
        >
          {sheets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </FitSelect>
      </Field>
      {options.length === 0 && <Caption1>{s.mappingNoHeaders}</Caption1>}
      {options.length > 0 &&
        missing.map((f) => (
          <Field key={f.id} label={f.header} hint={f.aliases?.length ? s.aliasesHint(f.aliases.join(locale === "zh-CN" ? "、" : ", ")) : undefined}>
            <FitSelect value={choices[f.id] ?? ""} onChange={(_, d) => setChoices((c) => ({ ...c, [f.id]: d.value }))}>
              <option value="">{s.notChosen}</option>
              {options.map((o) => (
                <option key={o.header} value={o.header}>
                  {`${o.header}（${s.columnOf(columnLetter(o.col))}${usedBy.has(o.header) ? sep + s.usedBy(usedBy.get(o.header) as string) : ""}）`}
                </option>
              ))}
            </FitSelect>
          </Field>
        ))}
      <Button appearance="primary" disabled={!chosen || busy} onClick={() => onSave(withMapping(result.scheme, choices))}>
        {s.saveMapping}
      </Button>
    </section>
  );
}

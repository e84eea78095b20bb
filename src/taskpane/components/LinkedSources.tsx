// 取数来源 on the 计算 screen: for each kind the table takes results from, the sheet it will read or the choice among several; other workbooks chosen, listed and removed.
import { HiddenFileInput, XLSX_ACCEPT } from "./HiddenFileInput";
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { LinkSourcePlace } from "../../core/link";
import type { Locale } from "../../core/messages";
import type { SchemeKind } from "../../core/scheme";
import { kindNames } from "../../kinds/registry";
import { FitSelect } from "./FitSelect";
import { NoticeBar } from "./NoticeBar";
import { Panel, PanelHeader } from "./Panel";
import { useRef } from "react";
import { linkedTables, placeKey, placeOfKey, samePlace, sourceLines } from "../model/sources";
import type { Strings } from "../strings";
import type { Assessment } from "../useAssessment";

const useStyles = makeStyles({
  heading: { margin: 0, display: "block" },
  line: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground3 },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  file: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, overflowWrap: "anywhere" },
});

export interface LinkedSourcesProps {
  a: Assessment;
  s: Strings;
  locale: Locale;
  /** The kind computed. */
  kind: SchemeKind;
  disabled?: boolean;
}

/** A place as the pane says it: a sheet of this workbook, or of a chosen file. */
export const placeText = (p: LinkSourcePlace, s: Strings): string => (p.file ? s.linkedInFile(p.file, p.sheet) : s.linkedThisWorkbook(p.sheet));

export function LinkedSources({ a, s, locale, kind, disabled }: LinkedSourcesProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const { workbook, check, sources, run, ranWith, readingLinked, linkedNotice } = a.state;
  const lang = locale === "zh-CN" ? "zh" : "en";
  const join = lang === "zh" ? "、" : ", ";
  const lines = sourceLines(kind, workbook, sources, check?.table?.sheet);
  const also = linkedTables(kind);
  // A file the last computation was given and did not read: said beside it, as kaohe run says it.
  const unused = (name: string) => run?.status === "ok" && ranWith?.includes(name) === true && !(run.linkedUsed ?? []).includes(name);
  return (
    <Panel size="small">
      <PanelHeader header={<Subtitle2 as="h3" className={styles.heading}>{s.linkedHeading}</Subtitle2>} description={<Caption1 className={styles.hint}>{s.linkedIntro}</Caption1>} />
      {lines.map((line) => {
        const name = kindNames[line.from][lang];
        const chosen = line.places.find((p) => samePlace(p, sources.chosen[line.from])) ?? line.places[0];
        return (
          <div key={line.from} className={styles.line}>
            <Body1>{line.fills.length ? s.linkedFills(line.fills.join(join), name) : s.linkedReads(name)}</Body1>
            {line.places.length === 0 ? (
              workbook && <Caption1>{s.linkedNone}</Caption1>
            ) : line.places.length === 1 ? (
              <Caption1>{s.linkedWillRead(placeText(line.places[0], s))}</Caption1>
            ) : (
              <FitSelect aria-label={s.linkedSheetLabel(name)} value={placeKey(chosen)} disabled={disabled} onChange={(_, d) => a.chooseSource(line.from, placeOfKey(d.value, line.places))}>
                {line.places.map((p) => (
                  <option key={placeKey(p)} value={placeKey(p)}>
                    {placeText(p, s)}
                  </option>
                ))}
              </FitSelect>
            )}
          </div>
        );
      })}
      {also.length > 0 && <Caption1 className={styles.hint}>{s.linkedAlso(also.join(join))}</Caption1>}
      {!workbook && <Caption1 className={styles.hint}>{s.linkedUnread}</Caption1>}
      {sources.linked.length > 0 && (
        <div className={styles.line}>
          <Caption1>{s.linkedFilesHeading}</Caption1>
          <ul className={styles.files}>
            {sources.linked.map((l) => (
              <li key={l.name} className={styles.file}>
                <Body1>
                  {l.name}
                  {unused(l.name) && ` ${s.linkedNotUsed}`}
                </Body1>
                <Button size="small" appearance="subtle" aria-label={s.linkedRemoveLabel(l.name)} disabled={disabled} onClick={() => a.removeLinked(l.name)}>
                  {s.linkedRemove}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {a.readsLinked && (
        <div>
          <Button disabled={disabled || readingLinked !== undefined} onClick={() => fileInput.current?.click()}>
            {readingLinked !== undefined ? s.linkedReading(readingLinked) : s.linkedChooseFile}
          </Button>
          <HiddenFileInput ref={fileInput} accept={XLSX_ACCEPT} label={s.linkedFileLabel} untabbable onFile={(file) => a.addLinked(file, file.name, kind)} />
        </div>
      )}
      <NoticeBar notice={linkedNotice} s={s} />
    </Panel>
  );
}

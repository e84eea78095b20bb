// 检查: reads the workbook, checks every row without writing, lists each problem with a way to its cell, and maps missing columns.
import { Button, Caption1, Checkbox, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "../../core/messages";
import type { Problem } from "../../workbook/sheet";
import { MappingPanel } from "../components/MappingPanel";
import { NoticeBar } from "../components/NoticeBar";
import { ProblemList } from "../components/ProblemList";
import { ProgressPanel } from "../components/ProgressPanel";
import { Screen } from "../components/Screen";
import { missingFields } from "../model/mapping";
import { problemCell } from "../model/outcome";
import type { Strings } from "../strings";
import type { Assessment, ScreenId } from "../useAssessment";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  skip: { display: "flex", flexDirection: "column" },
  hint: { color: tokens.colorNeutralForeground3, paddingLeft: "32px" },
  lines: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export interface CheckScreenProps {
  a: Assessment;
  s: Strings;
  locale: Locale;
  onNavigate: (screen: ScreenId) => void;
}

export function CheckScreen({ a, s, locale, onNavigate }: CheckScreenProps) {
  const styles = useStyles();
  const { check, workbook, busy, progress, notices, skipBadRows, draft } = a.state;
  const zh = locale === "zh-CN";
  const select = (p: Problem) => {
    const c = problemCell(p);
    void a.goTo("check", c.sheet, c.row, c.col);
  };
  // In skip mode the rows left out are reported as ignored rows; listed like problems, they lead to their row.
  // Mapping needs a kind: from the table found, or from the scheme being edited (a guess would mislead).
  const canMap = check?.status === "noTable" && workbook !== undefined && (check.table !== undefined || draft !== undefined) && missingFields(check).length > 0;
  const skipped: Problem[] =
    check?.status === "ok" && check.table && skipBadRows
      ? check.ignored.map((r) => ({ sheet: check.table?.sheet ?? "", row: r.row, col: 0, zh: r.zh, en: r.en }))
      : [];
  return (
    <Screen id="check" heading={s.checkHeading} intro={s.checkIntro}>
      <div className={styles.skip}>
        <Checkbox checked={skipBadRows} label={s.skipBadRows} onChange={(_, d) => a.setSkipBadRows(Boolean(d.checked))} />
        <Caption1 className={styles.hint}>{s.skipHint}</Caption1>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== undefined} onClick={() => void a.check()}>
          {check ? s.recheck : s.runCheck}
        </Button>
      </div>
      {(busy === "check" || busy === "saveScheme") && <ProgressPanel progress={progress} s={s} />}
      <NoticeBar notice={notices.check} s={s} onAction={onNavigate} />

      {check?.status === "ok" && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {check.plan ? s.checkOk(check.plan.summary.rows) : null}
              {check.plan && (
                <ul className={styles.lines}>
                  {check.plan.summary[zh ? "zh" : "en"].map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.row}>
            <Button onClick={() => onNavigate("compute")}>{s.goCompute}</Button>
          </div>
          {skipped.length > 0 && <ProblemList problems={skipped} locale={locale} s={s} onSelect={select} />}
        </>
      )}

      {check?.status === "problems" && (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{s.checkProblems(check.problems.length)}</MessageBarBody>
          </MessageBar>
          <ProblemList problems={check.problems} locale={locale} s={s} onSelect={select} />
        </>
      )}

      {check?.status === "noTable" && (
        <>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {check.problems.map((p) => (zh ? p.zh : p.en)).join(" ")}
            </MessageBarBody>
          </MessageBar>
          {canMap && workbook && <MappingPanel key={check.scheme.kind + JSON.stringify(check.scheme.columns)} result={check} workbook={workbook} busy={busy !== undefined} onSave={(scheme) => void a.saveMapping(scheme)} locale={locale} s={s} />}
          {!canMap && (
            <div className={styles.row}>
              <Button onClick={() => onNavigate("templates")}>{s.goTemplates}</Button>
              <Button onClick={() => onNavigate("scheme")}>{s.goScheme}</Button>
            </div>
          )}
        </>
      )}

      {check?.status === "badScheme" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {s.badScheme}
            <ul className={styles.lines}>
              {check.problems.map((p, i) => (
                <li key={i}>{zh ? p.zh : p.en}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {check?.status === "badScheme" && (
        <div className={styles.row}>
          <Button onClick={() => onNavigate("scheme")}>{s.goScheme}</Button>
        </div>
      )}
    </Screen>
  );
}


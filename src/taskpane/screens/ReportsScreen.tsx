// 报表: the result columns and report sheets the last run wrote, each with a button that goes to it.
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles } from "@fluentui/react-components";
import type { Locale } from "../../core/messages";
import { NoticeBar } from "../components/NoticeBar";
import { Screen } from "../components/Screen";
import { SheetLink } from "../components/SheetLink";
import type { Strings } from "../strings";
import type { Assessment, ScreenId } from "../useAssessment";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0 },
});

export interface ReportsScreenProps {
  a: Assessment;
  s: Strings;
  locale: Locale;
  onNavigate: (screen: ScreenId) => void;
}

export function ReportsScreen({ a, s, onNavigate }: ReportsScreenProps) {
  const styles = useStyles();
  const { run, drawn, notices } = a.state;
  const plan = run?.plan;
  if (!plan || !drawn)
    return (
      <Screen id="reports" heading={s.reportsHeading} intro={s.reportsIntro}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{s.noReports}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onNavigate("compute")}>
              {s.goCompute}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </Screen>
    );
  const written = new Set(drawn.written);
  const status = (name: string) => (written.has(name) ? { text: s.writtenBadge, ok: true } : { text: s.notWrittenBadge, ok: false });
  return (
    <Screen id="reports" heading={s.reportsHeading} intro={s.reportsIntro}>
      <NoticeBar notice={notices.reports} s={s} onAction={onNavigate} />
      <ul className={styles.list}>
        {plan.results.map((block, i) => (
          // A sheet may have two blocks (the five-good table's rows and its band above the header).
          <li key={`results-${block.sheet}-${i}`}>
            <SheetLink
              name={s.resultColumns(block.sheet)}
              detail={s.resultSize(block.rows.length, block.columns.length)}
              status={status(block.sheet)}
              goLabel={s.goTo}
              goAria={s.goToAria(block.sheet)}
              onGo={() => void a.goTo("reports", block.sheet, block.headerRow, block.columns[0]?.col ?? 1)}
            />
          </li>
        ))}
        {plan.reports.map((r) => (
          <li key={r.name}>
            <SheetLink
              name={r.name}
              detail={`${r.title} · ${s.reportRows(r.rows.length)}`}
              status={status(r.name)}
              goLabel={s.goTo}
              goAria={s.goToAria(r.name)}
              onGo={written.has(r.name) ? () => void a.goTo("reports", r.name, 1, 1) : undefined}
            />
          </li>
        ))}
      </ul>
    </Screen>
  );
}

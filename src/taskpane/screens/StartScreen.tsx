// 开始: what the active workbook holds, whether a scheme is stored, and what to do next; outside Excel, the browser-preview note.
import { Body1, Button, Caption1, Link, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { Panel, PanelHeader } from "../components/Panel";
import { WorkbookSummary } from "../components/WorkbookSummary";
import type { Locale } from "../../core/messages";
import { kindNames } from "../../kinds/registry";
import { NoticeBar } from "../components/NoticeBar";
import { ProgressPanel } from "../components/ProgressPanel";
import { Screen } from "../components/Screen";
import type { Strings } from "../strings";
import type { Assessment, ScreenId } from "../useAssessment";

const useStyles = makeStyles({
  heading: { display: "block", margin: 0 },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Numbered by hand: a list marker sits by the last line of a button that wraps, not by its first.
  steps: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  stepRow: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalXS },
  number: { minWidth: "1.2em", textAlign: "right" },
  step: { textAlign: "left" },
  code: { fontFamily: tokens.fontFamilyMonospace, display: "block", marginTop: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
});

export interface StartScreenProps {
  a: Assessment;
  s: Strings;
  locale: Locale;
  inExcel: boolean;
  onNavigate: (screen: ScreenId) => void;
}

export function StartScreen({ a, s, locale, inExcel, onNavigate }: StartScreenProps) {
  const styles = useStyles();
  const { overview, recognised, busy, progress, notices } = a.state;
  const lang = locale === "zh-CN" ? "zh" : "en";
  const steps: [ScreenId, string][] = [
    ["templates", s.stepTemplates],
    ["scheme", s.stepScheme],
    ["check", s.stepCheck],
    ["compute", s.stepCompute],
  ];
  return (
    <Screen id="start" heading={s.startHeading}>
      <MessageBar intent={inExcel ? "success" : "info"} layout="multiline">
        <MessageBarBody>{inExcel ? s.insideExcel : s.outsideExcel}</MessageBarBody>
      </MessageBar>
      {/* Features this Excel lacks (an older requirement set): said once, up front, with where they are found. */}
      {inExcel && a.missingFeatures && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{a.missingFeatures}</MessageBarBody>
        </MessageBar>
      )}
      <NoticeBar notice={notices.start} s={s} onAction={onNavigate} />
      {inExcel && (
        <Panel>
          <PanelHeader header={<Subtitle2 as="h3" className={styles.heading}>{s.workbookHeading}</Subtitle2>} />
          <div className={styles.body}>
            {overview && <WorkbookSummary overview={overview} s={s} lang={lang} />}
            {recognised !== undefined && (
              <Body1>
                {recognised ? (recognised.fromScheme ? s.recognisedByScheme : s.recognisedAs)(kindNames[recognised.kind][lang], recognised.sheet) : s.notRecognised}
                {recognised && recognised.missing.length > 0 && `${locale === "zh-CN" ? "" : " "}${s.recognisedMissing(recognised.missing.join(locale === "zh-CN" ? "、" : ", "))}`}
              </Body1>
            )}
            {(busy === "recognise" || busy === "overview") && <ProgressPanel progress={progress} s={s} />}
            <div className={styles.row}>
              <Button appearance="primary" disabled={busy !== undefined} onClick={() => void a.recogniseWorkbook()}>
                {s.recognise}
              </Button>
              <Button disabled={busy !== undefined} onClick={() => void a.refreshOverview()}>
                {s.refresh}
              </Button>
            </div>
          </div>
        </Panel>
      )}
      <section aria-labelledby="next-heading">
        <Subtitle2 as="h3" id="next-heading" className={styles.heading}>
          {s.nextHeading}
        </Subtitle2>
        <ol className={styles.steps}>
          {steps.map(([screen, text], i) => (
            <li key={screen} className={styles.stepRow}>
              <Body1 className={styles.number} aria-hidden="true">
                {i + 1}.
              </Body1>
              <Link as="button" className={styles.step} onClick={() => onNavigate(screen)}>
                {text}
              </Link>
            </li>
          ))}
        </ol>
      </section>
      <Panel>
        <PanelHeader header={<Subtitle2 as="h3" className={styles.heading}>{s.functionsHeading}</Subtitle2>} />
        <Body1>
          {s.functionsIntro}
          <code className={styles.code}>{s.exampleQuorum}</code>
        </Body1>
        {!inExcel && <Caption1>{s.nextSteps}</Caption1>}
      </Panel>
    </Screen>
  );
}

// 计算: computes the whole table, says before it what Excel's undo can take back, asks before overwriting anything, writes the plan with progress and a Cancel button, and says exactly what was written.
import { Body1, Button, Caption1, Checkbox, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Panel, PanelHeader } from "../components/Panel";
import type { Locale } from "../../core/messages";
import { kindNames } from "../../kinds/registry";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { LinkedSources } from "../components/LinkedSources";
import { takesSources } from "../model/sources";
import { NoticeBar } from "../components/NoticeBar";
import { ProgressPanel } from "../components/ProgressPanel";
import { Screen } from "../components/Screen";
import { isDirty } from "../model/draft";
import type { Strings } from "../strings";
import type { Assessment, ScreenId } from "../useAssessment";

/** How many overwritten places the question lists; the rest are counted. */
const CONFLICTS_SHOWN = 12;

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  skip: { display: "flex", flexDirection: "column" },
  hint: { color: tokens.colorNeutralForeground3, paddingLeft: "32px" },
  heading: { margin: 0, display: "block" },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  conflicts: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalL, maxHeight: "40vh", overflowY: "auto", overflowWrap: "anywhere" },
  scheme: { overflowWrap: "anywhere" },
  undo: { display: "block", color: tokens.colorPaletteRedForeground1 },
});

export interface ComputeScreenProps {
  a: Assessment;
  s: Strings;
  locale: Locale;
  onNavigate: (screen: ScreenId) => void;
}

export function ComputeScreen({ a, s, locale, onNavigate }: ComputeScreenProps) {
  const styles = useStyles();
  const { draft, savedJson, run, drawn, busy, progress, notices, pendingConflicts, skipBadRows } = a.state;
  const lang = locale === "zh-CN" ? "zh" : "en";
  const running = busy === "compute" || busy === "draw";
  const plan = run?.plan;
  // The kind computed: the scheme's, else the one the last check recognised.
  const sourceKind = draft?.kind ?? run?.scheme.kind ?? a.state.check?.scheme.kind;
  return (
    <Screen id="compute" heading={s.computeHeading} intro={s.computeIntro}>
      {draft ? (
        <Body1 className={styles.scheme}>
          {s.computeScheme(draft.title)}
          {/* The default title already names the kind; a county's own title may not. */}
          {!draft.title.includes(kindNames[draft.kind]?.zh ?? draft.kind) && `（${kindNames[draft.kind]?.[lang] ?? draft.kind}）`}
        </Body1>
      ) : (
        <Caption1>{s.computeNoScheme}</Caption1>
      )}
      {draft && isDirty(draft, savedJson) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.computeUnsaved}</MessageBarBody>
        </MessageBar>
      )}
      {sourceKind && takesSources(sourceKind) && <LinkedSources a={a} s={s} locale={locale} kind={sourceKind} disabled={busy !== undefined} />}
      <div className={styles.skip}>
        <Checkbox checked={skipBadRows} label={s.skipBadRows} onChange={(_, d) => a.setSkipBadRows(Boolean(d.checked))} disabled={running} />
        <Caption1 className={styles.hint}>{s.skipHint}</Caption1>
      </div>
      {/* Said before the button, as the templates screen says it before inserting: undo is the user's safety net, and here it has holes. */}
      <Text className={styles.undo} weight="semibold">
        {a.drawIsOneUndoStep ? s.computeUndoOneStep : s.computeUndoWarning}
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== undefined || pendingConflicts !== undefined} onClick={() => void a.compute()}>
          {s.runCompute}
        </Button>
      </div>
      {running && <ProgressPanel progress={progress} s={s} onCancel={a.cancel} />}
      <NoticeBar notice={notices.compute} s={s} onAction={onNavigate} />
      {/* The summary describes results that are in the workbook: only after a drawing that wrote everything. */}
      {plan && drawn && drawn.notWritten.length === 0 && !running && (
        <Panel>
          <PanelHeader header={<Subtitle2 as="h3" className={styles.heading}>{s.summaryHeading}</Subtitle2>} />
          <ul className={styles.lines}>
            {plan.summary[lang].map((line, i) => (
              <li key={i}>
                <Body1>{line}</Body1>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      <ConfirmDialog
        open={pendingConflicts !== undefined}
        title={s.conflictsTitle}
        confirmLabel={s.overwrite}
        cancelLabel={s.cancel}
        onConfirm={() => void a.confirmOverwrite()}
        onCancel={a.declineOverwrite}
      >
        {pendingConflicts && (
          <>
            {s.conflictsText(pendingConflicts.length)}
            <ul className={styles.conflicts}>
              {pendingConflicts.slice(0, CONFLICTS_SHOWN).map((c, i) => (
                <li key={i}>{c}</li>
              ))}
              {pendingConflicts.length > CONFLICTS_SHOWN && <li>{s.conflictsMore(pendingConflicts.length - CONFLICTS_SHOWN)}</li>}
            </ul>
          </>
        )}
      </ConfirmDialog>
    </Screen>
  );
}

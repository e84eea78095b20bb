// 冻结: copies of the reports with values in place of formulas, for WPS and Excel without the add-in.
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "../../core/messages";
import { NoticeBar } from "../components/NoticeBar";
import { ProgressPanel } from "../components/ProgressPanel";
import { Screen } from "../components/Screen";
import { SheetLink } from "../components/SheetLink";
import type { Strings } from "../strings";
import type { Assessment, ScreenId } from "../useAssessment";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface FreezeScreenProps {
  a: Assessment;
  s: Strings;
  locale: Locale;
  onNavigate: (screen: ScreenId) => void;
}

export function FreezeScreen({ a, s, onNavigate }: FreezeScreenProps) {
  const styles = useStyles();
  const { run, drawn, frozen, busy, progress, notices } = a.state;
  // Copies are made of what was written: only after a drawing that wrote everything.
  const ready = Boolean(run?.plan && drawn && drawn.notWritten.length === 0);
  return (
    <Screen id="freeze" heading={s.freezeHeading} intro={s.freezeIntro}>
      <Body1>{s.freezeWhat}</Body1>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!ready || busy !== undefined} onClick={() => void a.freeze()}>
          {s.freezeButton}
        </Button>
      </div>
      {!ready && <Caption1 className={styles.hint}>{s.freezeNeedsPlan}</Caption1>}
      {busy === "freeze" && <ProgressPanel progress={progress} s={s} />}
      <NoticeBar notice={notices.freeze} s={s} onAction={onNavigate} />
      {frozen && frozen.length > 0 && (
        <ul className={styles.list}>
          {frozen.map((name) => (
            <li key={name}>
              <SheetLink name={name} goLabel={s.goTo} goAria={s.goToAria(name)} onGo={() => void a.goTo("freeze", name, 1, 1)} />
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}

// 开始 of the page: that the files stay on this computer, a file to choose or drop, what the opened workbook holds, and the next steps.
import { HiddenFileInput, XLSX_ACCEPT } from "../taskpane/components/HiddenFileInput";
import { Body1, Button, Card, CardHeader, Link, MessageBar, MessageBarBody, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { WorkbookSummary } from "../taskpane/components/WorkbookSummary";
import { useRef, useState, type DragEvent } from "react";
import type { Locale } from "../core/messages";
import type { WorkbookOverview } from "../excel/ops";
import { NoticeBar } from "../taskpane/components/NoticeBar";
import { ProgressPanel } from "../taskpane/components/ProgressPanel";
import { Screen } from "../taskpane/components/Screen";
import type { Strings } from "../taskpane/strings";
import type { Notice, ScreenId } from "../taskpane/useAssessment";
import type { Progress } from "../excel/ops";
import type { WebStrings } from "./strings";

const useStyles = makeStyles({
  heading: { display: "block", margin: 0 },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "center",
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface OpenScreenProps {
  s: Strings;
  w: WebStrings;
  locale: Locale;
  fileName?: string;
  overview?: WorkbookOverview;
  busy: boolean;
  progress?: Progress;
  notice?: Notice;
  onOpen: (file: File) => void;
  onNotice: (notice: Notice) => void;
  onNavigate: (screen: ScreenId) => void;
}

export function OpenScreen({ s, w, locale, fileName, overview, busy, progress, notice, onOpen, onNotice, onNavigate }: OpenScreenProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const lang = locale === "zh-CN" ? "zh" : "en";
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (busy) return;
    const files = e.dataTransfer.files;
    if (files.length !== 1) onNotice({ intent: "error", text: w.oneFile });
    else onOpen(files[0]);
  };
  const steps: [ScreenId, string][] = [
    ["templates", s.stepTemplates],
    ["scheme", s.stepScheme],
    ["check", s.stepCheck],
    ["compute", s.stepCompute],
  ];
  return (
    <Screen id="start" heading={s.startHeading}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>{w.privacy}</MessageBarBody>
      </MessageBar>
      <NoticeBar notice={notice} s={s} onAction={onNavigate} />
      <Card>
        <CardHeader header={<Subtitle2 as="h3" className={styles.heading}>{w.openHeading}</Subtitle2>} />
        <Body1>{w.openIntro}</Body1>
        <div
          className={mergeClasses(styles.drop, over && styles.over)}
          role="group"
          aria-label={w.dropLabel}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
        >
          <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
            {w.chooseFile}
          </Button>
          <Body1>{w.dropHere}</Body1>
          <HiddenFileInput ref={input} accept={XLSX_ACCEPT} label={w.chooseFile} onFile={onOpen} />
        </div>
        {busy && <ProgressPanel progress={progress} s={s} />}
      </Card>
      {fileName && overview && (
        <Card>
          <CardHeader header={<Subtitle2 as="h3" className={styles.heading}>{fileName}</Subtitle2>} />
          <div className={styles.body}>
            <WorkbookSummary overview={overview} s={s} lang={lang} />
          </div>
        </Card>
      )}
      <section aria-labelledby="next-heading">
        <Subtitle2 as="h3" id="next-heading" className={styles.heading}>
          {s.nextHeading}
        </Subtitle2>
        <ol className={styles.steps}>
          {steps.map(([screen, text]) => (
            <li key={screen}>
              <Link as="button" onClick={() => onNavigate(screen)}>
                {text}
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </Screen>
  );
}

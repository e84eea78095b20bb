// The page's top component: the file opened, the pane's steps as tabs over it, previews of rows and reports, and the result to download.
import { Body1, Button, Caption1, Card, FluentProvider, MessageBar, MessageBarBody, Title2, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Locale } from "../core/messages";
import type { Progress, WorkbookOverview } from "../excel/ops";
import { ScreenPanel, ScreenTabs } from "../taskpane/components/ScreenTabs";
import { errorText } from "../taskpane/model/outcome";
import { CheckScreen } from "../taskpane/screens/CheckScreen";
import { ComputeScreen } from "../taskpane/screens/ComputeScreen";
import { ReportsScreen } from "../taskpane/screens/ReportsScreen";
import { SchemeScreen } from "../taskpane/screens/SchemeScreen";
import { TemplatesScreen } from "../taskpane/screens/TemplatesScreen";
import type { Strings } from "../taskpane/strings";
import { useAssessment, type Notice, type ScreenId } from "../taskpane/useAssessment";
import { saveFile } from "./download";
import { createWebHost, type WebHost } from "./host";
import { OpenScreen } from "./OpenScreen";
import type { FileNotes } from "./protocol";
import { ReportPreview } from "./ReportPreview";
import { RowPreview } from "./RowPreview";
import { pageStrings, webStrings, type WebStrings } from "./strings";
import type { WorkerClient } from "./worker-client";

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground1 },
  top: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  logo: { width: "28px", height: "28px" },
  heading: { display: "block", margin: 0, lineHeight: tokens.lineHeightBase500, fontSize: tokens.fontSizeBase500 },
  subtitle: { display: "block", margin: 0, color: tokens.colorNeutralForeground2 },
  file: { marginLeft: "auto", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  tabs: { flexWrap: "wrap", marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: { padding: tokens.spacingHorizontalL, outlineStyle: "none", minWidth: 0, maxWidth: "960px", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  download: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
});

type PageScreen = Exclude<ScreenId, "freeze">;
const pageScreens: readonly PageScreen[] = ["start", "templates", "scheme", "check", "compute", "reports"];

interface Selection {
  screen: ScreenId;
  sheet: string;
  row: number;
  col: number;
}

interface OpenedFile {
  name: string;
  overview: WorkbookOverview;
  notes: FileNotes;
  /** Counts the files opened: a new file starts the steps afresh. */
  generation: number;
}

export function WebApp({ locale, client }: { locale: Locale; client: WorkerClient }) {
  const s = useMemo(() => pageStrings(locale), [locale]);
  const w = webStrings[locale];
  const [selection, setSelection] = useState<Selection | undefined>();
  const [downloaded, setDownloaded] = useState<string | undefined>();
  const tab = useRef<ScreenId>("start");
  const host = useMemo(
    () =>
      createWebHost(client, locale, {
        onSelect: (sheet, row, col) => setSelection({ screen: tab.current, sheet, row, col }),
        onDownload: (f) => saveFile(f.bytes, f.fileName),
      }),
    [client, locale],
  );
  const [file, setFile] = useState<OpenedFile | undefined>();
  const [opening, setOpening] = useState<Progress | undefined | null>(null);
  const [notice, setNotice] = useState<Notice | undefined>();

  const open = async (f: File) => {
    setOpening(undefined);
    setNotice(undefined);
    try {
      const r = await host.open(f, f.name, (p) => setOpening(p));
      setFile((old) => ({ name: f.name, overview: r.overview, notes: r.notes, generation: (old?.generation ?? 0) + 1 }));
      setSelection(undefined);
      setDownloaded(undefined);
      setNotice({ intent: "success", text: w.opened(f.name), action: "check" });
    } catch (e) {
      setNotice({ intent: "error", text: errorText(e, s, locale) });
    } finally {
      setOpening(null);
    }
  };

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <Steps
        key={file?.generation ?? 0}
        host={host}
        s={s}
        w={w}
        locale={locale}
        file={file}
        tab={tab}
        selection={selection}
        downloaded={downloaded}
        onDownloaded={setDownloaded}
        start={{ busy: opening !== null, progress: opening ?? undefined, notice, onOpen: (f) => void open(f), onNotice: setNotice }}
      />
    </FluentProvider>
  );
}

interface StepsProps {
  host: WebHost;
  s: Strings;
  w: WebStrings;
  locale: Locale;
  file?: OpenedFile;
  tab: { current: ScreenId };
  selection?: Selection;
  downloaded?: string;
  onDownloaded: (name: string) => void;
  start: { busy: boolean; progress?: Progress; notice?: Notice; onOpen: (f: File) => void; onNotice: (n: Notice) => void };
}

/** The steps over one opened file; a new file mounts them afresh, so nothing of the last file's check or run remains. */
function Steps({ host, s, w, locale, file, tab: tabRef, selection, downloaded, onDownloaded, start }: StepsProps) {
  const styles = useStyles();
  const a = useAssessment(host, s, locale);
  const [tab, setTab] = useState<PageScreen>("start");
  const panel = useRef<HTMLDivElement>(null);
  tabRef.current = tab;
  const { refreshOverview, loadScheme } = a;
  useEffect(() => {
    // One after the other, as in the pane: the overview then says what a saved scheme is called.
    if (file) void refreshOverview().then(loadScheme);
  }, [file, refreshOverview, loadScheme]);

  const navigate = (screen: ScreenId) => {
    if (screen === "freeze") return;
    setTab(screen);
    requestAnimationFrame(() => panel.current?.focus());
  };
  const props = { a, s, locale, onNavigate: navigate };
  const { run, drawn, check, workbook, busy } = a.state;
  const result = drawn && run?.plan && busy === undefined ? host.result() : undefined;
  const shown = selection && selection.screen === tab ? selection : undefined;

  const downloadCard = result && (
    <Card className={styles.download}>
      <Button appearance="primary" onClick={() => {
        saveFile(result.bytes, result.fileName);
        onDownloaded(result.fileName);
      }}>
        {w.download}
      </Button>
      <Caption1>{w.downloadHint(result.fileName)}</Caption1>
      {downloaded === result.fileName && <Body1 role="status">{w.downloaded(result.fileName)}</Body1>}
    </Card>
  );

  const noteLines = file ? [...file.notes.unkept.map((u) => (locale === "zh-CN" ? `输入文件中的${u.zh}无法带入结果文件（原文件不受影响），请在原文件中查看。` : `The input's ${u.en} cannot be carried into the result workbook (the input is unchanged); see them in the input.`)), ...(file.notes.invisible ? [locale === "zh-CN" ? file.notes.invisible.zh : file.notes.invisible.en] : [])] : [];

  const screens: Record<PageScreen, () => JSX.Element> = {
    start: () => (
      <>
        <OpenScreen s={s} w={w} locale={locale} fileName={file?.name} overview={a.state.overview ?? file?.overview} busy={start.busy} progress={start.progress} notice={start.notice} onOpen={start.onOpen} onNotice={start.onNotice} onNavigate={navigate} />
        {noteLines.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {noteLines.map((l, i) => (
                <div key={i}>{l}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
      </>
    ),
    templates: () => <TemplatesScreen {...props} />,
    scheme: () => <SchemeScreen {...props} />,
    check: () => (
      <>
        <CheckScreen {...props} />
        {shown && workbook && <RowPreview workbook={workbook} sheet={shown.sheet} row={shown.row} col={shown.col} headerRow={check?.table?.sheet === shown.sheet ? check.table.headerRow : undefined} w={w} />}
      </>
    ),
    compute: () => (
      <>
        <ComputeScreen {...props} />
        {downloadCard}
      </>
    ),
    reports: () => (
      <>
        {downloadCard}
        <ReportsScreen {...props} />
        {shown && run?.plan && <ReportPreview plan={run.plan} sheet={shown.sheet} w={w} locale={locale} />}
      </>
    ),
  };

  return (
    <main className={styles.root} aria-label={s.appTitle}>
      <div className={styles.top}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-64.png" alt="" />
          <div>
            <Title2 as="h1" className={styles.heading}>
              {s.appTitle}
            </Title2>
            <Caption1 as="p" className={styles.subtitle}>
              {w.pageSubtitle}
            </Caption1>
          </div>
          {file && <Caption1 className={styles.file}>{file.name}</Caption1>}
        </header>
        <ScreenTabs ids={pageScreens} tab={tab} onTab={setTab} s={s} className={styles.tabs} />
      </div>
      <ScreenPanel ref={panel} tab={tab} s={s} className={styles.panel}>
        {screens[tab]()}
      </ScreenPanel>
    </main>
  );
}

// 模板: the standard templates as cards; inserting one asks first, because Excel cannot undo inserting sheets.
import { Body1, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Panel, PanelHeader, PanelFooter } from "../components/Panel";
import { useMemo, useState } from "react";
import type { Locale } from "../../core/messages";
import { type SchemeKind } from "../../core/scheme";
import { kindNames } from "../../kinds/registry";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { NoticeBar } from "../components/NoticeBar";
import { ProgressPanel } from "../components/ProgressPanel";
import { Screen } from "../components/Screen";
import { templateEntries, type TemplateEntry } from "../model/gallery";
import type { Strings } from "../strings";
import type { Assessment, ScreenId } from "../useAssessment";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0, display: "block" },
  meta: { color: tokens.colorNeutralForeground3, display: "block" },
  warning: { display: "block", marginTop: tokens.spacingVerticalS, color: tokens.colorPaletteRedForeground1 },
});

const descriptionKey: Record<SchemeKind, keyof Strings> = {
  secretary: "templateDescSecretary",
  cadre: "templateDescCadre",
  member: "templateDescMember",
  appraisal: "templateDescAppraisal",
  fiveGood: "templateDescFiveGood",
  ledger: "templateDescLedger",
};

export interface TemplatesScreenProps {
  a: Assessment;
  s: Strings;
  locale: Locale;
  onNavigate: (screen: ScreenId) => void;
}

export function TemplatesScreen({ a, s, locale, onNavigate }: TemplatesScreenProps) {
  const styles = useStyles();
  const entries = useMemo(templateEntries, []);
  const [pending, setPending] = useState<TemplateEntry | undefined>();
  const { busy, progress, notices } = a.state;
  const zh = locale === "zh-CN";
  const name = (e: TemplateEntry) => (zh ? e.title : kindNames[e.kind].en);
  return (
    <Screen id="templates" heading={s.templatesHeading} intro={s.templatesIntro}>
      <NoticeBar notice={notices.templates} s={s} onAction={onNavigate} />
      {busy === "insert" && <ProgressPanel progress={progress} s={s} />}
      <ul className={styles.list}>
        {entries.map((e) => (
          <li key={e.kind}>
            <Panel size="small">
              <PanelHeader
                header={
                  <Text as="h3" weight="semibold" className={styles.title}>
                    {name(e)}
                  </Text>
                }
                description={<Body1>{s[descriptionKey[e.kind]] as string}</Body1>}
              />
              <Caption1 className={styles.meta}>
                {s.templateSheets(e.sheets.join(zh ? "、" : ", "))}
                {e.columns !== undefined && ` · ${s.templateColumns(e.columns)}`}
              </Caption1>
              <PanelFooter>
                <Button appearance="primary" size="small" aria-label={s.insertAria(name(e))} disabled={busy !== undefined} onClick={() => setPending(e)}>
                  {s.insert}
                </Button>
              </PanelFooter>
            </Panel>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={pending !== undefined}
        title={s.insertConfirmTitle}
        confirmLabel={s.insert}
        cancelLabel={s.cancel}
        onConfirm={() => {
          const e = pending;
          setPending(undefined);
          if (e) void a.insertTemplate(e.kind, name(e));
        }}
        onCancel={() => setPending(undefined)}
      >
        {pending && (
          <>
            {s.insertConfirmText(name(pending))}
            <Text className={styles.warning} weight="semibold">
              {s.insertUndoWarning}
            </Text>
          </>
        )}
      </ConfirmDialog>
    </Screen>
  );
}

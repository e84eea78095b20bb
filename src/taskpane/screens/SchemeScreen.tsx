// 方案: view and edit the assessment scheme, start from a preset, save it in the workbook, and import or export it as JSON.
import { HiddenFileInput } from "../components/HiddenFileInput";
import { Badge, Body1, Button, Field, MessageBar, MessageBarBody, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Locale } from "../../core/messages";
import { schemeToJson, type SchemeKind } from "../../core/scheme";
import { kindNames, schemeKinds } from "../../kinds/registry";
import { settingName } from "../../workbook/setting-names";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { NoticeBar } from "../components/NoticeBar";
import { Screen } from "../components/Screen";
import { SchemeEditor, sectionPaths, sectionsFor } from "../components/SchemeEditor";
import { checkDraft, draftOfKind, exportFileName, isDirty, problemText, unplacedProblems } from "../model/draft";
import { applyPreset, presetText, presets, type PresetId } from "../model/presets";
import type { Strings } from "../strings";
import type { Assessment, ScreenId } from "../useAssessment";
import { FitSelect } from "../components/FitSelect";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "160px" },
  shrink: { flex: "1 1 0", minWidth: 0 },
  status: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  kindRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface SchemeScreenProps {
  a: Assessment;
  s: Strings;
  locale: Locale;
  onNavigate: (screen: ScreenId) => void;
}

const presetName = (id: PresetId, s: Strings) => presetText(id, s).name;

export function SchemeScreen({ a, s, locale, onNavigate }: SchemeScreenProps) {
  const styles = useStyles();
  const { draft, savedJson, busy, notices } = a.state;
  const [presetId, setPresetId] = useState<PresetId>(presets[0].id);
  const [newKind, setNewKind] = useState<SchemeKind>(draft?.kind ?? schemeKinds[0]);
  const [kindToConfirm, setKindToConfirm] = useState<SchemeKind | undefined>();
  const [showAll, setShowAll] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const draftKind = draft?.kind;
  // A preset, an import or a recognised workbook may change the kind: the picker follows it.
  useEffect(() => {
    if (draftKind) setNewKind(draftKind);
  }, [draftKind]);
  const checked = useMemo(() => (draft ? checkDraft(draft) : undefined), [draft]);
  const problems = checked?.problems ?? [];
  const sections = draft ? sectionsFor(draft, showAll) : [];
  const unplaced = unplacedProblems(
    problems,
    sections.flatMap((id) => sectionPaths[id]),
  );
  const dirty = isDirty(draft, savedJson);
  const lang = locale === "zh-CN" ? "zh" : "en";

  const exportJson = () => {
    if (!checked?.scheme) return;
    const url = URL.createObjectURL(new Blob([schemeToJson(checked.scheme)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFileName(checked.scheme.title);
    document.body.appendChild(link);
    link.click();
    link.remove();
    // The download has started from the link; the object URL is no longer needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      a.importScheme(await file.text(), file.name);
    } catch (e) {
      a.setNotice("scheme", { intent: "error", text: s.importFailed(file.name), lines: [e instanceof Error ? e.message : String(e)] });
    }
  };

  const kindField = draft && (
    <Field label={s.kindLabel} hint={s.kindChangeHint}>
      <div className={styles.kindRow}>
        <FitSelect className={styles.shrink} value={newKind} onChange={(_, d) => setNewKind(d.value as SchemeKind)} aria-label={s.kindLabel}>
          {schemeKinds.map((k) => (
            <option key={k} value={k}>
              {kindNames[k][lang]}
            </option>
          ))}
        </FitSelect>
        <Button disabled={newKind === draft.kind} onClick={() => setKindToConfirm(newKind)}>
          {s.changeKind}
        </Button>
      </div>
    </Field>
  );

  const preset = presets.find((p) => p.id === presetId) ?? presets[0];

  return (
    <Screen id="scheme" heading={s.schemeHeading} intro={s.schemeIntro}>
      {draft ? (
        <div className={styles.status}>
          <Body1 className={styles.title}>{draft.title}</Body1>
          {dirty ? (
            <Badge appearance="tint" color="warning">
              {s.statusUnsaved}
            </Badge>
          ) : (
            <Badge appearance="tint" color="success">
              {s.statusSaved}
            </Badge>
          )}
        </div>
      ) : (
        <>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{s.noScheme}</MessageBarBody>
          </MessageBar>
          <div className={styles.row}>
            <Field className={styles.grow} label={s.kindLabel}>
              <FitSelect value={newKind} onChange={(_, d) => setNewKind(d.value as SchemeKind)}>
                {schemeKinds.map((k) => (
                  <option key={k} value={k}>
                    {kindNames[k][lang]}
                  </option>
                ))}
              </FitSelect>
            </Field>
            <Button appearance="primary" onClick={() => a.newDraft(newKind)}>
              {s.startFromDefaults}
            </Button>
          </div>
        </>
      )}

      <Field label={s.presetsLabel} hint={presetText(preset.id, s).description}>
        <div className={styles.kindRow}>
          <FitSelect className={styles.shrink} value={presetId} onChange={(_, d) => setPresetId(d.value as PresetId)} aria-label={s.presetsLabel}>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {presetName(p.id, s)}
              </option>
            ))}
          </FitSelect>
          <Button onClick={() => a.setDraft(applyPreset(preset, draft), { intent: "info", text: s.presetApplied(presetName(preset.id, s)) })}>{s.applyPreset}</Button>
        </div>
      </Field>

      <div className={styles.row}>
        <Button appearance="primary" disabled={!checked?.scheme || busy !== undefined} onClick={() => void a.saveScheme()}>
          {s.save}
        </Button>
        <Button disabled={!checked?.scheme} onClick={exportJson}>
          {s.exportJson}
        </Button>
        <Button onClick={() => fileInput.current?.click()}>{s.importJson}</Button>
        {draft && (
          // The column mapping describes the workbook, not the rules: it survives a reset.
          <Button onClick={() => a.setDraft({ ...draftOfKind(draft.kind), columns: draft.columns }, { intent: "info", text: s.resetDone })}>{s.resetDefaults}</Button>
        )}
        <HiddenFileInput ref={fileInput} accept=".json,application/json" label={s.importFileLabel} untabbable onFile={importFile} />
      </div>

      <NoticeBar notice={notices.scheme} s={s} onAction={onNavigate} />

      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {s.problemsSummary(problems.length)}
            {unplaced.length > 0 && (
              <>
                {" "}
                {s.otherProblems}
                <ul className={styles.list}>
                  {unplaced.map((p, i) => (
                    <li key={i}>
                      {p.path ? `${locale === "zh-CN" ? settingName(p.path) : p.path}${locale === "zh-CN" ? "：" : ": "}` : ""}
                      {problemText(p, locale)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {draft && (
        <>
          <Switch checked={showAll} onChange={(_, d) => setShowAll(d.checked)} label={s.showAll} />
          <SchemeEditor draft={draft} problems={problems} sections={sections} onChange={(d) => a.setDraft(d)} kindField={kindField} locale={locale} s={s} />
        </>
      )}

      <ConfirmDialog
        open={kindToConfirm !== undefined}
        title={s.changeKindTitle}
        confirmLabel={s.changeKind}
        cancelLabel={s.cancel}
        onConfirm={() => {
          if (kindToConfirm) a.newDraft(kindToConfirm);
          setKindToConfirm(undefined);
        }}
        onCancel={() => {
          setKindToConfirm(undefined);
          if (draft) setNewKind(draft.kind);
        }}
      >
        {kindToConfirm && s.changeKindText(kindNames[kindToConfirm][lang])}
      </ConfirmDialog>
    </Screen>
  );
}

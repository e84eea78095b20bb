// The scheme's settings as a form, in sections by subject; each setting with its default, its source and its problems.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { roundHalfUp } from "../../core/exact";
import type { Locale } from "../../core/messages";
import { type SchemeKind, type SchemeProblem } from "../../core/scheme";
import { defaultText, formatValue, getIn, parseNumber, parseNumberList, parseRatio, parseTextList, pathText, problemsAt, setIn, sourceOf, type Path, type SchemeDraft } from "../model/draft";
import { defaultScheme, fieldsFor, kinds } from "../../kinds/registry";
import { schemeSections, type SchemeSectionId } from "../../kinds/kind";
import type { Strings } from "../strings";
import { DraftInput } from "./DraftInput";
import { RowsEditor, type RowColumn } from "./RowsEditor";
import { SettingField } from "./SettingField";
import { FitSelect } from "./FitSelect";
import { NEGATIVE_CATEGORIES } from "../../core/negative-list";

export type SectionId = SchemeSectionId;

export const allSections: readonly SectionId[] = schemeSections;

/** The sections a kind's computation reads; the others can be shown on request. */
export const sectionsByKind: Readonly<Record<SchemeKind, readonly SectionId[]>> = Object.fromEntries(kinds.map((k) => [k.id, k.sections]));

/** The settings each section shows, so a problem elsewhere can be listed on its own. */
export const sectionPaths: Record<SectionId, readonly string[]> = {
  basic: ["kind", "title"],
  items: ["items", "fourPromises"],
  deductions: ["deductions", "bonusCap"],
  composite: ["parts", "periods", "classes", "missing"],
  grade: ["grade", "rank"],
  stars: ["stars"],
  pay: ["pay"],
  raters: ["raters"],
  ballot: ["ballot", "trim"],
  ledger: ["ledger"],
  targets: ["targets", "ledger.satisfaction"],
  workflow: ["notice", "negativeList", "starLists", "personal"],
  columns: ["columns"],
};

/** The sections to show: the kind's own, or all; the column mapping whenever there is one. */
export function sectionsFor(draft: SchemeDraft, showAll: boolean): readonly SectionId[] {
  const mapped = draft.columns !== null && typeof draft.columns === "object" && Object.keys(draft.columns).length > 0;
  const base = showAll ? allSections.filter((id) => id !== "columns") : (Object.hasOwn(sectionsByKind, draft.kind) ? sectionsByKind[draft.kind] : allSections);
  return mapped ? [...base, "columns"] : base;
}

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  grow: { flex: "1 1 0", minWidth: 0 },
});

export interface SchemeEditorProps {
  draft: SchemeDraft;
  problems: readonly SchemeProblem[];
  sections: readonly SectionId[];
  onChange: (draft: SchemeDraft) => void;
  /** The kind field: changing kind is the screen's business (it asks first). */
  kindField: ReactNode;
  locale: Locale;
  s: Strings;
}

type Options = readonly (readonly [string, string])[];

export function SchemeEditor({ draft, problems, sections, onChange, kindField, locale, s }: SchemeEditorProps) {
  const styles = useStyles();
  const kind = draft.kind;
  const at = (path: Path) => problemsAt(problems, pathText(path));
  const set = (path: Path, v: unknown) => onChange(setIn(draft, path, v));
  const hint = (path: Path, options?: Options) => {
    let d = defaultText(kind, path, locale, s.noneValue);
    const named = options?.find(([value]) => value === d);
    if (named) d = named[1];
    return { defaultText: d, source: sourceOf(pathText(path), locale) };
  };

  const input = (label: string, path: Path, parse: (t: string) => unknown, extraHint?: string) => (
    <SettingField label={label} path={pathText(path)} problems={at(path)} locale={locale} s={s} extraHint={extraHint} {...hint(path)}>
      <DraftInput value={getIn(draft, path)} format={formatValue} parse={parse} onValue={(v) => set(path, v)} />
    </SettingField>
  );

  const select = (label: string, path: Path, options: Options) => (
    <SettingField label={label} path={pathText(path)} problems={at(path)} locale={locale} s={s} {...hint(path, options)}>
      <FitSelect value={String(getIn(draft, path) ?? "")} onChange={(_, d) => set(path, d.value)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </FitSelect>
    </SettingField>
  );

  const rows = (label: string, path: Path, columns: readonly RowColumn[], newRow: () => Record<string, unknown>, extra: { note?: string; stacked?: boolean } = {}) => {
    const list = getIn(draft, path);
    return (
      <RowsEditor
        label={label}
        path={path}
        rows={Array.isArray(list) ? (list as Record<string, unknown>[]) : []}
        columns={columns}
        newRow={newRow}
        onChange={(next) => set(path, next)}
        problems={at(path)}
        locale={locale}
        s={s}
        {...hint(path)}
        {...extra}
      />
    );
  };

  const rounding: Options = [
    ["floor", s.roundingFloor],
    ["round", s.roundingRound],
    ["ceil", s.roundingCeil],
  ];
  const ties: Options = [
    ["strict", s.tieStrict],
    ["all", s.tieAll],
    ["order", s.tieOrder],
  ];
  const missing: Options = [
    ["problem", s.missingProblem],
    ["reweight", s.missingReweight],
  ];
  const groups: Options = [
    ["township", s.groupTownship],
    ["branch", s.groupBranch],
    ["none", s.groupNone],
  ];
  const weightColumns = (nameLabel: string): RowColumn[] => [
    { key: "name", label: nameLabel, kind: "text", grow: 3 },
    { key: "weight", label: s.colWeight, kind: "number", grow: 1 },
  ];

  const itemsTotal = () => {
    const items = Array.isArray(draft.items) ? draft.items : [];
    const total = items.reduce((sum, it) => sum + (typeof it?.max === "number" ? it.max : 0), 0);
    return s.itemsTotal(items.length, String(roundHalfUp(total, 2)));
  };

  const content: Record<SectionId, { title: string; body: () => ReactNode }> = {
    basic: {
      title: s.secBasic,
      body: () => (
        <>
          {kindField}
          {input(s.fieldTitle, ["title"], (t) => t)}
        </>
      ),
    },
    items: {
      title: s.secItems,
      body: () => (
        <>
          {rows(
            s.fieldItems,
            ["items"],
            [
              { key: "name", label: s.colItem, kind: "text", grow: 4 },
              { key: "max", label: s.colMax, kind: "number", grow: 1 },
            ],
            () => ({ name: "", max: 5 }),
            { note: itemsTotal() },
          )}
          {/* Beside the items, as the stars are the 四诺 item's. */}
          {input(s.fieldFourPromiseStars, ["fourPromises", "starThresholds"], parseNumberList, s.listHint)}
        </>
      ),
    },
    deductions: {
      title: s.secDeductions,
      body: () => (
        <>
          {rows(
            s.fieldDeductions,
            ["deductions"],
            [
              { key: "name", label: s.colDeduction, kind: "text", grow: 3 },
              { key: "points", label: s.colPoints, kind: "number", grow: 1 },
              { key: "cap", label: s.colDeductionCap, kind: "optionalNumber", grow: 1 },
            ],
            () => ({ name: "", points: 1, cap: null }),
            { stacked: true },
          )}
          {input(s.fieldBonusCap, ["bonusCap"], parseNumber)}
        </>
      ),
    },
    composite: {
      title: s.secComposite,
      body: () => (
        <>
          {rows(s.fieldParts, ["parts"], weightColumns(s.colPart), () => ({ name: "", weight: 0 }))}
          {rows(s.fieldPeriods, ["periods"], weightColumns(s.colPeriod), () => ({ name: "", weight: 0 }))}
          {input(s.fieldClasses, ["classes"], parseNumberList, s.listHint)}
          {select(s.fieldMissingParts, ["missing", "parts"], missing)}
          {select(s.fieldMissingPeriods, ["missing", "periods"], missing)}
          {select(s.fieldMissingRaters, ["missing", "raters"], missing)}
        </>
      ),
    },
    grade: {
      title: s.secGrade,
      body: () => {
        const top = draft.grade?.topRatio;
        return (
          <>
            {input(s.fieldCutoffs, ["grade", "cutoffs"], parseNumberList, s.listHint)}
            {input(s.fieldLabels, ["grade", "labels"], parseTextList, s.listHint)}
            <SettingField label={s.fieldTopRatio} path="grade.topRatio" problems={at(["grade", "topRatio"])} locale={locale} s={s} {...hint(["grade", "topRatio"])}>
              <DraftInput value={top} format={formatValue} parse={parseRatio} onValue={(v) => set(["grade", "topRatio"], v)} disabled={top === null} placeholder="20%" />
            </SettingField>
            <Checkbox
              label={s.fieldNoQuota}
              checked={top === null}
              onChange={(_, d) => {
                // Unticking restores the kind's own share rather than leaving an empty ratio to fix.
                set(["grade", "topRatio"], d.checked ? null : (defaultScheme(kind).grade.topRatio ?? "20%"));
              }}
            />
            {select(s.fieldRounding, ["grade", "rounding"], rounding)}
            {input(s.fieldMinimum, ["grade", "minimum"], parseNumber)}
            {select(s.fieldTiePolicy, ["grade", "tiePolicy"], ties)}
            {select(s.fieldVeto, ["grade", "veto"], [
              ["noTop", s.vetoNoTop],
              ["fail", s.vetoFail],
            ])}
            {select(s.fieldGroupBy, ["grade", "groupBy"], groups)}
            {select(s.fieldRankScope, ["rank", "scope"], [
              ["township", s.rankTownship],
              ["county", s.rankCounty],
            ])}
          </>
        );
      },
    },
    stars: {
      title: s.secStars,
      body: () => (
        <>
          {input(s.fieldStarThresholds, ["stars", "thresholds"], parseNumberList, s.listHint)}
          {rows(
            s.fieldCategories,
            ["stars", "categories"],
            [
              { key: "name", label: s.colCategory, kind: "text", grow: 3 },
              { key: "cap", label: s.colCap, kind: "number", grow: 1 },
              { key: "aspects", label: s.colAspects, kind: "number", grow: 1 },
              { key: "aliases", label: s.colAliases, kind: "textList", grow: 3 },
            ],
            () => ({ name: "", aliases: [], cap: 10, aspects: 5 }),
            { stacked: true },
          )}
          {rows(
            s.fieldStarQuota,
            ["stars", "quota"],
            [
              { key: "cap", label: s.colQuotaCap, kind: "number" },
              { key: "threshold", label: s.colQuotaThreshold, kind: "number" },
              { key: "ratio", label: s.colQuotaRatio, kind: "ratio" },
            ],
            () => ({ cap: 10, threshold: 9, ratio: "30%" }),
          )}
          {select(s.fieldStarRounding, ["stars", "rounding"], rounding)}
          {select(s.fieldStarTiePolicy, ["stars", "tiePolicy"], ties)}
          {select(s.fieldStarGroupBy, ["stars", "groupBy"], groups)}
        </>
      ),
    },
    pay: {
      title: s.secPay,
      body: () => (
        <>
          {input(s.fieldBasicRatio, ["pay", "basicRatio"], parseRatio)}
          {input(s.fieldPool, ["pay", "pool"], parseNumber, s.poolHint)}
          {select(s.fieldPayMethod, ["pay", "method"], [
            ["coefficient", s.methodCoefficient],
            ["baseCoefficient", s.methodBaseCoefficient],
            ["score", s.methodScore],
          ])}
          {rows(
            s.fieldCoefficients,
            ["pay", "coefficients"],
            [
              { key: "grade", label: s.colGrade, kind: "text", grow: 2 },
              { key: "coefficient", label: s.colCoefficient, kind: "number", grow: 1 },
            ],
            () => ({ grade: "", coefficient: 1 }),
          )}
        </>
      ),
    },
    raters: {
      title: s.secRaters,
      body: () => rows(s.fieldRaters, ["raters"], weightColumns(s.colRater), () => ({ name: "", weight: 0 })),
    },
    ballot: {
      title: s.secBallot,
      body: () => (
        <>
          {input(s.fieldBallotThresholds, ["ballot", "thresholds"], parseTextList, s.listHint)}
          {input(s.fieldTurnout, ["ballot", "turnout"], parseRatio)}
          {input(s.fieldDropHigh, ["trim", "dropHigh"], parseNumber)}
          {input(s.fieldDropLow, ["trim", "dropLow"], parseNumber)}
          {input(s.fieldMinCount, ["trim", "minCount"], parseNumber)}
        </>
      ),
    },
    workflow: {
      title: s.secWorkflow,
      body: () => {
        const yesNo: Options = [
          ["", "—"],
          ["true", s.flagYes],
          ["false", s.flagNo],
        ];
        return (
          <>
            {input(s.fieldNoticeStart, ["notice", "start"], (t) => t)}
            {input(s.fieldNoticeDays, ["notice", "days"], parseNumber)}
            {input(s.fieldIssuer, ["notice", "issuer"], (t) => t)}
            {input(s.fieldObjectionsTo, ["notice", "objectionsTo"], (t) => t)}
            {input(s.fieldNoticePhone, ["notice", "phone"], (t) => t)}
            {rows(
              s.fieldNegativeList,
              ["negativeList"],
              [
                { key: "id", label: s.colNegId, kind: "text", grow: 1 },
                { key: "category", label: s.colNegCategory, kind: "choice", grow: 2, options: NEGATIVE_CATEGORIES.map((c) => [c, c] as const) },
                { key: "text", label: s.colNegText, kind: "text", grow: 4 },
                { key: "points", label: s.colNegPoints, kind: "optionalNumber", grow: 1 },
                { key: "pointsCap", label: s.colNegCap, kind: "optionalNumber", grow: 1 },
                { key: "removeStars", label: s.colNegStars, kind: "optionalNumber", grow: 1 },
                { key: "noTop", label: s.colNegNoTop, kind: "choice", grow: 1, options: yesNo },
                { key: "fail", label: s.colNegFail, kind: "choice", grow: 1, options: yesNo },
                { key: "yuan", label: s.colNegYuan, kind: "optionalNumber", grow: 1 },
              ],
              () => ({ id: "", category: NEGATIVE_CATEGORIES[0], text: "", points: 1 }),
              { stacked: true },
            )}
            {input(s.fieldCommendThreshold, ["starLists", "commendThreshold"], parseNumber)}
            {select(s.fieldReserve, ["starLists", "reserveCandidates"], yesNo.slice(1))}
            {input(s.fieldBackward, ["starLists", "backwardThreshold"], parseNumber)}
            {input(s.fieldMaxHelped, ["starLists", "maxHelped"], parseNumber)}
            {input(s.fieldPersonalId, ["personal", "idCard"], parseTextList, s.listHint)}
            {input(s.fieldPersonalPhone, ["personal", "phone"], parseTextList, s.listHint)}
            {input(s.fieldPersonalAddress, ["personal", "address"], parseTextList, s.listHint)}
          </>
        );
      },
    },
    ledger: {
      title: s.secLedger,
      body: () => (
        <>
          {rows(
            s.fieldDuties,
            ["ledger", "duties"],
            [
              { key: "name", label: s.colDuty, kind: "text", grow: 3 },
              { key: "events", label: s.colEvents, kind: "textList", grow: 3 },
              { key: "orgType", label: s.colOrgType, kind: "text", grow: 2 },
              {
                key: "period",
                label: s.colDutyPeriod,
                kind: "choice",
                grow: 1,
                options: [
                  ["week", s.periodWeek],
                  ["month", s.periodMonth],
                  ["quarter", s.periodQuarter],
                  ["half", s.periodHalf],
                  ["year", s.periodYear],
                ],
              },
              { key: "min", label: s.colMin, kind: "number", grow: 1 },
            ],
            () => ({ name: "", events: [], orgType: "", period: "year", min: 1 }),
            { stacked: true },
          )}
          {input(s.fieldQuorum, ["ledger", "quorum"], parseRatio)}
          {input(s.fieldMajority, ["ledger", "majority"], parseRatio)}
          {input(s.fieldTrainingPerMember, ["ledger", "trainingPerMember"], parseNumber)}
        </>
      ),
    },
    columns: {
      title: s.secColumns,
      body: () => {
        const headers = new Map(fieldsFor(draft).map((f) => [f.id, f.header]));
        const entries = Object.entries(draft.columns ?? {});
        return (
          <>
            <Caption1>{s.columnsIntro}</Caption1>
            {entries.map(([id, header]) => (
              <SettingField key={id} label={headers.get(id) ?? id} path={`columns.${id}`} problems={at(["columns", id])} locale={locale} s={s}>
                <div className={styles.header}>
                  <DraftInput className={styles.grow} value={header} format={formatValue} parse={(t) => t} onValue={(v) => set(["columns", id], v)} />
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={s.removeMapping(headers.get(id) ?? id)}
                    title={s.removeMapping(headers.get(id) ?? id)}
                    onClick={() => onChange({ ...draft, columns: Object.fromEntries(entries.filter(([k]) => k !== id)) })}
                  >
                    ✕
                  </Button>
                </div>
              </SettingField>
            ))}
          </>
        );
      },
    },
    targets: {
      title: s.secTargets,
      body: () => (
        <>
          {rows(
            s.fieldTargets,
            ["targets"],
            [
              { key: "name", label: s.colTarget, kind: "text", grow: 3 },
              { key: "ratio", label: s.colRatio, kind: "ratio", grow: 1 },
            ],
            () => ({ name: "", ratio: "60%" }),
          )}
          {/* Beside the targets, as the satisfaction target is what it measures, for the ledger and the five-good kind alike. */}
          {select(s.fieldSatisfaction, ["ledger", "satisfaction"], [
            ["share", s.satisfactionShare],
            ["mean", s.satisfactionMean],
          ])}
        </>
      ),
    },
  };

  const problemCount = (id: SectionId) => sectionPaths[id].reduce((n, p) => n + problemsAt(problems, p).length, 0);

  return (
    <Accordion multiple collapsible defaultOpenItems={sections.slice(0, 2)}>
      {sections.map((id) => {
        const n = problemCount(id);
        return (
          <AccordionItem key={id} value={id}>
            <AccordionHeader as="h3" size="medium">
              <span className={styles.header}>
                {content[id].title}
                {n > 0 && (
                  <Badge color="danger" size="small" aria-label={s.problemCount(n)}>
                    {n}
                  </Badge>
                )}
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>{content[id].body()}</AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}

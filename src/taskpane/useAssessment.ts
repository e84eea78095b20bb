// The task pane's state and what the user can do with it: one hook at the top, handed to the screens as props.
import { useCallback, useMemo, useRef, useState } from "react";
import type { Locale } from "../core/messages";
import { type Scheme, type SchemeKind } from "../core/scheme";
import { kindNames, schemeFromJson } from "../kinds/registry";
import { runAssessment, type RunOptions, type RunResult } from "../workbook/pipeline";
import type { Plan } from "../workbook/plan";
import { settingName } from "../workbook/setting-names";
import type { WorkbookData } from "../workbook/sheet";
import type { DrawReport, HostOps, Progress, WorkbookOverview } from "../excel/ops";
import { checkDraft, draftOfKind, type SchemeDraft } from "./model/draft";
import { drawLines, errorText, isAbort, partialOf } from "./model/outcome";
import { recognise, type Recognised } from "./model/recognise";
import { sourceOptions, usableSheets, usableTables, withFile, withoutFile, type SourceSettings } from "./model/sources";
import type { LinkSourcePlace } from "../core/link";
import type { Strings } from "./strings";

export type ScreenId = "start" | "templates" | "scheme" | "check" | "compute" | "reports" | "freeze";

export const screenIds: readonly ScreenId[] = ["start", "templates", "scheme", "check", "compute", "reports", "freeze"];

/** What is running; one thing at a time, so two writes never interleave in the workbook. */
export type Operation = "overview" | "recognise" | "insert" | "loadScheme" | "saveScheme" | "check" | "compute" | "draw" | "freeze";

export interface Notice {
  intent: "success" | "info" | "warning" | "error";
  text: string;
  lines?: string[];
  /** A screen the notice offers to open, e.g. the problems on 检查. */
  action?: ScreenId;
}

export interface AssessmentState {
  overview?: WorkbookOverview;
  /** undefined: not looked for yet; null: looked for and none found. */
  recognised?: Recognised | null;
  /** The scheme being edited (and used to check and compute); undefined until loaded or chosen. */
  draft?: SchemeDraft;
  /** The JSON of the scheme the workbook holds, to tell unsaved changes. */
  savedJson?: string;
  workbook?: WorkbookData;
  check?: RunResult;
  skipBadRows: boolean;
  /** The last computation, with its plan. */
  run?: RunResult;
  /** Cells drawing would overwrite, waiting for the user's answer. */
  pendingConflicts?: string[];
  /** What the last drawing wrote (all of it, or what it wrote before it failed). */
  drawn?: DrawReport;
  frozen?: string[];
  busy?: Operation;
  progress?: Progress;
  notices: Partial<Record<ScreenId, Notice>>;
  /** 取数来源: the other workbooks chosen and the sheet chosen for a source kind, given to every check and computation. */
  sources: SourceSettings;
  /** The files the last computation was given, to tell one it did not use. */
  ranWith?: string[];
  /** The file being read for 取数来源. */
  readingLinked?: string;
  /** What became of the last file chosen: apart from the compute notice, so a refused file loses nothing of the run. */
  linkedNotice?: Notice;
}

export interface Assessment {
  state: AssessmentState;
  /** Whether Excel's undo takes back a drawing in one step (ExcelApi 1.20); the compute screen says which before 计算. */
  drawIsOneUndoStep: boolean;
  /** What this Excel lacks of the add-in's features (an older requirement set), in the user's language; the start screen says it. */
  missingFeatures?: string;
  /** Whether the host reads another workbook a link takes values from (取数来源's file button). */
  readsLinked: boolean;
  refreshOverview(): Promise<void>;
  recogniseWorkbook(): Promise<void>;
  loadScheme(): Promise<void>;
  setDraft(draft: SchemeDraft, notice?: Notice): void;
  newDraft(kind: SchemeKind): void;
  saveScheme(): Promise<void>;
  importScheme(text: string, fileName: string): void;
  insertTemplate(kind: SchemeKind, title: string): Promise<void>;
  check(): Promise<void>;
  saveMapping(scheme: Scheme): Promise<void>;
  setSkipBadRows(skip: boolean): void;
  compute(): Promise<void>;
  confirmOverwrite(): Promise<void>;
  declineOverwrite(): void;
  cancel(): void;
  freeze(): Promise<void>;
  goTo(screen: ScreenId, sheet: string, row: number, col: number): Promise<void>;
  setNotice(screen: ScreenId, notice: Notice | undefined): void;
  /** Reads another workbook a link may take values from (the host's readLinked); refused when it holds nothing the kind reads. */
  addLinked(file: Blob, name: string, kind: SchemeKind): Promise<void>;
  removeLinked(name: string): void;
  /** The sheet to read a source kind from where several could be; undefined: the first found. */
  chooseSource(kind: SchemeKind, place: LinkSourcePlace | undefined): void;
}

/** Lets React paint the progress before a long synchronous step (the computation) starts. */
const paint = () => new Promise<void>((ok) => setTimeout(ok, 0));

export function useAssessment(ops: HostOps, s: Strings, locale: Locale): Assessment {
  const [state, setState] = useState<AssessmentState>({ skipBadRows: false, notices: {}, sources: { linked: [], chosen: {} } });
  // Async steps read the newest state, not the one of the render that started them.
  const latest = useRef(state);
  latest.current = state;
  const abort = useRef<AbortController | undefined>(undefined);
  // The guard against a second operation: a ref, because state reaches the next render only.
  const running = useRef(false);

  const patch = useCallback((p: Partial<AssessmentState> | ((st: AssessmentState) => Partial<AssessmentState>)) => {
    setState((st) => {
      const next = { ...st, ...(typeof p === "function" ? p(st) : p) };
      latest.current = next;
      return next;
    });
  }, []);

  const setNotice = useCallback((screen: ScreenId, notice: Notice | undefined) => patch((st) => ({ notices: { ...st.notices, [screen]: notice } })), [patch]);

  /** Runs one operation: busy while it runs, its screen's old notice cleared, any error shown there. */
  const task = useCallback(
    async (op: Operation, screen: ScreenId, body: () => Promise<void>) => {
      if (running.current) return;
      running.current = true;
      patch((st) => ({ busy: op, progress: undefined, notices: { ...st.notices, [screen]: undefined } }));
      try {
        await body();
      } catch (e) {
        setNotice(screen, { intent: "error", text: errorText(e, s, locale) });
      } finally {
        running.current = false;
        patch({ busy: undefined, progress: undefined });
      }
    },
    [patch, setNotice, s, locale],
  );

  const onProgress = useCallback((p: Progress) => patch({ progress: p }), [patch]);

  /** The pipeline, in the host's worker when it has one (the web page), else here. */
  const assess = useCallback(
    (workbook: WorkbookData, options: RunOptions, signal?: AbortSignal): Promise<RunResult> =>
      ops.assess ? ops.assess(workbook, options, onProgress, signal) : Promise.resolve(runAssessment(workbook, options)),
    [ops, onProgress],
  );

  const refreshOverview = useCallback(() => task("overview", "start", async () => patch({ overview: await ops.overview() })), [task, ops, patch]);

  const recogniseWorkbook = useCallback(
    () =>
      task("recognise", "start", async () => {
        const workbook = await ops.readWorkbook(onProgress);
        // The scheme says what to look for; the headers are a guess only when there is none.
        const draft = latest.current.draft;
        const scheme = draft ? checkDraft(draft).scheme : undefined;
        patch({ workbook, recognised: recognise(workbook, scheme) ?? null });
      }),
    [task, ops, onProgress, patch],
  );

  const loadScheme = useCallback(
    () =>
      task("loadScheme", "scheme", async () => {
        const scheme = await ops.loadScheme();
        patch(scheme ? { draft: scheme, savedJson: JSON.stringify(scheme) } : { savedJson: undefined });
      }),
    [task, ops, patch],
  );

  const setDraft = useCallback((draft: SchemeDraft, notice?: Notice) => patch((st) => ({ draft, notices: { ...st.notices, scheme: notice } })), [patch]);

  const newDraft = useCallback((kind: SchemeKind) => setDraft(draftOfKind(kind)), [setDraft]);

  const saveScheme = useCallback(
    () =>
      task("saveScheme", "scheme", async () => {
        const draft = latest.current.draft;
        if (!draft) return;
        const v = checkDraft(draft);
        if (!v.scheme) {
          setNotice("scheme", { intent: "error", text: s.problemsSummary(v.problems.length) });
          return;
        }
        const scheme = v.scheme;
        await ops.saveScheme(scheme);
        patch((st) => ({
          draft: scheme,
          savedJson: JSON.stringify(scheme),
          overview: st.overview ? { ...st.overview, schemeKind: scheme.kind, schemeTitle: scheme.title } : st.overview,
        }));
        setNotice("scheme", { intent: "success", text: s.saved });
      }),
    [task, ops, patch, setNotice, s],
  );

  const importScheme = useCallback(
    (text: string, fileName: string) => {
      const v = schemeFromJson(text);
      if (v.scheme) setDraft(v.scheme, { intent: "info", text: s.imported(fileName) });
      else
        setNotice("scheme", {
          intent: "error",
          text: s.importFailed(fileName),
          lines: v.problems.map((p) => `${p.path ? (locale === "zh-CN" ? settingName(p.path) : p.path) + (locale === "zh-CN" ? "：" : ": ") : ""}${locale === "zh-CN" ? p.zh : p.en}`),
        });
    },
    [setDraft, setNotice, s, locale],
  );

  const insertTemplate = useCallback(
    (kind: SchemeKind, title: string) =>
      task("insert", "templates", async () => {
        await ops.insertTemplate(kind);
        setNotice("templates", { intent: "success", text: s.inserted(title) });
        patch({ recognised: undefined, workbook: undefined });
        // The overview is a courtesy after a successful insert: its failure is said on the start screen.
        ops.overview().then(
          (overview) => patch({ overview }),
          (e) => setNotice("start", { intent: "error", text: errorText(e, s, locale) }),
        );
      }),
    [task, ops, setNotice, patch, s, locale],
  );

  /**
   * Checks a workbook already read; a scheme recognised from the data becomes the draft, unsaved.
   * Returns false when the draft is invalid and nothing was checked.
   */
  const runCheck = useCallback(
    async (workbook: WorkbookData, options: { scheme?: Scheme; skipBadRows?: boolean } = {}): Promise<boolean> => {
      const st = latest.current;
      let scheme = options.scheme;
      if (!scheme && st.draft) {
        const v = checkDraft(st.draft);
        if (!v.scheme) {
          setNotice("check", { intent: "error", text: s.draftInvalid, action: "scheme" });
          return false;
        }
        scheme = v.scheme;
      }
      const result = await assess(workbook, { scheme, skipBadRows: options.skipBadRows ?? st.skipBadRows, ...sourceOptions(st.sources) });
      const adopted = !scheme && result.table !== undefined && result.status !== "badScheme";
      patch({ check: result, workbook, ...(adopted ? { draft: result.scheme } : {}) });
      if (adopted && !st.savedJson) setNotice("scheme", { intent: "info", text: s.schemeAdopted(kindNames[result.scheme.kind][locale === "zh-CN" ? "zh" : "en"]) });
      return true;
    },
    [patch, setNotice, s, locale, assess],
  );

  const check = useCallback(
    () =>
      task("check", "check", async () => {
        const workbook = await ops.readWorkbook(onProgress);
        patch({ progress: { stage: s.stageCompute, done: 0, total: 1 } });
        await paint();
        await runCheck(workbook);
      }),
    [task, ops, onProgress, patch, runCheck, s],
  );

  const saveMapping = useCallback(
    (scheme: Scheme) =>
      task("saveScheme", "check", async () => {
        const v = checkDraft(scheme);
        if (!v.scheme) {
          setNotice("check", { intent: "error", text: s.draftInvalid, action: "scheme" });
          return;
        }
        await ops.saveScheme(v.scheme);
        patch({ draft: v.scheme, savedJson: JSON.stringify(v.scheme) });
        const workbook = latest.current.workbook;
        if (!workbook || (await runCheck(workbook, { scheme: v.scheme }))) setNotice("check", { intent: "success", text: s.mappingSaved });
      }),
    [task, ops, patch, runCheck, setNotice, s],
  );

  const setSkipBadRows = useCallback(
    (skip: boolean) => {
      patch({ skipBadRows: skip });
      const { workbook, check: last } = latest.current;
      // The list of problems changes with the option: check again on the data already read.
      if (workbook && last && (last.status === "problems" || last.status === "ok")) void task("check", "check", async () => void (await runCheck(workbook, { skipBadRows: skip })));
    },
    [patch, runCheck, task],
  );

  const draw = useCallback(
    (plan: Plan) =>
      task("draw", "compute", async () => {
        const controller = new AbortController();
        abort.current = controller;
        patch({ progress: { stage: s.stageDraw, done: 0, total: 1 }, drawn: undefined, frozen: undefined });
        try {
          const report = await ops.drawPlan(plan, onProgress, controller.signal);
          patch({ drawn: report });
          // A kept formula that disagrees with the computation is a warning: two numbers for one assessment.
          const differing = report.differing ?? 0;
          setNotice("compute", { intent: differing > 0 ? "warning" : "success", text: differing > 0 ? s.computeDoneDiffers(differing) : s.computeDone, lines: drawLines(report, s, locale), action: "reports" });
        } catch (e) {
          const partial = partialOf(e);
          if (partial) patch({ drawn: partial });
          const lines = partial ? drawLines(partial, s, locale) : [];
          if (isAbort(e, controller.signal)) setNotice("compute", { intent: "warning", text: s.cancelled, lines: partial ? lines : [s.notWritten] });
          else setNotice("compute", { intent: "error", text: `${s.computeFailed}${locale === "zh-CN" ? "" : " "}${errorText(e, s, locale)}`, lines });
        } finally {
          abort.current = undefined;
        }
      }),
    [task, ops, onProgress, patch, setNotice, s, locale],
  );

  const compute = useCallback(async () => {
    let plan: Plan | undefined;
    await task("compute", "compute", async () => {
      const controller = new AbortController();
      abort.current = controller;
      try {
        const st = latest.current;
        let scheme: Scheme | undefined;
        if (st.draft) {
          const v = checkDraft(st.draft);
          if (!v.scheme) {
            setNotice("compute", { intent: "error", text: s.computeBlockedScheme, lines: [s.draftInvalid], action: "scheme" });
            return;
          }
          scheme = v.scheme;
        }
        patch({ progress: { stage: s.stageRead, done: 0, total: 1 }, pendingConflicts: undefined });
        const workbook = await ops.readWorkbook(onProgress);
        if (controller.signal.aborted) return setNotice("compute", { intent: "warning", text: s.cancelled, lines: [s.notWritten] });
        patch({ workbook, progress: { stage: s.stageCompute, done: 0, total: 1 } });
        await paint();
        let result: RunResult;
        const sources = latest.current.sources;
        try {
          result = await assess(workbook, { scheme, skipBadRows: latest.current.skipBadRows, ...sourceOptions(sources) }, controller.signal);
        } catch (e) {
          // A worker stopped by Cancel: nothing was computed, nothing written.
          if (isAbort(e, controller.signal)) return setNotice("compute", { intent: "warning", text: s.cancelled, lines: [s.notWritten] });
          throw e;
        }
        patch({ run: result, check: result, ranWith: sources.linked.map((l) => l.name), ...(scheme || !result.table ? {} : { draft: result.scheme }) });
        if (result.status !== "ok" || !result.plan) {
          const text = result.status === "problems" ? s.computeBlockedProblems(result.problems.length) : result.status === "badScheme" ? s.computeBlockedScheme : s.computeBlockedNoTable;
          setNotice("compute", { intent: "error", text, action: result.status === "badScheme" ? "scheme" : "check" });
          return;
        }
        if (controller.signal.aborted) return setNotice("compute", { intent: "warning", text: s.cancelled, lines: [s.notWritten] });
        patch({ progress: { stage: s.stageConflicts, done: 0, total: 1 } });
        const conflicts = await ops.conflicts(result.plan);
        if (controller.signal.aborted) return setNotice("compute", { intent: "warning", text: s.cancelled, lines: [s.notWritten] });
        if (conflicts.length > 0) patch({ pendingConflicts: conflicts });
        else plan = result.plan;
      } finally {
        abort.current = undefined;
      }
    });
    // Drawing is its own operation, so the overwrite question can come in between.
    if (plan) await draw(plan);
  }, [task, ops, onProgress, patch, setNotice, draw, s, assess]);

  const confirmOverwrite = useCallback(async () => {
    const plan = latest.current.run?.plan;
    patch({ pendingConflicts: undefined });
    if (plan) await draw(plan);
  }, [patch, draw]);

  const declineOverwrite = useCallback(() => {
    patch({ pendingConflicts: undefined });
    setNotice("compute", { intent: "info", text: s.notWritten });
  }, [patch, setNotice, s]);

  const cancel = useCallback(() => abort.current?.abort(), []);

  const freeze = useCallback(
    () =>
      task("freeze", "freeze", async () => {
        const plan = latest.current.run?.plan;
        if (!plan) return;
        const frozen = await ops.freezeReports(plan);
        patch({ frozen });
        setNotice("freeze", { intent: "success", text: s.frozen(frozen.length) });
      }),
    [task, ops, patch, setNotice, s],
  );

  const goTo = useCallback(
    async (screen: ScreenId, sheet: string, row: number, col: number) => {
      try {
        await ops.selectCell(sheet, row, col);
      } catch (e) {
        setNotice(screen, { intent: "error", text: errorText(e, s, locale) });
      }
    },
    [ops, setNotice, s, locale],
  );

  const addLinked = useCallback(
    async (file: Blob, name: string, kind: SchemeKind) => {
      if (!ops.readLinked || latest.current.readingLinked) return;
      patch({ readingLinked: name, linkedNotice: undefined });
      try {
        const linked = { name, workbook: await ops.readLinked(file, name) };
        const sheets = usableSheets(kind, linked);
        const join = locale === "zh-CN" ? "、" : ", ";
        if (sheets.length === 0) patch({ linkedNotice: { intent: "error", text: s.linkedNoTable(name, usableTables(kind, locale).join(join)), lines: [s.linkedNotAdded(name)] } });
        else patch((st) => ({ sources: withFile(st.sources, linked), linkedNotice: { intent: "success", text: s.linkedAdded(name, sheets.join(join)) } }));
      } catch (e) {
        patch({ linkedNotice: { intent: "error", text: errorText(e, s, locale), lines: [s.linkedNotAdded(name)] } });
      } finally {
        patch({ readingLinked: undefined });
      }
    },
    [ops, patch, s, locale],
  );

  const removeLinked = useCallback((name: string) => patch((st) => ({ sources: withoutFile(st.sources, name), linkedNotice: undefined })), [patch]);

  const chooseSource = useCallback(
    (kind: SchemeKind, place: LinkSourcePlace | undefined) =>
      patch((st) => {
        const chosen = { ...st.sources.chosen };
        if (place) chosen[kind] = place;
        else delete chosen[kind];
        return { sources: { ...st.sources, chosen } };
      }),
    [patch],
  );

  // Asked once: the host's API sets do not change while the pane is open.
  const drawIsOneUndoStep = useMemo(() => ops.drawIsOneUndoStep?.() ?? false, [ops]);
  const missingFeatures = useMemo(() => ops.missingFeatures?.(), [ops]);

  return useMemo(
    () => ({
      state,
      drawIsOneUndoStep,
      missingFeatures,
      readsLinked: ops.readLinked !== undefined,
      refreshOverview,
      recogniseWorkbook,
      loadScheme,
      setDraft,
      newDraft,
      saveScheme,
      importScheme,
      insertTemplate,
      check,
      saveMapping,
      setSkipBadRows,
      compute,
      confirmOverwrite,
      declineOverwrite,
      cancel,
      freeze,
      goTo,
      setNotice,
      addLinked,
      removeLinked,
      chooseSource,
    }),
    [state, drawIsOneUndoStep, missingFeatures, ops, refreshOverview, recogniseWorkbook, loadScheme, setDraft, newDraft, saveScheme, importScheme, insertTemplate, check, saveMapping, setSkipBadRows, compute, confirmOverwrite, declineOverwrite, cancel, freeze, goTo, setNotice, addLinked, removeLinked, chooseSource],
  );
}

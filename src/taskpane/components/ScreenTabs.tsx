// The row of step tabs and the panel showing the chosen step, shared by the task pane and the web page, which differ only in their steps.
import { Tab, TabList } from "@fluentui/react-components";
import { forwardRef, type ReactNode } from "react";
import type { Strings } from "../strings";
import type { ScreenId } from "../useAssessment";
import { ScreenBoundary } from "./ScreenBoundary";

/** A step's name on its tab. */
const tabLabel = (id: ScreenId, s: Strings): string =>
  ({ start: s.tabStart, templates: s.tabTemplates, scheme: s.tabScheme, check: s.tabCheck, compute: s.tabCompute, reports: s.tabReports, freeze: s.tabFreeze })[id];

export function ScreenTabs<T extends ScreenId>({ ids, tab, onTab, s, className }: { ids: readonly T[]; tab: T; onTab: (id: T) => void; s: Strings; className?: string }) {
  return (
    <TabList className={className} size="small" selectedValue={tab} onTabSelect={(_, d) => onTab(d.value as T)} aria-label={s.tabsLabel}>
      {ids.map((id) => (
        <Tab key={id} id={`tab-${id}`} value={id} aria-controls="screen-panel">
          {tabLabel(id, s)}
        </Tab>
      ))}
    </TabList>
  );
}

/** The chosen step's screen, labelled by its tab; a screen that throws shows what happened instead of a blank pane. */
export const ScreenPanel = forwardRef<HTMLDivElement, { tab: ScreenId; s: Strings; className?: string; children: ReactNode }>(function ScreenPanel({ tab, s, className, children }, ref) {
  return (
    <div ref={ref} id="screen-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={-1} className={className}>
      <ScreenBoundary key={tab} s={s}>
        {children}
      </ScreenBoundary>
    </div>
  );
});

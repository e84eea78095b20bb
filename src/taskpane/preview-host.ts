// The host of the browser preview and of a pane whose Excel module is missing: every workbook operation fails with a message the user can read.
import { HostError, type HostOps } from "../excel/ops";

/** Host operations that all refuse with `message` (already in the user's language). */
export function refusingHost(message: string): HostOps {
  const refuse = () => Promise.reject(new HostError(message));
  return {
    overview: refuse,
    readWorkbook: refuse,
    loadScheme: refuse,
    saveScheme: refuse,
    insertTemplate: refuse,
    selectCell: refuse,
    conflicts: refuse,
    drawPlan: refuse,
    freezeReports: refuse,
  };
}

// The sample county's messy member return as a file, written as an office would send it, for the page's tests and benchmark.
import { join } from "node:path";
import { writeTemplate } from "../../src/cli/xlsx-template";
import { sampleCounty, type MessEntry } from "../../src/kinds/sample-county";
import type { SchemeKind } from "../../src/core/scheme";

export interface CountyFile {
  path: string;
  fileName: string;
  rows: number;
  /** The problems the check must list: the mess it was given that stops a row. */
  problems: MessEntry[];
}

/** Writes the sample county's return of one kind, with its documented mess, into `dir`. */
export async function messyReturn(dir: string, kind: SchemeKind = "member"): Promise<CountyFile> {
  const county = sampleCounty({ mess: true });
  const f = county.files[kind];
  const path = join(dir, f.fileName);
  await writeTemplate(f.spec, path, f);
  const sheet = f.spec.sheets[0].name;
  const problems = county.mess.filter((m) => m.sheet === sheet && (m.what === "absentWord" || m.what === "duplicateId" || m.what === "badDate"));
  return { path, fileName: f.fileName, rows: f.rows.length, problems };
}

// The standard templates the page offers, carried in the worker's script as the tracked templates/ files are (the same bytes kaohe template writes).
import type { SchemeKind } from "../core/scheme";
import { standardTemplates } from "../workbook/template-spec";
import appraisal from "../../templates/appraisal.xlsx";
import cadre from "../../templates/cadre.xlsx";
import fiveGood from "../../templates/fiveGood.xlsx";
import ledger from "../../templates/ledger.xlsx";
import member from "../../templates/member.xlsx";
import secretary from "../../templates/secretary.xlsx";
import type { Template } from "./protocol";

const dataUrls: Record<SchemeKind, string> = { appraisal, cadre, fiveGood, ledger, member, secretary };

/** The bytes of a data: URL's base64 body. */
function decode(dataUrl: string): ArrayBuffer {
  const text = atob(dataUrl.slice(dataUrl.indexOf(",") + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}

export function blankTemplate(kind: SchemeKind): Template {
  const spec = standardTemplates().find((t) => t.kind === kind);
  if (!spec) throw new Error(`no standard template of kind ${kind}`);
  return { bytes: decode(dataUrls[kind]), fileName: spec.fileName };
}

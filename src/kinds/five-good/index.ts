// "Five good" Party organisations: five criteria per organisation against the county's targets.
import type { Scheme } from "../../core/scheme";
import type { Kind } from "../kind";
import { fiveGoodRules } from "./assess";
import { fiveGoodFields } from "./fields";
import { fiveGoodNotes, fiveGoodSheet } from "./template";
import { ratingFields, SATISFACTION_SHEET } from "../ledger/satisfaction-sheet";

/** The county's targets (the county's rural Party-building measures), which the ledger checks too. */
export function countyTargets(base: Scheme): void {
  base.targets = [
    { name: "“五好”乡镇党委和村党组织", ratio: "65%" },
    { name: "基层群众满意度", ratio: "65%" },
    { name: "农村党员“五带头”", ratio: "60%" },
  ];
}

export const fiveGood: Kind = {
  id: "fiveGood",
  names: { zh: "党组织“五好”评定", en: "\"Five good\" Party organisations" },
  words: ["fivegood", "五好", "五好评定"],
  sheetName: "五好评定",
  template: { title: "党组织“五好”评定表", file: "党组织五好评定" },
  defaults: countyTargets,
  fields: fiveGoodFields,
  // The units' satisfaction ratings, counted for the county's satisfaction target (ledger.satisfaction).
  secondTables: [{ sheet: SATISFACTION_SHEET, fields: ratingFields, merged: true }],
  rules: fiveGoodRules,
  sheet: fiveGoodSheet,
  notes: fiveGoodNotes,
  sections: ["basic", "targets"],
};

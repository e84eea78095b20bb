// The ledger of organisational life: meetings, talks, trainings and visits counted against each organisation's duties.
import type { Kind } from "../kind";
import { countyTargets } from "../five-good";
import { ledgerRules } from "./assess";
import { LEDGER_SHEET, ledgerFields, ORGANISATION_SHEET, organisationFields } from "./fields";
import { ledgerNotes, ledgerSheet } from "./template";
import { CONTACT_SHEET, contactFields } from "./contact-points";
import { ratingFields, SATISFACTION_SHEET } from "./satisfaction-sheet";

export const ledger: Kind = {
  id: "ledger",
  names: { zh: "组织生活台账", en: "Ledger of organisational life" },
  words: ["台账", "组织生活", "组织生活台账"],
  sheetName: LEDGER_SHEET,
  template: { title: "组织生活台账", file: "组织生活台账" },
  defaults: countyTargets,
  fields: () => [...ledgerFields],
  reads: ["fiveGood"],
  secondTables: [
    { sheet: ORGANISATION_SHEET, fields: organisationFields, merged: true, mapped: true },
    { sheet: CONTACT_SHEET, fields: contactFields, merged: true, linked: true },
    { sheet: SATISFACTION_SHEET, fields: ratingFields, merged: true, linked: true },
  ],
  rules: ledgerRules,
  sheet: ledgerSheet,
  notes: ledgerNotes,
  sections: ["basic", "ledger", "targets"],
};

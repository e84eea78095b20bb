// The village Party secretary's standard scheme: the 20 quantified items and the settings only secretaries use.
import type { ItemDef, Scheme } from "../../core/scheme";

/** The village secretary's 20 quantified items (the Beidaihe rural Party-building responsibility measures: "20 items, each quantified"), maxima summing to 100. */
export const SECRETARY_ITEMS: readonly ItemDef[] = [
  { name: "党建工作责任制落实", max: 5 },
  { name: "“三会一课”制度执行", max: 6 },
  { name: "主题党日活动", max: 4 },
  { name: "党员发展", max: 5 },
  { name: "党员教育培训", max: 5 },
  { name: "流动党员管理", max: 4 },
  { name: "党费收缴", max: 4 },
  { name: "村级组织阵地建设", max: 5 },
  { name: "“四议两公开”落实", max: 6 },
  { name: "村务公开", max: 5 },
  { name: "村集体经济发展", max: 8 },
  { name: "为民服务代办", max: 5 },
  { name: "信访维稳", max: 5 },
  { name: "矛盾纠纷排查化解", max: 5 },
  { name: "党风廉政建设", max: 5 },
  { name: "后备干部培养", max: 4 },
  { name: "软弱涣散整顿", max: 4 },
  { name: "乡村振兴重点任务", max: 6 },
  { name: "台账资料规范", max: 4 },
  { name: "“四诺”承诺践诺", max: 5 },
];

/** The secretary's own defaults: items, deductions, the half-year and annual tests, results and ballot. */
export function secretaryDefaults(base: Scheme): void {
  base.items = SECRETARY_ITEMS.map((i) => ({ ...i }));
  base.deductions = [
    { name: "无故缺席会议", points: 2, cap: 10 },
    { name: "工作任务逾期未完成", points: 1, cap: 10 },
    { name: "台账资料弄虚作假", points: 5, cap: null },
  ];
  base.bonusCap = 5;
  base.periods = [
    { name: "半年考核", weight: 0.4 },
    { name: "年度考核", weight: 0.6 },
  ];
  base.parts = [
    { name: "量化考核", weight: 0.7 },
    { name: "民主测评", weight: 0.3 },
  ];
  base.pay.basicRatio = "60%";
  // A secretary not put to the ballot, or without a half-year test, is scored on the rest, and 说明 and 审计 say so.
  base.missing = { ...base.missing, parts: "reweight", periods: "reweight" };
}

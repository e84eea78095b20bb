// The Chinese name of every setting of a scheme, as the 考核方案 sheet and the messages show it.

const names: Record<string, string> = {
  version: "方案版本",
  kind: "考核类型",
  title: "考核名称",
  items: "指标",
  deductions: "扣分项",
  bonusCap: "加分封顶",
  periods: "考核期",
  parts: "综合构成",
  raters: "评议人组",
  trim: "去极值",
  ballot: "得票评定",
  grade: "等次",
  stars: "星级",
  pay: "工资",
  classes: "分类比例",
  rank: "排名",
  scope: "范围",
  targets: "目标",
  columns: "列对应",
  name: "名称",
  max: "分值",
  points: "每次扣分",
  cap: "上限",
  weight: "权重",
  dropHigh: "去掉最高分个数",
  dropLow: "去掉最低分个数",
  minCount: "去极值最少人数",
  thresholds: "门槛",
  turnout: "参评率",
  cutoffs: "分数线",
  labels: "等次名称",
  topRatio: "最高等次比例",
  rounding: "取整方式",
  minimum: "最少名额",
  tiePolicy: "并列处理",
  veto: "一票否决",
  groupBy: "分组",
  aspects: "方面",
  categories: "党员类别",
  aliases: "别名",
  quota: "比例限制",
  threshold: "星数门槛",
  ratio: "比例",
  basicRatio: "基本工资比例",
  method: "分配方式",
  coefficients: "系数",
  coefficient: "系数",
  unit: "金额单位",
  pool: "绩效工资池",
  missing: "缺项处理",
  ledger: "组织生活",
  duties: "应开展事项",
  events: "计入的活动类型",
  orgType: "适用组织",
  period: "周期",
  min: "每期至少次数",
  quorum: "会议到会比例",
  majority: "人事决定同意比例",
  trainingPerMember: "每名党员每年培训经费（元）",
};

/** "grade.cutoffs[1]" → "等次 分数线 2". */
export function settingName(path: string): string {
  return path
    .split(".")
    .map((seg) => {
      const m = /^([^[]+)((?:\[\d+\])*)$/.exec(seg);
      if (!m) return seg;
      const idx = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => String(Number(x[1]) + 1));
      // Only the table's own names: a crafted key such as "__proto__" is shown as written.
      return [Object.hasOwn(names, m[1]) ? names[m[1]] : m[1], ...idx].join(" ");
    })
    .join(" ");
}


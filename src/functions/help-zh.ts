// Chinese help for every KAOHE function: the zh-CN functions JSON is built from functions.json and this table.

export interface ZhHelp {
  /** What the function does, with an example formula. */
  description: string;
  /** Help for each argument, keyed by the argument's name in functions.ts, each with an example. */
  params: Record<string, string>;
}

/** Keyed by the function id (the name after KAOHE.). */
export const helpZh: Record<string, ZhHelp> = {
  QUORUM: {
    description: "人数达到规定比例时返回 TRUE，精确比较（三分之二不会有浮点误差）。例：=KAOHE.QUORUM(8, 12) 为 TRUE",
    params: {
      count: "到会或赞成人数（整数）。例：8",
      total: "应到总人数（整数）。例：12",
      ratio: "要求的比例，如 2/3、0.8、\"4/5\"、\"80%\"；省略为 2/3。例：4/5",
    },
  },
  // ---- ranking ----
  // (end ranking)
  // ---- scores ----
  // (end scores)
  // ---- quotas, stars and money ----
  // (end quotas)
};

// Times as a county office reads them: Beijing time (China has one zone), written with the zone's name.

/** China's one time zone, whatever the zone of the computer or server that runs the program. */
export const CHINA_TIME_ZONE = "Asia/Shanghai";

// One formatter for all calls: building one is far slower than using it. h23, so midnight is 00, not 24.
const parts = new Intl.DateTimeFormat("en-US", {
  timeZone: CHINA_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function fields(d: Date): Record<string, string> {
  return Object.fromEntries(parts.formatToParts(d).map((p) => [p.type, p.value]));
}

/** The day in Beijing: "2026-11-26" for 2026-11-25T21:56Z. */
export function chinaDate(d: Date): string {
  const f = fields(d);
  return `${f.year}-${f.month}-${f.day}`;
}

/** The time in Beijing with its zone: "2026-11-26 05:56（北京时间）" for 2026-11-25T21:56:58Z. */
export function chinaTime(d: Date): string {
  const f = fields(d);
  return `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}（北京时间）`;
}

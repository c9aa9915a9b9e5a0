// npm run kb:check [dir] [--max-age-months=N] [--today=YYYY-MM-DD]: validates the knowledge files and reports
// every problem as file:line: message (exit 1); on valid files, the warnings (current facts older than N months,
// default 12, and sources without a url) and a one-line summary (exit 0).
import { DEFAULT_MAX_AGE_MONTHS } from "../knowledge/freshness.js";
import { loadKnowledge } from "../knowledge/load.js";
import { formatProblem } from "../knowledge/problems.js";
import { isoDate } from "../knowledge/schema.js";
import { summarizeKnowledge } from "../knowledge/summary.js";
import { defaultKnowledgeDir } from "../paths.js";

const REFRESH_HINT =
  "Cách xử lý cảnh báo: thêm số liệu, người giữ chức hoặc nguồn mới hơn (có ngày và url); nếu đã tìm mà chưa có gì mới, ghi checked: <ngày kiểm tra> vào mục đó; nguồn thiếu url thì thêm url nếu tìm được (xem README, phần quản trị).";
const USAGE = "Cách dùng: npm run kb:check -- [thư mục] [--max-age-months=12] [--today=YYYY-MM-DD]";

function parseArguments(args: readonly string[]): { directory?: string; maxAgeMonths: number; today: Date } | string {
  let directory: string | undefined;
  let maxAgeMonths = DEFAULT_MAX_AGE_MONTHS;
  let today = new Date();
  for (const arg of args) {
    const [flag, value = ""] = arg.split("=", 2) as [string, string?];
    if (flag === "--max-age-months") {
      if (!/^\d{1,3}$/.test(value) || Number(value) === 0) return `--max-age-months cần một số tháng (1–999). ${USAGE}`;
      maxAgeMonths = Number(value);
    } else if (flag === "--today") {
      if (!isoDate.safeParse(value).success) return `--today cần một ngày dạng YYYY-MM-DD. ${USAGE}`;
      today = new Date(`${value}T00:00:00Z`);
    } else if (arg.startsWith("--") || directory !== undefined) {
      return `Không hiểu "${arg}". ${USAGE}`;
    } else {
      directory = arg;
    }
  }
  return { ...(directory !== undefined ? { directory } : {}), maxAgeMonths, today };
}

const parsed = parseArguments(process.argv.slice(2));
if (typeof parsed === "string") {
  console.error(parsed);
  process.exit(1);
}
const directory = parsed.directory ?? process.env.KNOWLEDGE_DIR ?? defaultKnowledgeDir();

try {
  const result = await loadKnowledge(directory, { freshness: { today: parsed.today, maxAgeMonths: parsed.maxAgeMonths } });
  if (result.ok) {
    for (const warning of result.warnings) console.log(formatProblem(warning));
    if (result.warnings.length > 0) console.log(REFRESH_HINT);
    const warnings = result.warnings.length > 0 ? `; ${result.warnings.length} cảnh báo cần xem lại (ở trên)` : "; không có cảnh báo";
    console.log(`Tri thức hợp lệ: ${summarizeKnowledge(result.knowledge)}${warnings}.`);
  } else {
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.error(`${result.problems.length} lỗi, hãy sửa rồi chạy lại npm run kb:check.`);
    process.exitCode = 1;
  }
} catch (error) {
  // Never a stack trace for admins: say what failed in one line.
  console.error(`Không kiểm tra được tri thức: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

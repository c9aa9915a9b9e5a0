// npm run kb:export: the measurements admins recorded with /capnhat, as YAML to paste into knowledge/, so the
// files stay the source of truth. Reads DATA_DIR/db.json without writing it (the bot may be running).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { loadDotEnv, readConfig } from "../config.js";
import { runtimeSource } from "../knowledge/runtime.js";
import { upgrade } from "../store/schema.js";
import { DB_FILE } from "../store/store.js";

loadDotEnv();
const file = path.join(readConfig().dataDir, DB_FILE);
let measurements;
try {
  measurements = upgrade(JSON.parse(await readFile(file, "utf8"))).data.measurements;
} catch (error) {
  const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "chưa có tệp" : "tệp không đọc được";
  console.error(`Không xuất được: ${file} ${reason}.`);
  process.exit(1);
}
if (measurements.length === 0) {
  console.log("# Chưa có số liệu nào do quản trị viên cập nhật.");
  process.exit(0);
}

// As citizens see them now; who recorded a figure stays out of the files (they are public).
const sources = measurements.map((m) => runtimeSource(`admin-${m.id}`, m));
const byIndicator = new Map<string, unknown[]>();
for (const m of measurements) {
  const list = byIndicator.get(m.indicator) ?? [];
  list.push({ period: m.period, value: m.value, scope: m.scope, source: `admin-${m.id}` });
  byIndicator.set(m.indicator, list);
}

console.log("# 1) Thêm vào cuối knowledge/sources.yaml, sửa title/publisher cho đúng nguồn công khai thật và thêm url (kb:check báo lỗi cho tới khi sửa):");
console.log(stringify(sources).trimEnd());
for (const [indicator, list] of byIndicator) {
  console.log(`\n# 2) knowledge/indicators.yaml → chỉ tiêu "${indicator}" → thêm vào measurements:`);
  console.log(stringify(list).trimEnd());
}
console.log("\n# 3) Chạy npm run kb:check, rồi /xoa các mã tương ứng để số liệu chỉ còn trong tệp.");

// What admins are told about the knowledge being served: at start when the files are invalid (an older copy or
// the maintenance reply is served), when a reload fails, and when the files are valid again — in chat, in
// Vietnamese, with the file:line list. A watched folder is reloaded on every save; the same problems are told
// once, however often an editor saves.
import type { Assistant, KnowledgeStatus } from "../assistant.js";
import { formatProblem, type KnowledgeProblem } from "../knowledge/problems.js";
import type { Knowledge } from "../knowledge/schema.js";
import { summarizeKnowledge } from "../knowledge/summary.js";
import { watchKnowledge } from "../knowledge/watch.js";
import type { Logger } from "../logger.js";

/** More than this in one message hides the first ones; kb:check lists them all. */
const MAX_PROBLEM_LINES = 15;
const VIETNAM = "Asia/Ho_Chi_Minh";
const HOW_TO_FIX = "Hãy sửa các lỗi sau; khi tệp được lưu, trợ lý tự nạp lại (hoặc gõ /reload):";

function problemList(problems: readonly KnowledgeProblem[]): string[] {
  const lines = problems.slice(0, MAX_PROBLEM_LINES).map(formatProblem);
  const more = problems.length - MAX_PROBLEM_LINES;
  return more > 0 ? [...lines, `… và ${more} lỗi nữa (npm run kb:check)`] : lines;
}

function describeCopy(knowledge: Knowledge): string {
  const at = new Date(knowledge.loadedAt);
  const time = at.toLocaleTimeString("vi-VN", { timeZone: VIETNAM, hour: "2-digit", minute: "2-digit" });
  const date = at.toLocaleDateString("vi-VN", { timeZone: VIETNAM, day: "numeric", month: "numeric", year: "numeric" });
  return `phiên bản ${knowledge.version}, nạp lúc ${time} ngày ${date}`;
}

/** The notice for a status that is not "files"; undefined when the files are being served. */
export function knowledgeAlert(status: KnowledgeStatus, knowledge: Knowledge, moment: "start" | "reload"): string | undefined {
  if (status.serving === "files") return undefined;
  const headline =
    moment === "start"
      ? status.serving === "older-copy"
        ? `⚠️ Khi khởi động, các tệp tri thức có lỗi nên trợ lý đang trả lời bằng bản hợp lệ gần nhất (${describeCopy(knowledge)}).`
        : "⚠️ Khi khởi động, các tệp tri thức có lỗi và chưa có bản hợp lệ nào được lưu, nên trợ lý đang trả lời mọi câu hỏi là đang bảo trì tri thức."
      : status.serving === "older-copy"
        ? "⚠️ Các tệp tri thức mới có lỗi nên trợ lý vẫn trả lời bằng bản cũ."
        : "⚠️ Các tệp tri thức vẫn còn lỗi nên trợ lý vẫn đang bảo trì tri thức.";
  return [headline, HOW_TO_FIX, ...problemList(status.problems)].join("\n");
}

export function reloadedNotice(knowledge: Knowledge): string {
  return `✅ Đã nạp lại tri thức: ${summarizeKnowledge(knowledge)}.`;
}

export interface KnowledgeAlertsOptions {
  readonly assistant: Assistant;
  readonly knowledgeDir: string;
  /** Sends a notice to every admin. */
  readonly tellAdmins: (text: string) => void;
  readonly logger?: Logger;
}

export class KnowledgeAlerts {
  /** The last alert told, so an editor saving the same broken file again tells nobody twice. */
  private told: string | undefined;

  constructor(private readonly options: KnowledgeAlertsOptions) {}

  /** Once the channels are up: tells admins when the files were invalid at start. */
  announceStart(): void {
    const { assistant, logger } = this.options;
    const { status } = assistant;
    if (status.serving === "files") return;
    logger?.error(
      { serving: status.serving, version: assistant.knowledge.version, problems: status.problems.map(formatProblem) },
      status.serving === "older-copy" ? "knowledge files are invalid; serving the last good copy" : "knowledge files are invalid and no good copy is kept; answering with the maintenance reply",
    );
    this.tell(knowledgeAlert(status, assistant.knowledge, "start"));
  }

  /** Reloads whenever a knowledge file is saved. */
  watch(): { close(): void } {
    return watchKnowledge(this.options.knowledgeDir, () => void this.reload());
  }

  private async reload(): Promise<void> {
    const { assistant, logger } = this.options;
    const result = await assistant.reload();
    if (result.ok) {
      logger?.info({ version: result.knowledge.version }, `knowledge reloaded: ${summarizeKnowledge(result.knowledge)}`);
      if (this.told !== undefined) this.options.tellAdmins(reloadedNotice(result.knowledge));
      this.told = undefined;
      return;
    }
    logger?.error({ problems: result.problems.map(formatProblem) }, "knowledge files are invalid; keeping what is served");
    this.tell(knowledgeAlert(assistant.status, assistant.knowledge, "reload"));
  }

  private tell(alert: string | undefined): void {
    if (alert === undefined || alert === this.told) return;
    this.told = alert;
    this.options.tellAdmins(alert);
  }
}

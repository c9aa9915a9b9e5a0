// Commands that change or inspect the running assistant (admins only) and subscriptions (everyone).
// Shared by Telegram, Zalo and any other channel: they pass the text in and show the returned text.
import type { Assistant } from "../assistant.js";
import type { ChannelName, IncomingText } from "../channels/chat-service.js";
import { createConversation } from "../engine/conversation.js";
import { formatPeriod, formatValue, SCOPE_LABELS } from "../engine/format.js";
import { knownOutOf } from "../knowledge/runtime.js";
import type { Indicator, Knowledge, Scope } from "../knowledge/schema.js";
import type { Logger } from "../logger.js";
import { renderPlain } from "../render/plain.js";
import type { Store } from "../store/store.js";
import { fold } from "../text/normalize.js";
import { StoreFullError } from "../store/store.js";
import {
  describeLatest,
  hasHiddenCharacters,
  matchIndicators,
  MAX_SOURCE_LENGTH,
  parseValue,
  PERIOD_FORMS,
  periodProblem,
  readPeriod,
  splitArguments,
  valueProblem,
} from "./indicator-input.js";
import { knowledgeAlert, reloadedNotice } from "./knowledge-alerts.js";
import type { Notifier } from "./notifier.js";

export interface AdminCommandsOptions {
  readonly assistant: Assistant;
  readonly store: Store;
  readonly notifier?: Notifier;
  /** "tg:123", "zalo:abc" */
  readonly adminIds: ReadonlySet<string>;
  readonly logger?: Logger;
  readonly now?: () => Date;
}

const ADMIN_COMMANDS = new Set(["capnhat", "lichsu", "xoa", "chuatraloi", "thongke", "reload"]);
const SUBSCRIPTION_COMMANDS = new Set(["theodoi", "huytheodoi"]);
const ALL_INDICATORS = "tatca";

export const NOT_ADMIN =
  "Xin lỗi, lệnh này chỉ dành cho quản trị viên nên mình không thực hiện. Bạn vẫn có thể hỏi mọi điều về Nghị quyết 16 nhé.";

export const ADMIN_HELP = [
  '/capnhat <chỉ tiêu> <giá trị> <kỳ> <nguồn> — ghi số liệu mới, ví dụ: /capnhat ho-so-truc-tuyen 90,5 quý 4/2025 Báo cáo Sở KH&CN (tên có dấu cách thì đặt trong ngoặc kép: "hồ sơ trực tuyến")',
  "/lichsu <chỉ tiêu> — lịch sử số liệu (từ tệp và do quản trị viên cập nhật)",
  "/xoa <mã> — xóa số liệu do quản trị viên cập nhật, ví dụ /xoa m3",
  "/chuatraloi — các câu hỏi chưa trả lời được, trả lời chưa chắc hoặc bị chê",
  "/thongke — thống kê 7 ngày qua",
  "/reload — nạp lại thư mục knowledge/",
];

function parse(text: string): { name: string; args: string[]; rest: string } | undefined {
  const match = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return undefined;
  const rest = (match[2] ?? "").trim();
  return { name: match[1]!.toLowerCase(), args: rest.split(/\s+/).filter(Boolean), rest };
}

function indicatorList(knowledge: Knowledge): string {
  return knowledge.indicators.map((i) => i.id).join(", ");
}

/** Admins add figures for the province as it is now, unless the indicator only ever had national figures. */
function defaultScope(indicator: Indicator): Scope {
  const national = [...indicator.targets, ...indicator.measurements].every((x) => x.scope === "national");
  return national ? "national" : "province-after-merger";
}

export class AdminCommands {
  constructor(private readonly options: AdminCommandsOptions) {}

  /** "tg:123" is in ADMIN_IDS. */
  isAdmin(user: string): boolean {
    return this.options.adminIds.has(user);
  }

  /** The reply text for an admin or subscription command, or undefined when the text is neither. */
  async handle(message: IncomingText): Promise<string | undefined> {
    const command = parse(message.text);
    if (!command) return undefined;
    if (SUBSCRIPTION_COMMANDS.has(command.name)) return this.subscription(message, command.name, command.args);
    // Tells people their id, so an operator can put it in ADMIN_IDS.
    if (command.name === "id") return `Mã của bạn: ${message.channel}:${message.userId}`;
    if (!ADMIN_COMMANDS.has(command.name)) return undefined;
    const who = `${message.channel}:${message.userId}`;
    if (!this.isAdmin(who)) {
      this.options.logger?.warn({ channel: message.channel, updateId: message.updateId, who, command: command.name }, "admin command refused");
      return NOT_ADMIN;
    }
    switch (command.name) {
      case "capnhat":
        return this.record(command.rest, who);
      case "lichsu":
        return this.history(command.args);
      case "xoa":
        return this.remove(command.args);
      case "chuatraloi":
        return this.reviewQueue();
      case "thongke":
        return this.stats();
      default:
        return this.reload();
    }
  }

  private get knowledge(): Knowledge {
    return this.options.assistant.knowledge;
  }

  /** The one indicator a text names, or the reply that says it names none or several. */
  private indicatorNamed(text: string, usage: string): Indicator | string {
    const found = matchIndicators(this.knowledge, text);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return `"${text}" ứng với nhiều chỉ tiêu: ${found.map((i) => i.id).join(", ")}. Hãy ghi rõ mã chỉ tiêu.`;
    return `Không tìm thấy chỉ tiêu "${text}". ${usage}Các chỉ tiêu: ${indicatorList(this.knowledge)}`;
  }

  /**
   * /capnhat <chỉ tiêu> <giá trị> <kỳ> <nguồn>: refused, changing nothing, unless every part is clear; the reply
   * repeats what was recorded and shows the answer citizens now get. Subscribers hear of it only when the figure
   * they are shown changes.
   */
  private async record(text: string, by: string): Promise<string> {
    const usage = `Cách dùng: ${ADMIN_HELP[0]}`;
    if (hasHiddenCharacters(text)) return "Lệnh có ký tự điều khiển hoặc ký tự ẩn đảo chiều chữ, mình không ghi. Hãy gõ lại lệnh bằng chữ thường.";
    const args = splitArguments(text);
    const [indicatorText, valueText, ...rest] = args;
    if (!indicatorText || !valueText) return usage;
    const value = parseValue(valueText);
    if (value === undefined) {
      // "/capnhat hồ sơ trực tuyến 91,5 …": a name of several words, not a value that is not a number.
      const unquotedName = !/^["“„«]/.test(text.trimStart()) && args.slice(2).some((word) => parseValue(word) !== undefined);
      return unquotedName
        ? `Tên chỉ tiêu có dấu cách phải đặt trong ngoặc kép, ví dụ: /capnhat "hồ sơ trực tuyến" 91,5 quý 4/2025 Báo cáo Sở KH&CN. Chưa ghi gì.`
        : `Giá trị "${valueText}" không phải là số. ${usage}`;
    }
    const indicator = this.indicatorNamed(indicatorText, "");
    if (typeof indicator === "string") return `${indicator} Chưa ghi gì.`;
    const read = readPeriod(rest);
    if (!read) {
      // Echo what was meant as the period: up to its last word with a digit (the source follows it).
      const meant = rest.slice(0, 5);
      const lastWithDigit = meant.findLastIndex((word) => /\d/.test(word));
      const what = rest[0] === undefined ? "Thiếu kỳ số liệu" : `Không hiểu kỳ "${meant.slice(0, Math.max(1, lastWithDigit + 1)).join(" ")}"`;
      return `${what}: mình không tự lấy ngày hôm nay. Viết kỳ ngay sau giá trị theo một trong các dạng: ${PERIOD_FORMS}. Chưa ghi gì.`;
    }
    const scope = defaultScope(indicator);
    const now = (this.options.now ?? (() => new Date()))();
    const problem = valueProblem(indicator, value, scope) ?? periodProblem(read.period, now);
    if (problem) return `${problem} Chưa ghi gì.`;
    const source = rest.slice(read.words).join(" ");
    if (!/\p{L}/u.test(source)) {
      return `Thiếu nguồn: ghi tên văn bản hoặc đường dẫn sau kỳ số liệu, ví dụ "Báo cáo Sở KH&CN tháng 12/2025" — người dân sẽ thấy nguồn này dưới số liệu. Chưa ghi gì.`;
    }
    if (source.length > MAX_SOURCE_LENGTH) return `Nguồn dài quá (${source.length} ký tự, tối đa ${MAX_SOURCE_LENGTH}): ghi tên văn bản hoặc đường dẫn thôi. Chưa ghi gì.`;

    const before = describeLatest(indicator);
    let saved;
    try {
      saved = await this.options.store.addMeasurement({ indicator: indicator.id, value, period: read.period, scope, source, by });
    } catch (error) {
      if (error instanceof StoreFullError) return error.message;
      throw error;
    }
    this.options.assistant.setRuntimeMeasurements(this.options.store.measurements());
    const updated = this.knowledge.indicators.find((i) => i.id === indicator.id)!;
    const after = describeLatest(updated);
    const shownChanged = after !== before;
    if (shownChanged) {
      const delivery = this.options.notifier?.notify(indicator.id, `Cập nhật chỉ tiêu "${updated.name}": ${after}. Gõ /chitieu ${indicator.id} để xem chi tiết.`);
      delivery?.catch((error: unknown) => this.options.logger?.error({ err: error }, "subscription notices failed"));
    }
    const citizensSee = renderPlain(this.options.assistant.ask(`/chitieu ${indicator.id}`, createConversation())).join("\n\n");
    return [
      `Đã ghi số liệu ${saved.id} cho chỉ tiêu "${updated.name}" (${indicator.id}):`,
      `• Giá trị: ${formatValue(indicator, value, knownOutOf(indicator, scope))}`,
      `• Kỳ: ${formatPeriod(read.period)}`,
      `• Phạm vi: ${SCOPE_LABELS[scope]}`,
      `• Nguồn: ${source}`,
      `Trước: ${before}`,
      `Sau: ${after}`,
      shownChanged
        ? "Người theo dõi chỉ tiêu này được nhắn tin báo số mới."
        : "Số liệu người dân thấy đầu tiên không đổi nên không nhắn tin cho người theo dõi.",
      "",
      "Người dân hỏi về chỉ tiêu này sẽ thấy:",
      "",
      citizensSee,
      "",
      `Ghi nhầm thì gõ /xoa ${saved.id}.`,
    ].join("\n");
  }

  private history(args: readonly string[]): string {
    if (!args[0]) return `Cách dùng: /lichsu <chỉ tiêu>. Các chỉ tiêu: ${indicatorList(this.knowledge)}`;
    const indicator = this.indicatorNamed(args.join(" "), "Cách dùng: /lichsu <chỉ tiêu>. ");
    if (typeof indicator === "string") return indicator;
    const runtime = this.options.store.measurements().filter((m) => m.indicator === indicator.id);
    const sourceTitle = (id: string) => this.knowledge.sources.find((s) => s.id === id)?.title ?? id;
    const fromFiles = indicator.measurements
      .filter((m) => !runtime.some((r) => m.source === `runtime-${r.id}`))
      .map((m) => `[tệp] ${m.period}: ${m.value}${m.outOf ? `/${m.outOf}` : ""} (${m.scope}) — ${sourceTitle(m.source)}`);
    const fromAdmins = runtime.map((m) => `[${m.id}] ${m.period}: ${m.value} (${m.scope}) — ${m.source}; ${m.by}, ${m.at.slice(0, 16).replace("T", " ")}`);
    const lines = [...fromFiles, ...fromAdmins];
    return [`Lịch sử "${indicator.name}" (${indicator.id}):`, ...(lines.length > 0 ? lines : ["(chưa có số liệu)"])].join("\n");
  }

  private async remove(args: readonly string[]): Promise<string> {
    if (!args[0]) return "Cách dùng: /xoa <mã>, ví dụ /xoa m3 (mã xem bằng /lichsu).";
    const removed = await this.options.store.removeMeasurement(args[0]);
    if (!removed) return `Không có số liệu mã "${args[0]}". Chỉ xóa được số liệu do quản trị viên cập nhật (xem /lichsu).`;
    this.options.assistant.setRuntimeMeasurements(this.options.store.measurements());
    return `Đã xóa ${removed.id} (${removed.indicator}, ${removed.period}: ${removed.value}).`;
  }

  private reviewQueue(): string {
    const groups = this.options.store.reviewQueue(10);
    if (groups.length === 0) return "Chưa có câu hỏi nào cần xem lại.";
    const kinds = { unanswered: "chưa trả lời", "low-confidence": "chưa chắc", "thumbs-down": "bị chê" } as const;
    return [
      "Câu hỏi cần bổ sung vào knowledge/ (nhiều nhất trước):",
      ...groups.map((g) => `• ${g.count}× "${g.example}" (${g.kinds.map((k) => kinds[k]).join(", ")})`),
    ].join("\n");
  }

  private stats(): string {
    const stats = this.options.store.stats(7);
    const percent = (x: number) => `${Math.round(x * 100)}%`;
    return [
      "Thống kê 7 ngày qua:",
      ...stats.perDay.map((d) => `• ${d.day}: ${d.questions} câu hỏi, ${d.answered} trả lời được`),
      `Tỷ lệ trả lời được: ${percent(stats.answeredShare)}`,
      `Chủ đề hỏi nhiều: ${stats.topTopics.map((t) => `${t.entry} (${t.count})`).join(", ") || "chưa có"}`,
      `Góp ý: 👍 ${stats.feedback.up}, 👎 ${stats.feedback.down}`,
      `Theo kênh: ${Object.entries(stats.perChannel).map(([c, v]) => `${c} ${v.questions} (${v.answered} trả lời được)`).join("; ") || "chưa có"}`,
    ].join("\n");
  }

  async reload(): Promise<string> {
    const { assistant } = this.options;
    const result = await assistant.reload();
    return result.ok ? reloadedNotice(result.knowledge) : knowledgeAlert(assistant.status, assistant.knowledge, "reload")!;
  }

  private async subscription(message: IncomingText, name: string, args: readonly string[]): Promise<string> {
    const chatKey = `${message.channel satisfies ChannelName}:${message.chatId}`;
    const wanted = args.join(" ");
    if (name === "huytheodoi") {
      // Nothing named: every subscription of the chat goes; "tatca": the one to all indicators.
      const named = wanted && fold(wanted) !== ALL_INDICATORS ? this.indicatorNamed(wanted, "") : undefined;
      if (typeof named === "string") return named;
      const removed = await this.options.store.unsubscribe(chatKey, named?.id ?? (wanted ? "*" : undefined));
      return removed > 0 ? "Đã hủy theo dõi. Bạn sẽ không nhận thông báo cập nhật nữa." : "Bạn chưa theo dõi chỉ tiêu nào.";
    }
    const all = !wanted || fold(wanted) === ALL_INDICATORS;
    const indicator = all ? undefined : this.indicatorNamed(wanted, "Gõ /theodoi tatca hoặc một trong các chỉ tiêu dưới đây. ");
    if (typeof indicator === "string") return indicator;
    const result = await this.options.store.subscribe(chatKey, indicator?.id ?? "*");
    if (result === "full") return "Xin lỗi, danh sách theo dõi đã đầy nên mình chưa nhận thêm được. Bạn vẫn hỏi /chitieu bất cứ lúc nào nhé.";
    if (result === "limit") return "Hôm nay bạn đã đổi việc theo dõi nhiều lần rồi, bạn thử lại vào ngày mai nhé.";
    const what = indicator ? `"${indicator.name}"` : "tất cả các chỉ tiêu";
    return `Đã theo dõi ${what}: khi có số liệu mới, mình sẽ nhắn bạn. Gõ /huytheodoi để hủy.`;
  }
}

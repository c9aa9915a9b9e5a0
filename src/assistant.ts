// The live assistant: the current knowledge (files + admin measurements) and the engine built from it.
// Reloads swap everything at once and keep the last good version when the files are invalid; with no valid
// knowledge at all it stays up and says politely that the knowledge is being maintained.
import type { Answer } from "./engine/answer.js";
import { createEngine, type Ask, type Engine, type EngineOptions } from "./engine/ask.js";
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import type { KnowledgeProblem } from "./knowledge/problems.js";
import { withRuntimeMeasurements, type RuntimeMeasurementInput } from "./knowledge/runtime.js";
import type { Knowledge } from "./knowledge/schema.js";

export type ReloadResult =
  | { readonly ok: true; readonly knowledge: Knowledge }
  | { readonly ok: false; readonly problems: readonly KnowledgeProblem[] };

/**
 * What is served: the files; an older copy while the files are invalid (the last good one from an earlier run, or
 * the one loaded before a failed reload); or nothing, when no valid knowledge was ever kept.
 */
export type KnowledgeStatus =
  | { readonly serving: "files" }
  | { readonly serving: "older-copy" | "nothing"; readonly problems: readonly KnowledgeProblem[] };

export interface AssistantOptions {
  /** Undefined: nothing valid to serve yet. */
  readonly knowledge: Knowledge | undefined;
  /** Why the files could not be used at start (the knowledge given is then an older copy). */
  readonly problems?: readonly KnowledgeProblem[];
  readonly knowledgeDir: string;
  readonly engine?: EngineOptions;
  readonly load?: LoadOptions;
}

export const MAINTENANCE_REPLY =
  "Xin lỗi, trợ lý đang bảo trì tri thức nên tạm thời chưa trả lời được câu hỏi. Bạn vui lòng hỏi lại sau ít phút nhé.";

const MAINTENANCE_ANSWER: Answer = {
  answered: false,
  intent: "fallback",
  confidence: 0,
  blocks: [{ kind: "paragraph", text: MAINTENANCE_REPLY }],
  sources: [],
  suggestions: [],
  entries: [],
};

function emptyKnowledge(): Knowledge {
  const none: never[] = [];
  return { sources: none, documents: none, indicators: none, goals: none, timeline: none, faq: none, people: none, offices: none, synonyms: none, version: "none", loadedAt: new Date().toISOString() };
}

export class Assistant {
  private fileKnowledge: Knowledge;
  private runtime: readonly RuntimeMeasurementInput[] = [];
  private engine: Engine;
  private current: KnowledgeStatus;

  constructor(private readonly options: AssistantOptions) {
    this.fileKnowledge = options.knowledge ?? emptyKnowledge();
    this.engine = createEngine(this.fileKnowledge, options.engine);
    const problems = options.problems ?? [];
    this.current = !options.knowledge ? { serving: "nothing", problems } : problems.length > 0 ? { serving: "older-copy", problems } : { serving: "files" };
  }

  /** The knowledge answers are built from right now, admin measurements included. */
  get knowledge(): Knowledge {
    return this.engine.knowledge;
  }

  get status(): KnowledgeStatus {
    return this.current;
  }

  readonly ask: Ask = (question, conversation) =>
    this.current.serving === "nothing" ? MAINTENANCE_ANSWER : this.engine.ask(question, conversation);

  setRuntimeMeasurements(measurements: readonly RuntimeMeasurementInput[]): void {
    // At start-up with an empty store there is nothing to merge: keep the engine already built.
    if (measurements.length === 0 && this.runtime.length === 0) return;
    this.runtime = measurements;
    this.rebuild();
  }

  async reload(): Promise<ReloadResult> {
    const result = await loadKnowledge(this.options.knowledgeDir, this.options.load);
    if (!result.ok) {
      this.current = { serving: this.current.serving === "nothing" ? "nothing" : "older-copy", problems: result.problems };
      return result;
    }
    this.fileKnowledge = result.knowledge;
    this.current = { serving: "files" };
    this.rebuild();
    return result;
  }

  private rebuild(): void {
    this.engine = createEngine(withRuntimeMeasurements(this.fileKnowledge, this.runtime), this.options.engine);
  }
}

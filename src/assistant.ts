// The live assistant: the current knowledge (files + admin measurements) and the engine built from it.
// Reloads swap everything at once and keep the last good version when the files are invalid.
import { createEngine, type Ask, type Engine, type EngineOptions } from "./engine/ask.js";
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import type { KnowledgeProblem } from "./knowledge/problems.js";
import { withRuntimeMeasurements, type RuntimeMeasurementInput } from "./knowledge/runtime.js";
import type { Knowledge } from "./knowledge/schema.js";

export type ReloadResult =
  | { readonly ok: true; readonly knowledge: Knowledge }
  | { readonly ok: false; readonly problems: readonly KnowledgeProblem[] };

export class Assistant {
  private fileKnowledge: Knowledge;
  private runtime: readonly RuntimeMeasurementInput[] = [];
  private engine: Engine;

  constructor(
    knowledge: Knowledge,
    private readonly knowledgeDir: string,
    private readonly engineOptions: EngineOptions = {},
    private readonly loadOptions: LoadOptions = {},
  ) {
    this.fileKnowledge = knowledge;
    this.engine = createEngine(knowledge, engineOptions);
  }

  /** The knowledge answers are built from right now, admin measurements included. */
  get knowledge(): Knowledge {
    return this.engine.knowledge;
  }

  readonly ask: Ask = (question, conversation) => this.engine.ask(question, conversation);

  setRuntimeMeasurements(measurements: readonly RuntimeMeasurementInput[]): void {
    // At start-up with an empty store there is nothing to merge: keep the engine already built.
    if (measurements.length === 0 && this.runtime.length === 0) return;
    this.runtime = measurements;
    this.rebuild();
  }

  async reload(): Promise<ReloadResult> {
    const result = await loadKnowledge(this.knowledgeDir, this.loadOptions);
    if (!result.ok) return result;
    this.fileKnowledge = result.knowledge;
    this.rebuild();
    return { ok: true, knowledge: this.knowledge };
  }

  private rebuild(): void {
    this.engine = createEngine(withRuntimeMeasurements(this.fileKnowledge, this.runtime), this.engineOptions);
  }
}

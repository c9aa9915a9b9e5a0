// The channel-neutral answer: what ask() returns and every renderer draws.

export type Block =
  /** The short answer, shown first and emphasised. */
  | { readonly kind: "headline"; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "bullets"; readonly items: readonly string[]; readonly title?: string }
  /** One indicator against its target, drawn as a text bar; made only where a share can honestly be computed. */
  | {
      readonly kind: "progress";
      readonly label: string;
      /** 0..1: the share of the target reached. */
      readonly ratio: number;
      readonly caption: string;
    }
  /** Dates and scope of the numbers ("Số liệu tính đến …"). */
  | { readonly kind: "note"; readonly text: string };

export type Intent =
  | "status"
  | "status-all"
  | "goal"
  | "compare"
  | "timeline"
  | "document"
  | "person"
  | "faq"
  | "sources"
  | "greeting"
  | "thanks"
  | "help"
  | "about"
  | "clarify"
  | "fallback"
  | "invalid";

export interface AnswerSource {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
}

export interface Answer {
  /** False for fallbacks: out of scope, not sure, or input that is not a question. */
  readonly answered: boolean;
  readonly intent: Intent;
  /** 0..1; answers below the engine's threshold are never given as answers. */
  readonly confidence: number;
  readonly blocks: readonly Block[];
  readonly sources: readonly AnswerSource[];
  /** Follow-up questions, shown as buttons (Telegram) or a numbered list (Zalo, console). */
  readonly suggestions: readonly string[];
  /** Knowledge entry ids (or built-in topics such as @goals-2030) the answer was built from, main one first. */
  readonly entries: readonly string[];
  /**
   * The picture that fits this answer, when one does: an indicator id (its chart) or "dashboard" (every
   * indicator against its target). Channels ask src/charts for the image by this name.
   */
  readonly chart?: string;
}

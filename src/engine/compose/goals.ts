// Goals: the overview for a year (2025 / 2030), one goal, and the comparison with Decision 749.
import type { Goal, Pillar } from "../../knowledge/schema.js";
import type { Block } from "../answer.js";
import { attribute, withoutFinalStop } from "../format.js";
import { pickSuggestions, unique, type ComposeContext, type Composed } from "./common.js";

export const MAIN_RESOLUTION = "nq-16";
export const NATIONAL_PROGRAMME = "qd-749";

export const PILLAR_LABELS: Record<Pillar, string> = {
  chung: "Mục tiêu chung",
  "chinh-quyen-so": "Chính quyền số",
  "kinh-te-so": "Kinh tế số",
  "xa-hoi-so": "Xã hội số",
};
const PILLAR_ORDER: readonly Pillar[] = ["chung", "chinh-quyen-so", "kinh-te-so", "xa-hoi-so"];

function goalText(ctx: ComposeContext, goal: Goal): string {
  return attribute(goal.text, goal.confidence, ctx.lookup.sources.get(goal.sources[0] ?? ""));
}

function nationalNote(goal: Goal): string {
  if (!goal.national) return "";
  switch (goal.national.relation) {
    case "added":
      return " (mục tiêu riêng của tỉnh, QĐ 749 không có)";
    case "higher":
      return goal.national.text ? ` (cao hơn cả nước: ${goal.national.text})` : " (cao hơn cả nước)";
    case "different-basis":
      return goal.national.text ? ` (cả nước: ${goal.national.text})` : "";
    case "same":
      return " (giống mục tiêu cả nước)";
    case "not-compared":
      return goal.national.text ? ` (để tham khảo, cả nước: ${withoutFinalStop(goal.national.text)})` : "";
  }
}

function byPillar(ctx: ComposeContext, goals: readonly Goal[], withNational: boolean): Block[] {
  return PILLAR_ORDER.flatMap((pillar): Block[] => {
    const items = goals.filter((g) => g.pillar === pillar).map((g) => goalText(ctx, g) + (withNational ? nationalNote(g) : ""));
    return items.length > 0 ? [{ kind: "bullets", title: `${PILLAR_LABELS[pillar]}:`, items }] : [];
  });
}

export function composeGoalsOverview(ctx: ComposeContext): Composed {
  const { year, pillar, scope } = ctx.slots;
  const document = scope === "national" ? NATIONAL_PROGRAMME : MAIN_RESOLUTION;
  const all = ctx.lookup.knowledge.goals.filter((g) => g.document === document);
  const documentName = document === MAIN_RESOLUTION ? "Nghị quyết 16" : "Quyết định 749 (cả nước)";
  const topic = document === MAIN_RESOLUTION ? "@goals" : "@goals-749";

  // No year named: both years' general goals, or one pillar's ("mục tiêu kinh tế số của NQ 16").
  if (year !== 2025 && year !== 2030) {
    const shown = all.filter((g) => g.pillar === (pillar ?? "chung"));
    return {
      intent: "goal",
      blocks: [
        {
          kind: "headline",
          text: pillar
            ? `Về ${PILLAR_LABELS[pillar].toLowerCase()}, ${documentName} đặt mục tiêu:`
            : `${documentName} đặt mục tiêu cho hai mốc: năm 2025 và tầm nhìn đến năm 2030.`,
        },
        ...[2025, 2030].flatMap((y): Block[] => {
          const items = shown.filter((g) => g.year === y).map((g) => goalText(ctx, g));
          return items.length > 0 ? [{ kind: "bullets", title: `Đến năm ${y}:`, items }] : [];
        }),
      ],
      sourceIds: unique(shown.flatMap((g) => g.sources)),
      suggestions: ["Mục tiêu cụ thể đến năm 2025?", "Mục tiêu cụ thể đến năm 2030?", pillar ? "Tình hình thực hiện các chỉ tiêu hiện nay?" : "So sánh với Quyết định 749?"],
      entries: [topic, ...shown.map((g) => g.id)],
    };
  }
  const goals = all.filter((g) => g.year === year && (!pillar || g.pillar === pillar || g.pillar === "chung"));
  const other = year === 2025 ? 2030 : 2025;
  return {
    intent: "goal",
    blocks: [
      {
        kind: "headline",
        text: pillar
          ? `Đến năm ${year}, về ${PILLAR_LABELS[pillar].toLowerCase()}, ${documentName} đặt mục tiêu:`
          : `Đến năm ${year}, ${documentName} đặt mục tiêu:`,
      },
      ...byPillar(ctx, goals, document === MAIN_RESOLUTION),
    ],
    sourceIds: unique(goals.flatMap((g) => g.sources)),
    suggestions: pickSuggestions([
      `Mục tiêu đến năm ${other}?`,
      document === MAIN_RESOLUTION ? "So sánh với Quyết định 749?" : "Mục tiêu của Nghị quyết 16?",
      "Tình hình thực hiện các chỉ tiêu hiện nay?",
    ]),
    entries: [`${topic}-${year}`, ...goals.map((g) => g.id)],
  };
}

export function composeGoal(ctx: ComposeContext, goal: Goal): Composed {
  const document = ctx.lookup.documents.get(goal.document);
  const blocks: Block[] = [
    { kind: "headline", text: `Mục tiêu đến năm ${goal.year} (${PILLAR_LABELS[goal.pillar].toLowerCase()}): ${goalText(ctx, goal)}` },
  ];
  if (document) blocks.push({ kind: "paragraph", text: `Văn bản: ${document.number} — ${document.title}.` });
  const national = goal.national;
  if (national) {
    const relation = {
      higher: "Đây là mức cao hơn mục tiêu cả nước",
      added: "Đây là mục tiêu tỉnh bổ sung, chương trình quốc gia (QĐ 749) không đặt ra",
      "different-basis": "Cả nước cũng đặt mục tiêu này nhưng theo cách khác",
      same: "Cả nước đặt mục tiêu tương tự",
      "not-compared": "Để tham khảo, mục tiêu của cả nước (nguồn không so sánh hai mục tiêu)",
    }[national.relation];
    blocks.push({ kind: "paragraph", text: national.text ? `${relation}: ${national.text}.` : `${relation}.` });
  }
  const indicator = goal.indicator ? ctx.lookup.indicators.get(goal.indicator) : undefined;
  return {
    intent: "goal",
    blocks,
    sourceIds: unique([...goal.sources, ...(national ? [national.source] : [])]),
    suggestions: pickSuggestions([
      indicator ? `${indicator.name} hiện nay?` : undefined,
      `Mục tiêu đến năm ${goal.year}?`,
      "So sánh với Quyết định 749?",
    ]),
    entries: [goal.id],
  };
}

export function composeComparison(ctx: ComposeContext): Composed {
  const goals = ctx.lookup.knowledge.goals.filter(
    (g) => g.document === MAIN_RESOLUTION && g.national && (!ctx.slots.year || g.year === ctx.slots.year),
  );
  const line = (g: Goal) => `${g.year}: ${goalText(ctx, g)}${g.national?.text ? ` — cả nước: ${g.national.text}` : ""}`;
  const higher = goals.filter((g) => g.national?.relation === "higher" || g.national?.relation === "different-basis");
  const added = goals.filter((g) => g.national?.relation === "added");
  // "Cao hơn chỗ nào?", "bổ sung mục tiêu nào?": the first paragraph names them, not only that there are some.
  const clause = (g: Goal) => goalText(ctx, g).replace(/[.\s]+$/, "").replace(/^\p{Lu}(?!\p{Lu})/u, (letter) => letter.toLowerCase());
  const example = higher.find((g) => g.national?.relation === "higher") ?? higher[0];
  const higherSaid = example
    ? ` đặt ${example.national?.relation === "higher" ? "một số chỉ tiêu cao hơn" : "chỉ tiêu theo cách khác cả nước"} (năm ${example.year}, tỉnh: ${clause(example)}${example.national?.text ? `; cả nước: ${example.national.text.replace(/[.\s]+$/, "")}` : ""})`
    : "";
  const addedSaid = added.length > 0 ? ` bổ sung mục tiêu riêng của tỉnh: ${added.map((g) => `${clause(g)} (năm ${g.year})`).join("; ")}` : "";
  const blocks: Block[] = [
    {
      kind: "headline",
      // A year with neither ("… năm 2024") keeps the sentence whole.
      text: `So với Quyết định 749/QĐ-TTg (3/6/2020), Nghị quyết 16${[higherSaid, addedSaid].filter(Boolean).join(" và") || " đặt một số chỉ tiêu cao hơn và bổ sung mục tiêu riêng của tỉnh"}.`,
    },
  ];
  if (higher.length > 1) blocks.push({ kind: "bullets", title: "Cao hơn hoặc chặt hơn cả nước:", items: higher.map(line) });
  return {
    intent: "compare",
    blocks,
    sourceIds: unique(goals.flatMap((g) => [...g.sources, g.national!.source])),
    suggestions: ["So sánh dịch vụ công mức 4 của tỉnh với cả nước?", "Lĩnh vực ưu tiên chuyển đổi số?", "Mục tiêu của Quyết định 749 đến năm 2025?"],
    entries: ["@compare", ...goals.map((g) => g.id)],
  };
}

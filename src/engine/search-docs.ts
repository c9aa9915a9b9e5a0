// What the search sees: one doc per answerable thing, with the phrasings people would use for it.
// Knowledge entries bring their own phrasings; the built-in topics (overviews) are phrased here.
import { formatDate } from "./format.js";
import type { SearchDoc } from "./search-index.js";
import type { Lookup } from "./lookup.js";
import { promptFor } from "./compose/entries.js";
import { unique } from "./compose/common.js";
import { PILLAR_LABELS } from "./compose/goals.js";

export const TOPICS: readonly SearchDoc[] = [
  {
    id: "@goals",
    kind: "topic",
    prompt: "Mục tiêu của Nghị quyết 16 là gì?",
    phrasings: [
      "mục tiêu của nghị quyết 16",
      "nghị quyết 16 đặt ra những mục tiêu gì",
      "mục tiêu chuyển đổi số của tỉnh",
      "các mục tiêu cụ thể",
      "mục tiêu tổng quát",
      "mục tiêu chung của nghị quyết",
      "tỉnh phấn đấu đạt được gì",
      "chỉ tiêu phấn đấu đến năm",
      "định hướng đến năm 2030",
      "tầm nhìn đến năm 2030 là gì",
      "mục tiêu giai đoạn 2021 2025",
      "mục tiêu đề ra",
      "mục tiêu",
      "các chỉ tiêu cần đạt",
      "mục tiêu của quyết định 749",
      "mục tiêu của chương trình chuyển đổi số quốc gia",
      "cả nước đặt ra những chỉ tiêu chuyển đổi số nào",
    ],
  },
  {
    id: "@status-all",
    kind: "topic",
    prompt: "Tình hình các chỉ tiêu hiện nay?",
    phrasings: [
      "tình hình thực hiện các chỉ tiêu",
      "tình hình tất cả các chỉ tiêu",
      "các chỉ tiêu đạt đến đâu rồi",
      "tiến độ thực hiện nghị quyết 16",
      "kết quả thực hiện các chỉ tiêu",
      "tổng hợp các chỉ tiêu",
      "số liệu các chỉ tiêu",
      "bảng chỉ tiêu",
      "đã đạt được những chỉ tiêu nào",
      "các chỉ số chuyển đổi số hiện nay",
      "tình hình chuyển đổi số của tỉnh",
      "chỉ tiêu",
      "tiến độ các chỉ tiêu chuyển đổi số",
      "báo cáo tình hình thực hiện các chỉ tiêu",
      "các chỉ tiêu giờ ra sao",
    ],
  },
  {
    id: "@compare",
    kind: "topic",
    prompt: "So sánh Nghị quyết 16 với Quyết định 749?",
    phrasings: [
      "so sánh nghị quyết 16 với quyết định 749",
      "nghị quyết 16 khác gì chương trình chuyển đổi số quốc gia",
      "chỉ tiêu nào của tỉnh cao hơn cả nước",
      "điểm mới của nghị quyết 16",
      "tỉnh đặt mục tiêu cao hơn trung ương",
      "nghị quyết 16 bổ sung mục tiêu gì mới",
      "điểm khác biệt giữa nghị quyết tỉnh và quyết định thủ tướng",
    ],
  },
  {
    id: "@timeline",
    kind: "topic",
    prompt: "Lộ trình thực hiện Nghị quyết 16?",
    phrasings: [
      "lộ trình thực hiện",
      "các mốc thời gian",
      "mốc thời gian quan trọng",
      "các văn bản triển khai nghị quyết 16",
      "quá trình triển khai chuyển đổi số của tỉnh",
      "tiến trình thực hiện",
      "những sự kiện chính",
      "dòng thời gian",
      "lịch trình",
      "timeline",
      "các văn bản chuyển đổi số đã ban hành",
      "trong năm tỉnh ban hành những văn bản nào",
      "có gì mới về chuyển đổi số",
      "diễn biến chuyển đổi số qua các năm",
      "các mốc theo từng năm",
      "các văn bản theo thứ tự thời gian",
      "tiến trình chuyển đổi số từ đó đến nay",
    ],
  },
  {
    id: "@sources",
    kind: "topic",
    prompt: "Nguồn thông tin ở đâu?",
    phrasings: ["tài liệu tham khảo", "thông tin lấy từ đâu", "dữ liệu lấy ở đâu", "nguồn tài liệu"],
  },
];

/** People ask by date too: "ngày 19/10/2021 có sự kiện gì". Only full dates are specific enough. */
function onTheDay(date: string, what: string): string[] {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? [`ngày ${formatDate(date)} ${what}`] : [];
}

export function buildSearchDocs(lookup: Lookup): SearchDoc[] {
  const { knowledge } = lookup;
  const prompt = (id: string) => promptFor(lookup, id) ?? id;
  const documentName = (id: string | undefined) => (id ? lookup.documents.get(id)?.number : undefined);
  const present = (texts: readonly (string | undefined)[]) => texts.filter((text): text is string => !!text);
  const docs: SearchDoc[] = [...TOPICS];
  for (const indicator of knowledge.indicators) {
    const goals = lookup.goalsByIndicator.get(indicator.id) ?? [];
    docs.push({
      id: indicator.id,
      kind: "indicator",
      years: [...indicator.targets.map((t) => t.year), ...indicator.measurements.map((m) => Number(m.period.slice(0, 4)))],
      prompt: prompt(indicator.id),
      phrasings: [
        indicator.name,
        indicator.short,
        ...indicator.aliases,
        ...indicator.questions,
        ...goals.flatMap((goal) => [goal.text, ...goal.questions]),
      ],
      context: present([
        indicator.description,
        PILLAR_LABELS[indicator.pillar],
        ...indicator.targets.map((t) => documentName(t.document)),
        ...goals.map((goal) => documentName(goal.document)),
        // The figures themselves, so "64,06%" or "16/34" point at the indicator that has them.
        ...indicator.measurements.map((m) => [m.value, m.outOf, m.period.replace(/-Q/, " quý ")].join(" ")),
        ...indicator.targets.map((t) => String(t.value ?? "")),
      ]),
    });
  }
  for (const goal of knowledge.goals) {
    if (goal.indicator) continue;
    docs.push({
      id: goal.id,
      kind: "goal",
      years: [goal.year],
      prompt: prompt(goal.id),
      phrasings: [goal.text, ...goal.questions],
      context: present(["mục tiêu", PILLAR_LABELS[goal.pillar], documentName(goal.document)]),
    });
  }
  for (const faq of knowledge.faq) docs.push({ id: faq.id, kind: "faq", prompt: prompt(faq.id), phrasings: faq.questions });
  // The issuing of a document ("KH 6502 ban hành 5/7/2021") is answered by the document, which states the
  // date: two docs saying the same thing would only split the votes. Other events about it stay events.
  const eventsByDocument = new Map<string, string[]>();
  const standaloneEvents = knowledge.timeline.filter((event) => {
    const main = event.documents[0];
    if (!main || lookup.documents.get(main)?.date !== event.date) return true;
    eventsByDocument.set(main, [...(eventsByDocument.get(main) ?? []), event.title, ...event.questions]);
    return false;
  });
  for (const document of knowledge.documents) {
    docs.push({
      id: document.id,
      kind: "document",
      years: [Number(document.date.slice(0, 4)), document.periodTo, document.vision].filter((y): y is number => y !== undefined),
      prompt: prompt(document.id),
      phrasings: [
        document.number,
        document.title,
        ...document.aliases,
        ...document.questions,
        ...(eventsByDocument.get(document.id) ?? []),
        ...onTheDay(document.date, "văn bản nào được ban hành"),
        // Its issuing is the day's event when the timeline event was folded into it.
        ...(eventsByDocument.has(document.id) ? onTheDay(document.date, "có sự kiện gì") : []),
      ],
      // The date written out ("19/10/2021") becomes a date token, so "ngày 19/10/2021 có gì" finds it.
      context: present([document.issuer, document.signer, document.summary, formatDate(document.date)]),
    });
  }
  for (const person of knowledge.people) {
    docs.push({
      id: person.id,
      kind: "person",
      prompt: prompt(person.id),
      phrasings: [person.name, `${person.name} ${person.role}`, ...person.questions],
    });
  }
  // An office is asked about only where admins gave it questions; the others only date people's roles.
  for (const office of knowledge.offices.filter((o) => o.questions.length > 0)) {
    const named = unique(office.holders.flatMap((holder) => holder.name ?? []));
    docs.push({
      id: office.id,
      kind: "office",
      prompt: prompt(office.id),
      // People with their own entry are asked about there ("ông Nguyễn Tấn Tuân là ai").
      phrasings: [office.name, ...office.aliases, ...office.questions, ...named],
      context: present([office.change]),
    });
  }
  for (const event of standaloneEvents) {
    docs.push({
      id: event.id,
      kind: "event",
      years: [Number(event.date.slice(0, 4))],
      prompt: prompt(event.id),
      phrasings: [event.title, ...event.questions, ...onTheDay(event.date, "có sự kiện gì")],
      context: present([event.description, ...event.documents.map(documentName), formatDate(event.date)]),
    });
  }
  return docs;
}

// npm run ask -- [--json] "câu hỏi" | npm run ask -- --jsonl [--same-chat] < questions.txt
// npm run ask -- --explain [--json] "câu hỏi": what the search made of it, in Vietnamese (or as JSON)
import { createInterface } from "node:readline";
import { loadKnowledgeOrExit } from "../bootstrap.js";
import { createEngine } from "../engine/ask.js";
import { readConfig } from "../config.js";
import type { Answer } from "../engine/answer.js";
import { createConversation } from "../engine/conversation.js";
import { renderPlain } from "../render/plain.js";
import { explainText } from "./explain-text.js";

const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith("--")));
const question = args.filter((arg) => !arg.startsWith("--")).join(" ");
const known = new Set(["--json", "--jsonl", "--same-chat", "--explain"]);
const unknownFlag = [...flags].find((flag) => !known.has(flag));
if (unknownFlag || (!flags.has("--jsonl") && question.trim() === "")) {
  console.error('Cách dùng: npm run ask -- [--json] "câu hỏi"  |  npm run ask -- --explain [--json] "câu hỏi"  |  npm run ask -- --jsonl [--same-chat] < tệp_câu_hỏi');
  process.exit(2);
}

const config = readConfig();
const engine = createEngine(await loadKnowledgeOrExit(config.knowledgeDir, { cacheDir: config.knowledgeCacheDir }));

function toJson(asked: string, answer: Answer) {
  return {
    question: asked,
    answered: answer.answered,
    intent: answer.intent,
    confidence: answer.confidence,
    text: renderPlain(answer).join("\n\n"),
    sources: answer.sources,
    suggestions: answer.suggestions,
    entries: answer.entries,
  };
}

if (flags.has("--jsonl")) {
  const shared = createConversation();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const conversation = flags.has("--same-chat") ? shared : createConversation();
    process.stdout.write(`${JSON.stringify(toJson(line, engine.ask(line, conversation)))}\n`);
  }
} else if (flags.has("--explain")) {
  const explanation = engine.explain(question);
  console.log(flags.has("--json") ? JSON.stringify(explanation, null, 2) : explainText(question, explanation, engine.ask(question, createConversation()), engine.knowledge));
} else {
  const answer = engine.ask(question);
  console.log(flags.has("--json") ? JSON.stringify(toJson(question, answer)) : renderPlain(answer).join("\n\n"));
}

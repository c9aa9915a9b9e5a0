import { fileURLToPath } from "node:url";

/** The repository's bundled knowledge, wherever the process was started from. */
export function defaultKnowledgeDir(): string {
  return fileURLToPath(new URL("../knowledge/", import.meta.url));
}

/** The public web page's files (index.html, app.js, style.css). */
export function defaultWebDir(): string {
  return fileURLToPath(new URL("../web/", import.meta.url));
}

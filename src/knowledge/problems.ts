/** A reason the knowledge files cannot be used, pointing at the line an admin has to fix. */
export interface KnowledgeProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function formatProblem(problem: KnowledgeProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

export function sortProblems(problems: readonly KnowledgeProblem[]): KnowledgeProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

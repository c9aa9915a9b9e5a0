// The follow-up questions of each chat's recent answers, so a button can carry a number instead of the text.
// In memory and bounded: after a restart or eviction an old button is simply stale.

export class SuggestionMemory {
  /** Per chat: answer number → its suggestions, oldest first. Map order doubles as recency order. */
  private readonly chats = new Map<string, Map<number, readonly string[]>>();
  /**
   * Answer numbers are global and start at a random point, so a button left from before a restart
   * does not silently pick a suggestion of a newer, unrelated answer.
   */
  private nextAnswerNo = Math.floor(Math.random() * 1_000_000_000);

  constructor(
    private readonly answersPerChat = 5,
    private readonly maxChats = 10_000,
  ) {}

  /** Stores the suggestions of a new answer in a chat and returns the answer's number. */
  remember(chatKey: string, suggestions: readonly string[]): number {
    const answerNo = this.nextAnswerNo++;
    const answers = this.chats.get(chatKey) ?? new Map<number, readonly string[]>();
    this.chats.delete(chatKey);
    this.chats.set(chatKey, answers);
    answers.set(answerNo, suggestions);
    if (answers.size > this.answersPerChat) answers.delete(answers.keys().next().value!);
    if (this.chats.size > this.maxChats) this.chats.delete(this.chats.keys().next().value!);
    return answerNo;
  }

  recall(chatKey: string, answerNo: number, index: number): string | undefined {
    return this.chats.get(chatKey)?.get(answerNo)?.[index];
  }
}

// The follow-up questions of recent answers, so a button can carry a number instead of the text. In memory and
// bounded: after a restart, or once 10,000 newer answers were sent in any chats, an old button is simply stale.

interface RememberedAnswer {
  readonly chatKey: string;
  readonly suggestions: readonly string[];
}

export class SuggestionMemory {
  /**
   * Answer number → its chat and suggestions, oldest first. One flat map: a map per chat cost ~300 bytes for
   * each chat, three times an entry here, and under load every new chat's costs the garbage collector too.
   */
  private readonly answers = new Map<number, RememberedAnswer>();
  /**
   * Answer numbers are global and start at a random point, so a button left from before a restart
   * does not silently pick a suggestion of a newer, unrelated answer.
   */
  private nextAnswerNo = Math.floor(Math.random() * 1_000_000_000);

  constructor(private readonly maxAnswers = 10_000) {}

  /** Stores the suggestions of a new answer in a chat and returns the answer's number. */
  remember(chatKey: string, suggestions: readonly string[]): number {
    const answerNo = this.nextAnswerNo++;
    this.answers.set(answerNo, { chatKey, suggestions });
    if (this.answers.size > this.maxAnswers) this.answers.delete(this.answers.keys().next().value!);
    return answerNo;
  }

  /** The suggestion behind a button, if the button is from this chat and its answer is still remembered. */
  recall(chatKey: string, answerNo: number, index: number): string | undefined {
    const answer = this.answers.get(answerNo);
    return answer?.chatKey === chatKey ? answer.suggestions[index] : undefined;
  }
}

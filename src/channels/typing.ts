// "typing…" only when an answer is not immediate (both channels): a quick answer should not flash an indicator
// first, and it saves a request per message.

export const TYPING_DELAY_MS = 300;

/**
 * Runs `task`; if it has not finished after `delayMs`, calls `showTyping` once. Best effort: a failure to show
 * the indicator goes to `onError` and never fails the task.
 */
export async function withTypingIndicator<T>(
  task: () => Promise<T>,
  showTyping: () => Promise<unknown>,
  onError: (error: unknown) => void,
  delayMs = TYPING_DELAY_MS,
): Promise<T> {
  const timer = setTimeout(() => void showTyping().catch(onError), delayMs);
  try {
    return await task();
  } finally {
    clearTimeout(timer);
  }
}

// Seen Zalo message ids kept in the runtime store (db.json) instead of their own file.
import type { Logger } from "../../logger.js";
import type { Store } from "../../store/store.js";
import type { SeenMessages } from "./seen-messages.js";

export function seenMessagesInStore(store: Store, logger: Logger): SeenMessages {
  return {
    has: (id) => store.hasSeen("zalo", id),
    add: (id) => {
      // The id is already marked in memory; a failed write is retried with the next one.
      store.markSeen("zalo", id).catch((error: unknown) => logger.warn({ err: error }, "could not save a seen Zalo message id"));
    },
    flush: () => store.flush(),
  };
}

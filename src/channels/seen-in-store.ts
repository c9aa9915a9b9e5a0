// Handled update ids of a channel (Zalo message ids, Telegram update ids) kept in the runtime store (db.json), so
// a redelivered update is not handled twice, across restarts too.
import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import type { SeenMessages } from "./zalo/seen-messages.js";

export function seenInStore(store: Store, channel: "zalo" | "tg", logger: Logger): SeenMessages {
  return {
    has: (id) => store.hasSeen(channel, id),
    add: (id) => {
      // The id is already marked in memory; a failed write is retried with the next one.
      store.markSeen(channel, id).catch((error: unknown) => logger.warn({ err: error, channel }, "could not save a handled update id"));
    },
    flush: () => store.flush(),
  };
}

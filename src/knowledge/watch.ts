// Reload the knowledge when an admin saves a file. Watches the directory, not the files: editors save by
// writing a new file and renaming it, which would detach a watcher on the old one.
import { watch, type FSWatcher } from "node:fs";

export function watchKnowledge(directory: string, onChange: () => void, debounceMs = 300): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(directory, (_event, name) => {
      if (name && !/\.ya?ml$/i.test(String(name))) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
    watcher.on("error", () => watcher?.close());
  } catch {
    // No watcher (unsupported filesystem): /reload still works.
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

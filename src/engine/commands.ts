// Slash commands shared by every channel (/muctieu 2030, /chitieu dvc …), parsed into what ask() should do.
export type CommandRequest =
  | { readonly kind: "help" }
  | { readonly kind: "welcome" }
  | { readonly kind: "goals"; readonly year?: 2025 | 2030 }
  | { readonly kind: "status"; readonly indicator?: string }
  | { readonly kind: "compare" }
  | { readonly kind: "timeline"; readonly year?: number }
  | { readonly kind: "sectors" }
  | { readonly kind: "sources" }
  | { readonly kind: "bad-argument"; readonly usage: string }
  | { readonly kind: "unknown" };

/** Telegram deep links (t.me/bot?start=muctieu_2030) and /start payloads open a topic directly. */
const START_PAYLOADS: Record<string, CommandRequest> = {
  chitieu: { kind: "status" },
  muctieu: { kind: "goals" },
  muctieu_2025: { kind: "goals", year: 2025 },
  muctieu_2030: { kind: "goals", year: 2030 },
  sosanh: { kind: "compare" },
  lotrinh: { kind: "timeline" },
  linhvuc: { kind: "sectors" },
  nguon: { kind: "sources" },
};

export function isCommand(text: string): boolean {
  return text.startsWith("/");
}

export function parseCommand(text: string): CommandRequest {
  const match = /^\/([A-Za-z0-9_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return { kind: "unknown" };
  const name = match[1]!.toLowerCase();
  const argument = (match[2] ?? "").trim();
  switch (name) {
    case "start":
      return START_PAYLOADS[argument.toLowerCase()] ?? { kind: "welcome" };
    case "help":
    case "huongdan":
      return { kind: "help" };
    case "muctieu":
      if (argument === "") return { kind: "goals" };
      if (argument === "2025" || argument === "2030") return { kind: "goals", year: Number(argument) as 2025 | 2030 };
      return { kind: "bad-argument", usage: "/muctieu, /muctieu 2025 hoặc /muctieu 2030" };
    case "chitieu":
      return argument === "" ? { kind: "status" } : { kind: "status", indicator: argument };
    case "sosanh":
      return { kind: "compare" };
    case "lotrinh":
      if (argument === "") return { kind: "timeline" };
      if (/^20[0-4]\d$/.test(argument)) return { kind: "timeline", year: Number(argument) };
      return { kind: "bad-argument", usage: "/lotrinh hoặc /lotrinh <năm>, ví dụ /lotrinh 2025" };
    case "linhvuc":
      return { kind: "sectors" };
    case "nguon":
      return { kind: "sources" };
    default:
      return { kind: "unknown" };
  }
}

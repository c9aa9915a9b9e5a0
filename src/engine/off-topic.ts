// Requests the assistant must refuse whatever its search finds: a generic word ("USD", "dân số", a leader's name)
// would otherwise carry a match to a neighbouring figure or person. Works on the folded question.

export type OffTopic = "personal" | "prices" | "weather" | "population";

const words = (alternatives: string) => new RegExp(`(?<![^ ])(?:${alternatives})(?= |$)`);

const OFF_TOPICS: readonly [OffTopic, RegExp][] = [
  // A phone number, an address, an ID number or a family: never given about anybody.
  [
    "personal",
    words(
      "so dien thoai|sdt|dien thoai (?:di dong|ca nhan|rieng|lien lac|cua ong|cua ba)|so (?:di dong|zalo)|zalo (?:ca nhan|rieng)|email (?:ca nhan|rieng)|" +
        "dia chi (?:nha|rieng|ca nhan|cu tru|thuong tru)|nha rieng|cccd|cmnd|can cuoc|chung minh (?:nhan dan|thu)|ngay sinh|nam sinh|sinh (?:nam|ngay) (?:bao nhieu|nao|may)|vo con|que quan|" +
        // "nhà ông X ở đường nào" ("nhà" may be read as courtesy and dropped), closing the question: where somebody
        // lives ("bà con ở phường nào…" is the public; "ông X ở phường nào chủ trì…" asks something else).
        "(?:nha (?:cua )?)?(?:ong|ba)(?! con)(?: \\S+){1,4} o (?:duong|so nha|phuong|thon|to dan pho)(?: nao)?(?: (?:vay|a|ha|the|nhi))?$",
    ),
  ],
  // "quốc gia đặt ra", "quốc gia về" are no prices.
  ["prices", words("ty gia|(?<!quoc )gia (?:vang|xang|dat|bao nhieu|ca|ve|usd)|lai suat|chung khoan|co phieu|xo so|doi (?:\\S+ ){0,2}usd|usd (?:doi|bang|la) (?:duoc |ra |sang )?(?:bao nhieu|may)|doi (?:\\S+ ){0,3}tien viet|exchange rate")],
  // "con bão sắp vào", not "(nghe) con (bác) bảo": a storm word needs a storm's verb.
  ["weather", words("thoi tiet|nhiet do|mua bao|con bao (?:so|sap|dang|nay|lon|vao)|bao so \\d+|bao (?:sap )?vao|co mua|du bao thoi tiet|weather")],
];

/** "Dân số" is an indicator word only with what the population does online ("dân số sử dụng dịch vụ số"). */
const POPULATION = words("dan so");
const DIGITAL_USE = words("su dung|tuong tac|dich vu|ung dung|ky nang|tai khoan|thanh toan|truc tuyen|so hoa|dien thoai|internet|mang|4g|5g|phu song|song|chuyen doi so|dinh danh");

/** "(không cần số điện thoại)": what the user says they do not want. */
const NOT_WANTED = /(?<![^ ])khong (?:can|hoi|xin|lay)(?: \S+){1,4}/g;

export function offTopicRequest(folded: string): OffTopic | undefined {
  const wanted = folded.replace(NOT_WANTED, " ");
  const found = OFF_TOPICS.find(([, pattern]) => pattern.test(wanted))?.[0];
  if (found) return found;
  return POPULATION.test(wanted) && !DIGITAL_USE.test(wanted) ? "population" : undefined;
}

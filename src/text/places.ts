// Provinces and big cities other than Khánh Hòa, folded: a question about one of them is about somewhere
// the knowledge does not cover. Ninh Thuận merged into Khánh Hòa (1/7/2025), so it is not listed.
// Names that fold into common words are left out: "cao bằng" (= as high as), "nam định" (năm định…), "hà nam".

const PROVINCES = [
  "an giang", "ba ria", "vung tau", "bac giang", "bac kan", "bac lieu", "bac ninh", "ben tre", "binh dinh",
  "binh duong", "binh phuoc", "binh thuan", "ca mau", "can tho", "da nang", "dak lak", "dak nong", "dien bien",
  "dong nai", "dong thap", "gia lai", "ha giang", "ha noi", "ha tinh", "hai duong", "hai phong", "hau giang",
  "hoa binh", "hung yen", "kien giang", "kon tum", "lai chau", "lam dong", "lang son", "lao cai", "long an",
  "nghe an", "ninh binh", "phu tho", "phu yen", "quang binh", "quang nam", "quang ngai", "quang ninh",
  "quang tri", "soc trang", "son la", "tay ninh", "thai binh", "thai nguyen", "thanh hoa", "thua thien hue",
  "tien giang", "tra vinh", "tuyen quang", "vinh long", "vinh phuc", "yen bai", "ho chi minh", "tp hcm",
  "tphcm", "hcm", "sai gon", "da lat", "quy nhon", "buon ma thuot", "phan thiet",
];

const PLACE = new RegExp(`(?<![^ ])(?:${PROVINCES.join("|")})(?= |$)`, "g");

/** The other provinces a folded text names, in order. */
export function otherProvinces(folded: string): string[] {
  // "cáp quang năm 2025" folds to "cap quang nam 2025": "nam" before a year is "năm", not Quảng Nam.
  return folded.replace(/(?<![^ ])nam(?= \d)/g, "năm").match(PLACE) ?? [];
}

/** The province merged into Khánh Hòa (1/7/2025), folded: named where the sources pair the province with another. */
export const MERGED_PROVINCE = "ninh thuan";

/** A folded name of a province other than Khánh Hòa, the merged one included ("Tỉnh ủy Ninh Thuận" is not Khánh Hòa's). */
export const ANOTHER_PROVINCE = `(?:${[MERGED_PROVINCE, ...PROVINCES].join("|")})`;

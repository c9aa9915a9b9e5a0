// The shipped knowledge (knowledge/*.yaml) covers what the bot must be able to answer, with the right
// numbers, periods, scopes and confidence marks. Each block names the coverage item it checks.
import { readFile, readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem } from "../../src/knowledge/problems.js";
import type {
  DocumentEntry,
  FaqEntry,
  Goal,
  Indicator,
  Knowledge,
  Measurement,
  Office,
  Person,
  Source,
  Target,
  TimelineEvent,
} from "../../src/knowledge/schema.js";

const KNOWLEDGE_DIR = fileURLToPath(new URL("../../knowledge/", import.meta.url));

let kb: Knowledge;

beforeAll(async () => {
  const result = await loadKnowledge(KNOWLEDGE_DIR);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  kb = result.knowledge;
});

function byId<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((entry) => entry.id === id);
  if (!found) throw new Error(`không có mục "${id}"`);
  return found;
}
const doc = (id: string): DocumentEntry => byId(kb.documents, id);
const indicator = (id: string): Indicator => byId(kb.indicators, id);
const goal = (id: string): Goal => byId(kb.goals, id);
const faq = (id: string): FaqEntry => byId(kb.faq, id);
const person = (id: string): Person => byId(kb.people, id);
const source = (id: string): Source => byId(kb.sources, id);
const event = (id: string): TimelineEvent => byId(kb.timeline, id);
const office = (id: string): Office => byId(kb.offices, id);

function target(indicatorId: string, year: number, scope: Target["scope"], documentId?: string): Target {
  const found = indicator(indicatorId).targets.filter(
    (t) => t.year === year && t.scope === scope && (documentId === undefined || t.document === documentId),
  );
  if (found.length !== 1) throw new Error(`${indicatorId}: ${found.length} mục tiêu ${year}/${scope}/${documentId ?? "*"}`);
  return found[0]!;
}

function measurement(indicatorId: string, period: string, scope: Measurement["scope"], series?: string): Measurement {
  const found = indicator(indicatorId).measurements.filter(
    (m) => m.period === period && m.scope === scope && (series === undefined || m.series === series),
  );
  if (found.length !== 1) throw new Error(`${indicatorId}: ${found.length} số liệu ${period}/${scope}/${series ?? "*"}`);
  return found[0]!;
}

/** Everything a user can read in a FAQ entry, for wording checks. */
const faqText = (id: string): string => {
  const entry = faq(id);
  return [entry.answer, ...entry.details].join("\n");
};

describe("1. Nghị quyết 16: danh tính văn bản", () => {
  it("has number, issuer, date, period 2021–2025 and vision 2030 for the old province", () => {
    expect(doc("nq-16")).toMatchObject({
      number: "16-NQ/TU",
      kind: "nghi-quyet",
      issuer: "Tỉnh ủy Khánh Hòa",
      date: "2021-10-19",
      periodFrom: 2021,
      periodTo: 2025,
      vision: 2030,
      scope: "province-before-merger",
      confidence: "confirmed",
    });
    expect(doc("nq-16").aliases).toEqual(expect.arrayContaining(["NQ16", "NQ 16", "Nghị quyết 16", "16-NQ/TU"]));
    expect(doc("nq-16").sources).toContain("bkh-2021-10-25");
  });
});

describe("2. Mục tiêu chung 2025 và 2030", () => {
  it("2025: renew management, digital production and business, top 25", () => {
    expect(goal("nq16-2025-doi-moi-quan-ly")).toMatchObject({ year: 2025, pillar: "chung", document: "nq-16" });
    expect(goal("nq16-2025-san-xuat-kinh-doanh-so")).toMatchObject({ year: 2025, pillar: "chung" });
    expect(goal("nq16-2025-top-25")).toMatchObject({ year: 2025, indicator: "xep-hang-dti" });
    expect(target("xep-hang-dti", 2025, "province-before-merger")).toMatchObject({
      comparator: "top",
      value: 25,
      document: "nq-16",
      confidence: "confirmed",
    });
  });

  it("2030: DX basically complete with a smart city, top 20, higher goals on the three pillars", () => {
    expect(goal("nq16-2030-hoan-thanh-cds").text).toMatch(/đô thị thông minh/);
    expect(goal("nq16-2030-top-20")).toMatchObject({ year: 2030, indicator: "xep-hang-dti" });
    expect(target("xep-hang-dti", 2030, "province-before-merger")).toMatchObject({ comparator: "top", value: 20 });
    expect(goal("nq16-2030-muc-tieu-cao-hon").text).toMatch(/chính quyền số, kinh tế số và xã hội số/);
  });
});

describe("3. Sáu chỉ tiêu năm 2030 của NQ 16", () => {
  it("level-4 services on the shared data warehouse", () => {
    expect(goal("nq16-2030-dvc-kho-du-lieu")).toMatchObject({ year: 2030, pillar: "chinh-quyen-so", indicator: "dvc-muc-4" });
    expect(target("dvc-muc-4", 2030, "province-before-merger")).toMatchObject({ value: 100 });
    expect(target("dvc-muc-4", 2030, "province-before-merger").text).toMatch(/kho dữ liệu trực tuyến dùng chung/);
  });

  it("70% of inspections through the digital environment", () => {
    expect(goal("nq16-2030-kiem-tra-so").indicator).toBe("kiem-tra-moi-truong-so");
    expect(target("kiem-tra-moi-truong-so", 2030, "province-before-merger")).toMatchObject({ value: 70, document: "nq-16" });
  });

  it("open data platforms for key sectors", () => {
    expect(goal("nq16-2030-du-lieu-mo")).toMatchObject({ year: 2030, pillar: "chinh-quyen-so" });
    expect(goal("nq16-2030-du-lieu-mo").text).toMatch(/dữ liệu mở/);
  });

  it("digital economy at least 30% of GRDP", () => {
    expect(goal("nq16-2030-kinh-te-so-30")).toMatchObject({ pillar: "kinh-te-so", indicator: "kinh-te-so-grdp" });
    expect(target("kinh-te-so-grdp", 2030, "province-before-merger")).toMatchObject({
      comparator: "at-least",
      value: 30,
      document: "nq-16",
      confidence: "confirmed",
    });
  });

  it("universal fibre broadband and 5G", () => {
    expect(goal("nq16-2030-cap-quang").indicator).toBe("cap-quang-ho-gia-dinh");
    expect(goal("nq16-2030-5g").indicator).toBe("phu-song-4g-5g");
    expect(target("cap-quang-ho-gia-dinh", 2030, "province-before-merger").comparator).toBe("universal");
    expect(target("phu-song-4g-5g", 2030, "province-before-merger").comparator).toBe("universal");
  });

  it("more than 80% of people interacting digitally with the government", () => {
    expect(goal("nq16-2030-dan-so-tuong-tac-so").year).toBe(2030);
    expect(target("dan-so-tuong-tac-so", 2030, "province-before-merger")).toMatchObject({ comparator: "more-than", value: 80 });
  });
});

describe("4. Chỉ tiêu năm 2025 của NQ 16", () => {
  it("100% level-4, 100% SOEs, 50% SMEs, >50% people", () => {
    expect(target("dvc-muc-4", 2025, "province-before-merger")).toMatchObject({ value: 100, document: "nq-16" });
    expect(target("dnnn-nen-tang-so", 2025, "province-before-merger")).toMatchObject({ value: 100, document: "nq-16" });
    expect(target("dnvvn-nen-tang-so", 2025, "province-before-merger")).toMatchObject({ value: 50, document: "nq-16" });
    expect(target("dan-so-tuong-tac-so", 2025, "province-before-merger")).toMatchObject({ comparator: "more-than", value: 50 });
    for (const id of ["nq16-2025-dvc-muc-4", "nq16-2025-dnnn-nen-tang-so", "nq16-2025-dnvvn-nen-tang-so", "nq16-2025-dan-so-tuong-tac-so"]) {
      expect(goal(id)).toMatchObject({ year: 2025, document: "nq-16" });
    }
  });
});

describe("5. So sánh với QĐ 749", () => {
  it("2025 level-4: 80% nationally against 100% in the province", () => {
    expect(target("dvc-muc-4", 2025, "national")).toMatchObject({ value: 80, document: "qd-749" });
    expect(goal("nq16-2025-dvc-muc-4").national).toMatchObject({ relation: "higher", document: "qd-749" });
    expect(goal("nq16-2025-dvc-muc-4").national?.text).toMatch(/80%/);
  });

  it("2030 level-4: various access devices nationally, the shared data warehouse in the province", () => {
    expect(target("dvc-muc-4", 2030, "national").text).toMatch(/phương tiện truy cập khác nhau/);
    expect(goal("nq16-2030-dvc-kho-du-lieu").national?.relation).toBe("different-basis");
  });

  it("SOEs, SMEs and people interacting digitally are targets added by the province", () => {
    for (const id of ["nq16-2025-dnnn-nen-tang-so", "nq16-2025-dnvvn-nen-tang-so", "nq16-2025-dan-so-tuong-tac-so"]) {
      expect(goal(id).national).toMatchObject({ relation: "added", source: "bkh-2021-10-25" });
    }
    expect(faqText("faq-so-sanh-qd749")).toMatch(/100%[^\n]*80%/);
  });

  it("the 749 dual objective and document identity", () => {
    expect(doc("qd-749")).toMatchObject({ number: "749/QĐ-TTg", date: "2020-06-03", signer: "Nguyễn Xuân Phúc", scope: "national" });
    expect(faq("faq-muc-tieu-kep").answer).toMatch(/kép/);
  });
});

describe("6. Bảy lĩnh vực ưu tiên", () => {
  it("says 7 sectors, 2 more than the ministry's guidance, tourism first, full list not in the sources", () => {
    const answer = faq("faq-7-linh-vuc").answer;
    expect(answer).toMatch(/7 lĩnh vực/);
    expect(answer).toMatch(/2 lĩnh vực/);
    expect(answer).toMatch(/du lịch/);
    expect(answer).toMatch(/Danh sách đầy đủ 7 lĩnh vực chưa có trong các nguồn/);
    expect(faq("faq-7-linh-vuc").confidence).toBe("confirmed");
  });

  it("the 2022 English list is weak and said not to be NQ16's list; 749 has 8 sectors incl. agriculture", () => {
    expect(faq("faq-linh-vuc-2022").confidence).toBe("weak");
    expect(faq("faq-linh-vuc-2022").answer).toMatch(/không nói đó là danh sách 7 lĩnh vực/);
    expect(faq("faq-qd749-8-linh-vuc").answer).toMatch(/8 lĩnh vực[\s\S]*nông nghiệp/);
  });
});

describe("7. Tình hình năm 2020", () => {
  it("64.06% level 3/4, 56% dossiers resolved online, 35.8% e-procurement for the old province", () => {
    expect(measurement("dvc-muc-3-4", "2020", "province-before-merger").value).toBe(64.06);
    expect(measurement("ho-so-giai-quyet-truc-tuyen", "2020", "province-before-merger").value).toBe(56);
    expect(measurement("dau-thau-qua-mang", "2020", "province-before-merger").value).toBe(35.8);
  });

  it("national level-4 baseline 2019 and 12/2020", () => {
    expect(measurement("dvc-muc-4", "2019", "national").value).toBe(10.76);
    expect(measurement("dvc-muc-4", "2020-12", "national").value).toBe(30.1);
    expect(indicator("dvc-muc-4").measurements.every((m) => m.scope === "national")).toBe(true);
    expect(indicator("dvc-muc-4").dataNote).toBeTruthy();
  });
});

describe("8. Kết quả bước đầu, Covid-19, ba trụ cột, hạn chế", () => {
  it("early results: online procedures and payment, the justice department's access point", () => {
    const text = faqText("faq-ket-qua-buoc-dau");
    expect(text).toMatch(/thanh toán trực tuyến/);
    expect(text).toMatch(/Sở Tư pháp/);
    expect(text).toMatch(/Huỳnh Ngọc Dũng/);
  });

  it("COVID-19: online meetings, E-Office, online services and payment, epidemic platforms", () => {
    const text = faqText("faq-covid");
    for (const phrase of [/họp trực tuyến/i, /E-Office/, /thanh toán trực tuyến/, /nền tảng/]) expect(text).toMatch(phrase);
  });

  it("three pillars", () => {
    expect(faq("faq-ba-tru-cot").answer).toMatch(/chính quyền số, kinh tế số và xã hội số/);
  });

  it("limitations: infrastructure, data sharing, enterprise tech investment, e-commerce", () => {
    const text = faqText("faq-han-che");
    for (const phrase of [/hạ tầng/, /chia sẻ dữ liệu/, /đầu tư công nghệ/, /thương mại điện tử/]) expect(text).toMatch(phrase);
  });
});

describe("9. Bốn người được trích dẫn và bài báo nguồn", () => {
  it("people with their roles as of 10/2021", () => {
    expect(person("nguyen-tan-tuan")).toMatchObject({ role: expect.stringMatching(/Chủ tịch UBND tỉnh/), roleAsOf: "2021-10" });
    expect(person("pham-duy-loc")).toMatchObject({ role: expect.stringMatching(/Giám đốc Sở Thông tin và Truyền thông/), roleAsOf: "2021-10" });
    expect(person("nguyen-hai-ninh")).toMatchObject({ role: expect.stringMatching(/Bí thư Tỉnh ủy/), roleAsOf: "2021-10" });
    expect(person("huynh-ngoc-dung").role).toMatch(/Công ty TNHH Quảng cáo Toàn Dũng/);
    for (const p of kb.people) expect(p.questions.length).toBeGreaterThanOrEqual(3);
  });

  it("the article as a source", () => {
    expect(source("bkh-2021-10-25")).toMatchObject({
      kind: "press",
      publisher: "Báo Khánh Hòa",
      author: "Giang Đình",
      date: "2021-10-25",
    });
    expect(faq("faq-bai-bao-nguon").answer).toMatch(/Tích cực chuyển đổi số/);
  });
});

describe("FACTS: QĐ 749 cả nước", () => {
  it("national 2025 targets", () => {
    expect(goal("qd749-2025-ho-so-cong-viec").text).toMatch(/90%[\s\S]*80%[\s\S]*60%/);
    expect(goal("qd749-2025-bao-cao").text).toMatch(/100%/);
    expect(goal("qd749-2025-csdl-quoc-gia").text).toMatch(/100%/);
    expect(target("kinh-te-so-gdp", 2025, "national", "qd-749")).toMatchObject({ value: 20 });
    expect(goal("qd749-2025-kinh-te-so").text).toMatch(/10%[\s\S]*7%/);
    expect(target("egdi", 2025, "national", "qd-749")).toMatchObject({ comparator: "top", value: 70 });
    expect(target("idi", 2025, "national")).toMatchObject({ comparator: "top", value: 50 });
    expect(target("gci-canh-tranh", 2025, "national")).toMatchObject({ comparator: "top", value: 50 });
    expect(target("gii", 2025, "national")).toMatchObject({ comparator: "top", value: 35 });
    expect(target("gci-an-ninh-mang", 2025, "national")).toMatchObject({ comparator: "top", value: 40 });
    expect(target("cap-quang-ho-gia-dinh", 2025, "national", "qd-749")).toMatchObject({ comparator: "more-than", value: 80 });
    expect(target("phu-song-4g-5g", 2025, "national").comparator).toBe("universal");
  });

  it("EGDI top 50 by 2030 (confirmed)", () => {
    expect(target("egdi", 2030, "national", "qd-749")).toMatchObject({ value: 50, confidence: "confirmed" });
    expect(goal("qd749-2030-egdi").confidence).toBe("confirmed");
  });
});

describe("FACTS: DTI của Khánh Hòa", () => {
  it("2021 30/63 and 2022 41/63 with pillar ranks (old province)", () => {
    expect(measurement("xep-hang-dti", "2021", "province-before-merger")).toMatchObject({ value: 30, outOf: 63, confidence: "confirmed" });
    expect(measurement("xep-hang-dti", "2022", "province-before-merger")).toMatchObject({ value: 41, outOf: 63 });
    const pillars: [string, number, number][] = [
      ["dti-chinh-quyen-so", 34, 44],
      ["dti-kinh-te-so", 32, 30],
      ["dti-xa-hoi-so", 33, 36],
    ];
    for (const [id, y2021, y2022] of pillars) {
      expect(measurement(id, "2021", "province-before-merger")).toMatchObject({ value: y2021, outOf: 63 });
      expect(measurement(id, "2022", "province-before-merger")).toMatchObject({ value: y2022, outOf: 63 });
    }
  });

  it("2024 16/34 for the new province with DTI value 0.7071", () => {
    const m = measurement("xep-hang-dti", "2024", "province-after-merger");
    expect(m).toMatchObject({ value: 16, outOf: 34, confidence: "confirmed" });
    expect(m.note).toMatch(/0,7071/);
    expect(m.note).toMatch(/trung bình cộng/);
  });

  it("2020 and 2023 ranks are not stated, and the data note says so", () => {
    const periods = indicator("xep-hang-dti").measurements.map((m) => m.period);
    expect(periods).not.toContain("2020");
    expect(periods).not.toContain("2023");
    expect(indicator("xep-hang-dti").dataNote).toMatch(/2020[\s\S]*2023/);
  });

  it("KH 4636 targets: top 20 in 2025 (confirmed), top 10 in 2030 (weak)", () => {
    expect(target("xep-hang-dti", 2025, "province-after-merger")).toMatchObject({ value: 20, document: "kh-4636", confidence: "confirmed" });
    expect(target("xep-hang-dti", 2030, "province-after-merger")).toMatchObject({ value: 10, confidence: "weak" });
  });
});

describe("FACTS: tình trạng sau này", () => {
  it("Q3/2025: 87.6% of dossiers received online at the provincial centre (new province)", () => {
    const m = measurement("ho-so-truc-tuyen", "2025-Q3", "province-after-merger");
    expect(m.value).toBe(87.6);
    expect(m.note).toMatch(/Chỉ tính tại Trung tâm Phục vụ hành chính công tỉnh/);
    expect(indicator("ho-so-truc-tuyen").name).toMatch(/tiếp nhận trực tuyến tại Trung tâm Phục vụ hành chính công tỉnh/);
  });

  it("national digital economy share 2020–2024 (GSO) and the ministry's estimates as a separate series", () => {
    const gso: [string, number][] = [
      ["2020", 12.66],
      ["2021", 12.87],
      ["2022", 12.83],
      ["2023", 12.87],
      ["2024", 13.17],
    ];
    for (const [period, value] of gso) expect(measurement("kinh-te-so-gdp", period, "national", "thống kê chính thức").value).toBe(value);
    expect(measurement("kinh-te-so-gdp", "2023", "national", "ước tính của Bộ TT&TT").value).toBe(16.5);
    expect(measurement("kinh-te-so-gdp", "2024", "national", "ước tính của Bộ TT&TT").value).toBe(18.3);
  });

  it("EGDI 2024 71/193, GCI 2024 17/194, fibre 82.9%, 4G 99.8%", () => {
    expect(measurement("egdi", "2024", "national")).toMatchObject({ value: 71, outOf: 193 });
    expect(measurement("gci-an-ninh-mang", "2024", "national")).toMatchObject({ value: 17, outOf: 194 });
    expect(measurement("cap-quang-ho-gia-dinh", "2024-12", "national").value).toBe(82.9);
    expect(measurement("phu-song-4g", "2024-12", "national").value).toBe(99.8);
  });

  it("national DTI and provincial averages", () => {
    expect(measurement("dti-quoc-gia", "2023", "national").value).toBe(0.7326);
    expect(measurement("dti-quoc-gia", "2024", "national").value).toBe(0.7955);
    expect(measurement("dti-trung-binh-tinh", "2021", "national").value).toBe(0.4014);
  });

  it("no measured digital-economy share for Khánh Hòa, said plainly", () => {
    expect(indicator("kinh-te-so-grdp").measurements).toHaveLength(0);
    expect(indicator("kinh-te-so-grdp").dataNote).toMatch(/Chưa có số liệu/);
  });

  it("whether NQ16's 2025 targets were met: no final review; the answer lists its 2025 targets one by one", () => {
    expect(faqText("faq-nq16-dat-chua")).toMatch(/chưa tìm thấy báo cáo/);
    expect(faq("faq-nq16-dat-chua").results).toEqual({ year: 2025, documents: ["nq-16"] });
    expect(faq("faq-tinh-hinh-ca-nuoc").results).toEqual({ year: 2025, documents: ["qd-749", "qd-942"] });
  });
});

describe("FACTS: văn bản triển khai, ban chỉ đạo, sáp nhập", () => {
  it("implementing documents with their dates", () => {
    const dates: Record<string, string> = {
      "cv-2390": "2020",
      "nq-52": "2019-09-27",
      "qd-942": "2021-06-15",
      "qd-411": "2022-03-31",
      "qd-505": "2022-04-22",
      "nq-57": "2024-12-22",
      "nq-09-tw": "2022-01-28",
      "kh-10633": "2020-10-07",
      "kh-13784": "2020-12-31",
      "kh-6502": "2021-07-05",
      "qd-909": "2022-04-04",
      "kh-4205": "2022-05-12",
      "kh-11252": "2023-10-30",
      "kh-cds-2024": "2024-01-29",
      "kh-9010": "2024-08-14",
      "kh-2044": "2025-02-20",
      "nq-48": "2025-02-20",
      "qd-512": "2025-02-21",
      "nq-01-tu-2025": "2025-07-14",
      "kh-1267": "2025-07-31",
      "kh-4636": "2025-09-29",
    };
    for (const [id, date] of Object.entries(dates)) expect(doc(id).date, id).toBe(date);
    expect(doc("kh-cds-2024").confidence).toBe("weak");
    expect(doc("qd-512").signer).toBe("Nguyễn Tấn Tuân");
    expect(doc("kh-4636").signer).toBe("Nguyễn Long Biên");
    expect(target("truong-hoc-benh-vien-nen-tang-so", 2022, "province-before-merger")).toMatchObject({ value: 50, document: "kh-4205" });
  });

  it("the timeline orders the key events", () => {
    expect(event("tl-2021-10-19-nq-16").documents).toContain("nq-16");
    expect(event("tl-2020-06-03-qd-749").date).toBe("2020-06-03");
    expect(event("tl-2024-05-28-phien-hop-6").date).toBe("2024-05-28");
    expect(event("tl-2025-12-31-ket-thuc-giai-doan").description).toMatch(/chưa tìm thấy báo cáo/);
    // Chronological order; a partial date ("2020") fits anywhere inside its own year or month.
    const dates = kb.timeline.map((e) => e.date);
    dates.slice(1).forEach((date, index) => {
      const previous = dates[index]!;
      const length = Math.min(previous.length, date.length);
      expect(date.slice(0, length) >= previous.slice(0, length), `${previous} → ${date}`).toBe(true);
    });
  });

  it("the steering committee: 6th session chaired by the provincial chairman", () => {
    const text = faqText("faq-ban-chi-dao");
    expect(text).toMatch(/28\/5\/2024/);
    expect(text).toMatch(/Nguyễn Tấn Tuân/);
  });

  it("the merger of 1/7/2025, cited with a public page that states the date", () => {
    expect(event("tl-2025-07-01-sap-nhap")).toMatchObject({ date: "2025-07-01" });
    expect(event("tl-2025-07-01-sap-nhap").sources).toEqual(expect.arrayContaining(["vtcnews-2025-09-08", "dantri-2025-10-21"]));
    expect(source("vtcnews-2025-09-08").url).toMatch(/^https:\/\//);
    expect(faq("faq-sap-nhap").answer).toMatch(/1\/7\/2025[\s\S]*63[\s\S]*34/);
  });

  it("successor framework NQ 57 → NQ 48 → QĐ 512 and National DX Day", () => {
    expect(faq("faq-khung-ke-tiep").answer).toMatch(/57-NQ\/TW[\s\S]*48-NQ\/TU[\s\S]*512/);
    expect(faq("faq-ngay-cds-quoc-gia").answer).toMatch(/10\/10/);
  });
});

describe("Độ tin cậy: thông tin yếu được đánh dấu weak", () => {
  it("known weak facts are marked weak", () => {
    expect(target("kinh-te-so-grdp", 2030, "province-after-merger")).toMatchObject({ value: 35, confidence: "weak" });
    expect(target("kinh-te-so-grdp", 2024, "province-before-merger")).toMatchObject({ value: 9.5, confidence: "weak" });
    expect(target("dnnn-nen-tang-so", 2024, "province-before-merger").confidence).toBe("weak");
    expect(faq("faq-xep-hang-thu-9").confidence).toBe("weak");
    expect(target("gci-an-ninh-mang", 2030, "national").confidence).toBe("weak");
    for (const id of ["faq-ke-hoach-2024", "faq-qd749-tien-do", "faq-kinh-te-so-35", "faq-xep-hang-thu-9", "faq-qd749-muc-tieu-2030"]) {
      expect(faq(id).confidence, id).toBe("weak");
    }
    for (const id of ["qd749-2030-ho-so-cong-viec", "qd749-2030-bang-rong-5g", "qd749-2030-thanh-toan-dien-tu", "qd749-2030-an-ninh-mang"]) {
      expect(goal(id).confidence, id).toBe("weak");
    }
    expect(event("tl-2024-01-29-ke-hoach-2024").confidence).toBe("weak");
    expect(event("tl-2025-12-20-ngay-hoi-cong-nghe-so").confidence).toBe("weak");
  });

  it("anything resting only on weak sources is itself weak", () => {
    const weakOnly = new Set([
      "bkh-en-2024-02-25",
      "bkh-en-2022-05-promoting-dx",
      "doanhnghiephoinhap-2025-12-21",
      "plo-2026-03-10",
      "hungyen-749-tien-do",
      "luatvietnam-qd-749-en",
      "vietnamnet-749-2030-en",
      "laodong-en-bo-chi-so-cds",
      "laodong-en-dvc-q3-2025",
      "tracuuquyhoach-nq-57",
      "vietbao-2025-09-08",
      "evnexpress-2019-10-09",
    ]);
    const entries = [...kb.documents, ...kb.indicators, ...kb.goals, ...kb.timeline, ...kb.faq, ...kb.people];
    for (const entry of entries) {
      if (entry.sources.every((id) => weakOnly.has(id))) expect(entry.confidence, entry.id).toBe("weak");
    }
    for (const ind of kb.indicators) {
      for (const t of ind.targets) if (weakOnly.has(t.source)) expect(t.confidence, `${ind.id} ${t.year}`).toBe("weak");
      for (const m of ind.measurements) if (weakOnly.has(m.source)) expect(m.confidence, `${ind.id} ${m.period}`).toBe("weak");
    }
  });
});

describe("Không nêu điều nguồn không có (NOT FOUND)", () => {
  it("no national 2025 target for digital inspections", () => {
    expect(indicator("kiem-tra-moi-truong-so").targets.filter((t) => t.scope === "national")).toHaveLength(0);
  });

  it("indicators without measurements explain what is missing", () => {
    for (const ind of kb.indicators) {
      if (ind.measurements.length === 0) expect(ind.dataNote, ind.id).toBeTruthy();
    }
  });

  it("no 2025 digital-economy target of NQ 16", () => {
    expect(indicator("kinh-te-so-grdp").targets.filter((t) => t.document === "nq-16" && t.year === 2025)).toHaveLength(0);
  });
});

describe("Hình thức tệp", () => {
  it("every number has a scope, every rank an outOf, every FAQ several phrasings", () => {
    for (const ind of kb.indicators) {
      for (const m of ind.measurements) {
        if (ind.unit === "rank") expect(m.outOf, `${ind.id} ${m.period}`).toBeDefined();
        if (ind.unit === "rank" && m.scope === "province-before-merger") expect(m.outOf).toBe(63);
      }
    }
    for (const entry of kb.faq) expect(entry.questions.length, entry.id).toBeGreaterThanOrEqual(4);
  });

  it("files start with a Vietnamese comment for admins and are NFC", async () => {
    const names = (await readdir(KNOWLEDGE_DIR)).filter((name) => name.endsWith(".yaml"));
    expect(names.sort()).toEqual(
      ["documents", "faq", "goals", "indicators", "offices", "people", "sources", "synonyms", "timeline"].map((k) => `${k}.yaml`),
    );
    for (const name of names) {
      const text = await readFile(`${KNOWLEDGE_DIR}${name}`, "utf8");
      expect(text.startsWith("# "), name).toBe(true);
      expect(text.normalize("NFC") === text, name).toBe(true);
    }
  });

  it("synonyms are lower case", () => {
    for (const s of kb.synonyms) for (const v of s.variants) expect(v, v).toBe(v.toLowerCase());
  });
});

describe("Cập nhật 12/2026 (FACTS-UPDATE-2026-12): đính chính", () => {
  it("every source is a public page or document: a url, or a number and a date; none is a compilation of ours", () => {
    for (const src of kb.sources) {
      expect(`${src.title} ${src.publisher} ${src.note ?? ""}`, src.id).not.toMatch(/FACTS|\.md\b|nội bộ|nhóm phát triển/i);
      expect(src.url !== undefined || (src.number !== undefined && src.date?.length === 10) || src.date?.length === 10, src.id).toBe(true);
    }
    expect(kb.sources.map((s) => s.id)).not.toContain("facts-2026-11");
  });

  it("DTI 2024 was published on both the 63 and the 34 scale, on 21/10/2025; the old province's 63-scale rank is not in the sources", () => {
    expect(indicator("xep-hang-dti").description).toMatch(/21\/10\/2025 theo hai nhóm - 63 tỉnh[\s\S]*34 tỉnh/);
    expect(indicator("xep-hang-dti").measurements.some((m) => m.period.startsWith("2024") && m.outOf === 63)).toBe(false);
    expect(indicator("xep-hang-dti").dataNote).toMatch(/63 tỉnh[\s\S]*không có trong nguồn[\s\S]*dti\.gov\.vn/);
    expect(faq("faq-dti-2024-63-tinh").answer).toMatch(/21\/10\/2025[\s\S]*không có trong nguồn[\s\S]*dti\.gov\.vn/);
    expect(faq("faq-dti-2024-63-tinh").sources).toEqual(expect.arrayContaining(["vneconomy-en-2025-10-23", "vtcnews-2025-10-21"]));
    expect(event("tl-2025-10-cong-bo-dti-2024")).toMatchObject({ date: "2025-10-21" });
    expect(event("tl-2025-10-cong-bo-dti-2024").sources).toContain("sggp-2025-10-21");
  });

  it("'thứ chín' is a statement of 10/3/2026 with no year and no scale, not a measurement", () => {
    expect(indicator("xep-hang-dti").measurements.map((m) => m.value)).not.toContain(9);
    expect(faq("faq-xep-hang-thu-9").answer).toMatch(/không nói đây là kết quả năm nào và xếp trên bao nhiêu tỉnh/);
  });

  it("claims that went beyond their source are gone", () => {
    const everything = JSON.stringify([kb.documents, kb.indicators, kb.goals, kb.timeline, kb.faq.map((f) => [f.answer, f.details])]);
    expect(everything).not.toMatch(/kế hoạch đầu tiên|Kế hoạch đầu tiên/);
    expect(everything).not.toMatch(/bốn hạn chế chính/);
    expect(everything).not.toMatch(/tức mức tương đương/);
    expect(indicator("dau-thau-qua-mang").description).not.toMatch(/gói thầu được/);
    expect(faq("faq-ket-qua-buoc-dau").answer).toMatch(/tỷ lệ đấu thầu qua mạng đạt 35,8%/);
    expect(goal("nq16-2030-kinh-te-so-30").national?.relation).toBe("not-compared");
    expect(faqText("faq-so-sanh-qd749")).toMatch(/so sánh của ông Phạm Duy Lộc[\s\S]*không phải lời ông Lộc/);
  });

  it("the top 10 by 2030 is attributed to Nghị quyết 01-NQ/TU, weakly; QĐ 942's full title", () => {
    expect(target("xep-hang-dti", 2030, "province-after-merger")).toMatchObject({ document: "nq-01-tu-2025", confidence: "weak" });
    expect(doc("qd-942").title).toMatch(/giai đoạn 2021–2025, định hướng đến năm 2030$/);
  });

  it("two measures are two indicators: received vs resolved online, 4G vs 5G", () => {
    expect(indicator("ho-so-truc-tuyen").measurements.map((m) => m.period)).toEqual(["2025-Q3"]);
    expect(indicator("ho-so-giai-quyet-truc-tuyen").measurements.map((m) => m.period)).toEqual(["2020"]);
    expect(indicator("phu-song-4g").measurements.map((m) => m.value)).toEqual([99.8]);
    expect(indicator("phu-song-4g-5g").measurements).toEqual([]);
    expect(goal("nq16-2030-5g").indicator).toBe("phu-song-4g-5g");
  });
});

describe("Cập nhật 12/2026: người và cơ quan, có ngày", () => {
  it("chairman: Trần Phong from 19/11/2025, after Nguyễn Khắc Toàn and Trần Quốc Nam; Nguyễn Tấn Tuân in 10/2021", () => {
    const holders = office("chu-tich-ubnd-tinh").holders;
    expect(holders.find((h) => h.name === "Trần Phong")).toMatchObject({ from: "2025-11-19", source: "vnexpress-2025-11-19", confidence: "confirmed" });
    expect(holders.find((h) => h.name === "Nguyễn Khắc Toàn")).toMatchObject({ asOf: "2025-09-22", source: "vtcnews-2025-09-22" });
    expect(holders.find((h) => h.name === "Trần Quốc Nam")).toMatchObject({ from: "2025-07-01" });
    expect(holders.find((h) => h.person === "nguyen-tan-tuan")).toMatchObject({ asOf: "2021-10", source: "bkh-2021-10-25" });
  });

  it("party secretary: Nghiêm Xuân Thành for 2025–2030 (9/2025, 19/11/2025); Nguyễn Hải Ninh in 10/2021", () => {
    const holders = office("bi-thu-tinh-uy").holders;
    expect(holders.filter((h) => h.name === "Nghiêm Xuân Thành").map((h) => h.source)).toEqual(["thanhnien-2025-09-09", "sggp-2025-11-19"]);
    expect(holders.find((h) => h.person === "nguyen-hai-ninh")).toMatchObject({ asOf: "2021-10" });
  });

  it("the Sở TT&TT merged into the Sở KH&CN on 1/3/2025, which is the focal point now", () => {
    expect(office("giam-doc-so-tttt")).toMatchObject({ until: "2025-03-01" });
    expect(office("giam-doc-so-tttt").change).toMatch(/hợp nhất vào Sở Khoa học và Công nghệ/);
    const focal = office("dau-moi-chuyen-doi-so").holders;
    expect(focal[0]).toMatchObject({ name: "Sở Thông tin và Truyền thông tỉnh Khánh Hòa", until: "2025-03-01" });
    expect(focal[1]).toMatchObject({ name: "Sở Khoa học và Công nghệ tỉnh Khánh Hòa", from: "2025-03-01", source: "ictvietnam-2025-03-10" });
  });

  it("Nguyễn Long Biên is a vice-chairman (confirmed); 'Thường trực' only attributed", () => {
    expect(person("nguyen-long-bien")).toMatchObject({ role: "Phó Chủ tịch UBND tỉnh Khánh Hòa", roleAsOf: "2025-11-19", confidence: "confirmed" });
    expect(person("nguyen-long-bien").said).toMatch(/Theo Việt Báo \(8\/9\/2025\), ông là Phó Chủ tịch Thường trực/);
  });
});

describe("Cập nhật 12/2026: số liệu mới", () => {
  it("digital economy 14,02% of GDP in 2025 (official statistics, estimate); first releases shown as their own series", () => {
    expect(measurement("kinh-te-so-gdp", "2025", "national", "thống kê chính thức")).toMatchObject({ value: 14.02, source: "thoibaotaichinh-2026-01-05" });
    expect(measurement("kinh-te-so-gdp", "2022", "national", "công bố lần đầu (12/2023), đã được điều chỉnh").value).toBe(12.63);
  });

  it("GII 44/139 in 2025 and 44/133 in 2024; the WEF 67/141 of 2019 is weak", () => {
    expect(measurement("gii", "2025", "national")).toMatchObject({ value: 44, outOf: 139 });
    expect(measurement("gii", "2024", "national")).toMatchObject({ value: 44, outOf: 133 });
    expect(measurement("gci-canh-tranh", "2019", "national")).toMatchObject({ value: 67, outOf: 141, confidence: "weak" });
  });

  it("fully online dossiers 39,51% (6/2025) and 39,98% (26/10/2025); the 80% target attributed to QĐ 942, weakly", () => {
    expect(measurement("ho-so-toan-trinh", "2025-06", "national").value).toBe(39.51);
    expect(measurement("ho-so-toan-trinh", "2025-10-26", "national").value).toBe(39.98);
    expect(target("ho-so-toan-trinh", 2025, "national")).toMatchObject({ value: 80, document: "qd-942", confidence: "weak" });
  });

  it("DTI 2024 pillar averages, DTI structure, the 2023 top 10, Ninh Thuận 27/63 in 2022, the 2017 ICT ranking", () => {
    expect(measurement("dti-trung-binh-tinh", "2024", "national").note).toMatch(/0,7582[\s\S]*0,7723[\s\S]*0,7692/);
    expect(faqText("faq-dti-la-gi")).toMatch(/8 chỉ số chính và 47 chỉ số thành phần[\s\S]*12 chỉ số, tổng 1\.000 điểm/);
    expect(faqText("faq-dti-la-gi")).toMatch(/Đà Nẵng, TP\.HCM, Huế[\s\S]*Khánh Hòa không nằm trong nhóm này/);
    expect(faqText("faq-dti-la-gi")).toMatch(/năm 2017 \(một chỉ số khác\), Khánh Hòa xếp thứ 7/);
    expect(faqText("faq-sap-nhap")).toMatch(/Ninh Thuận \(cũ\) xếp 27\/63/);
  });

  it("the DTI indicators were checked for newer results in 12/2026 (DTI 2025 not found)", () => {
    for (const id of ["xep-hang-dti", "dti-chinh-quyen-so", "dti-kinh-te-so", "dti-xa-hoi-so", "dti-quoc-gia", "dti-trung-binh-tinh"]) {
      expect(indicator(id).checked, id).toBe("2026-12");
    }
  });
});

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
  it("says 7 sectors, 2 more than the ministry's guidance, tourism first, list not confirmed", () => {
    const answer = faq("faq-7-linh-vuc").answer;
    expect(answer).toMatch(/7 lĩnh vực/);
    expect(answer).toMatch(/2 lĩnh vực/);
    expect(answer).toMatch(/du lịch/);
    expect(answer).toMatch(/chưa được xác nhận/);
    expect(faq("faq-7-linh-vuc").confidence).toBe("confirmed");
  });

  it("the 2022 English list is weak and said not to be NQ16's list; 749 has 8 sectors incl. agriculture", () => {
    expect(faq("faq-linh-vuc-2022").confidence).toBe("weak");
    expect(faq("faq-linh-vuc-2022").answer).toMatch(/không nói đó là danh sách 7 lĩnh vực/);
    expect(faq("faq-qd749-8-linh-vuc").answer).toMatch(/8 lĩnh vực[\s\S]*nông nghiệp/);
  });
});

describe("7. Tình hình năm 2020", () => {
  it("64.06% level 3/4, 56% online dossiers, 35.8% e-procurement for the old province", () => {
    expect(measurement("dvc-muc-3-4", "2020", "province-before-merger").value).toBe(64.06);
    expect(measurement("ho-so-truc-tuyen", "2020", "province-before-merger").value).toBe(56);
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
    expect(m.note).toMatch(/Trung tâm Phục vụ hành chính công tỉnh/);
    expect(m.note).toMatch(/TIẾP NHẬN/);
  });

  it("national digital economy share 2020–2024 (GSO) and the ministry's estimates as a separate series", () => {
    const gso: [string, number][] = [
      ["2020", 12.66],
      ["2021", 12.87],
      ["2022", 12.83],
      ["2023", 12.87],
      ["2024", 13.17],
    ];
    for (const [period, value] of gso) expect(measurement("kinh-te-so-gdp", period, "national", "Tổng cục Thống kê").value).toBe(value);
    expect(measurement("kinh-te-so-gdp", "2023", "national", "ước tính của Bộ TT&TT").value).toBe(16.5);
    expect(measurement("kinh-te-so-gdp", "2024", "national", "ước tính của Bộ TT&TT").value).toBe(18.3);
  });

  it("EGDI 2024 71/193, GCI 2024 17/194, fibre 82.9%, 4G 99.8%", () => {
    expect(measurement("egdi", "2024", "national")).toMatchObject({ value: 71, outOf: 193 });
    expect(measurement("gci-an-ninh-mang", "2024", "national")).toMatchObject({ value: 17, outOf: 194 });
    expect(measurement("cap-quang-ho-gia-dinh", "2024-12", "national").value).toBe(82.9);
    expect(measurement("phu-song-4g-5g", "2024-12", "national").value).toBe(99.8);
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

  it("whether NQ16's 2025 targets were met: no final review; DTI outside top 25", () => {
    const text = faqText("faq-nq16-dat-chua");
    expect(text).toMatch(/chưa tìm thấy báo cáo/);
    expect(text).toMatch(/30\/63[\s\S]*41\/63/);
    expect(text).toMatch(/87,6%/);
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

  it("the merger of 1/7/2025, cited with the compiled facts and Dân trí", () => {
    expect(event("tl-2025-07-01-sap-nhap")).toMatchObject({ date: "2025-07-01" });
    expect(event("tl-2025-07-01-sap-nhap").sources).toEqual(expect.arrayContaining(["facts-2026-11", "dantri-2025-10-21"]));
    expect(source("facts-2026-11")).toMatchObject({ kind: "report", date: "2026-11" });
    expect(faq("faq-sap-nhap").answer).toMatch(/1\/7\/2025[\s\S]*34/);
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
    expect(measurement("xep-hang-dti", "2026-03", "province-after-merger")).toMatchObject({ value: 9, confidence: "weak" });
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
      ["documents", "faq", "goals", "indicators", "people", "sources", "synonyms", "timeline"].map((k) => `${k}.yaml`),
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

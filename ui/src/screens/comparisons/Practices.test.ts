import { afterEach, describe, expect, it } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { setLocale } from "../../lib/i18n/index.svelte";
import { button, choose, described, settle, typeInto } from "../../test/dom";
import { fail, mockCommands } from "../../test/ipc";
import Practices from "./Practices.svelte";
import ProposalForm from "./ProposalForm.svelte";
import PracticeSuggestions from "../../components/PracticeSuggestions.svelte";
import type { PracticeDetailView, PracticeProposalView, PracticeView } from "../../ipc";

const found: PracticeView[] = [
  { id: 7, title: "Wspólne zakupy energii dla szkół", area: "efektywnosc_energetyczna", teryt: "1219053", unit_name: "Wieliczka", indicators: ["WYD_SP_NA_UCZNIA"] },
];

const page: PracticeDetailView = {
  id: 7,
  title: "Wspólne zakupy energii dla szkół",
  area: "rozwoj_instytucjonalny",
  sub_area: "partnerstwo",
  teryt: "1219053",
  unit_name: "Wieliczka",
  unit_kind: "gmina_miejsko_wiejska",
  population: 69791,
  implementing_body: "Urząd Miasta i Gminy Wieliczka",
  contacts: [{ name: "Referat Oświaty", role: "kontakt", phone: "12 000 00 00", email: "oswiata@example.pl" }],
  entered: "2026-11-30",
  years_from: 2024,
  years_to: null,
  summary: "Szkoły kupują energię w jednym przetargu.",
  presentation: '## Jak to zrobiono\n\n<img src=x onerror="window.hacked=1"> **umowa** na [stronie](javascript:alert(1))',
  attachments: [{ title: "Zdjęcie", kind: "png", sha256: "a".repeat(64), size: 2048 }],
  indicators: [{ code: "WYD_SP_NA_UCZNIA", name: "Wydatki na ucznia", unit: "zł", before: { year: 2023, value: 14250 }, after: { year: 2025, value: 13800 } }],
  keywords: ["energia", "oświata"],
  source: "zgłoszenie gminy",
  starter: false,
  sample: false,
};

describe("good practices (issue 14)", () => {
  afterEach(() => {
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  it("searches with the filters and opens a practice's page as text, never HTML", async () => {
    const calls = mockCommands({ searchPractices: () => found, practice: () => page, practiceImage: () => "data:image/png;base64,iVBORw0KGgo=" });
    const screen = mount(Practices, { target: document.body, props: { demo: false } });
    await settle();
    typeInto(document.querySelector<HTMLInputElement>("input[name=practice-text]")!, " oswiata ");
    choose(document.querySelector<HTMLSelectElement>("select[name=practice-kind]")!, "gmina_miejsko_wiejska");
    choose(document.querySelector<HTMLSelectElement>("select[name=practice-size]")!, "50000-100000");
    choose(document.querySelector<HTMLSelectElement>("select[name=practice-woj]")!, "12");
    button("Szukaj").click();
    await settle();
    expect(calls.filter((c) => c.command === "searchPractices").at(-1)?.args).toEqual({
      filter: { text: "oswiata", area: null, unit_kind: "gmina_miejsko_wiejska", size_class: "50000-100000", woj: "12" },
    });
    expect(document.querySelector("[data-testid=practices-count]")?.textContent).toBe("Znalezione praktyki: 1");

    button("Wspólne zakupy energii dla szkół").click();
    await settle();
    expect(described("Obszar")).toBe("Rozwój instytucjonalny — partnerstwo");
    expect(described("Lata wdrażania")).toBe("od 2024 (trwa)");
    expect(described("Wpisano do bazy")).toBe("30.11.2026");
    expect(described("Liczba mieszkańców przy wpisie")).toBe("69 791");
    const article = document.querySelector("[data-testid=practice-page]")!;
    expect(article.querySelector("img")).toBeNull();
    expect(article.textContent).toContain('<img src=x onerror="window.hacked=1">');
    expect(article.querySelector("strong")?.textContent).toBe("umowa");
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();

    button("Pokaż").click();
    await settle();
    expect(article.querySelector("img")?.getAttribute("src")).toBe("data:image/png;base64,iVBORw0KGgo=");
    expect(article.querySelector("img")?.getAttribute("alt")).toBe("Zdjęcie");
    unmount(screen);
  });

  it("offers the size classes of the chosen kind only", async () => {
    mockCommands({ searchPractices: () => [] });
    const screen = mount(Practices, { target: document.body, props: { demo: false } });
    await settle();
    const size = document.querySelector<HTMLSelectElement>("select[name=practice-size]")!;
    expect(size.disabled).toBe(true);
    choose(document.querySelector<HTMLSelectElement>("select[name=practice-kind]")!, "powiat");
    expect([...size.options].map((o) => o.value).slice(0, 3)).toEqual(["", "0-50000", "50000-100000"]);
    expect(document.body.textContent).toContain("Nie znaleziono praktyk");
    unmount(screen);
  });

  it("shows why each practice is proposed and opens it", async () => {
    const opened: number[] = [];
    mockCommands({
      suggestPractices: () => [
        {
          practice: found[0],
          indicator: "WYD_SP_NA_UCZNIA",
          indicator_name: "Wydatki na ucznia",
          lag: "weakest_quartile",
          year: 2024,
          basis: "same_kind_size_best_quartile",
          reason: "Gmina jest w najsłabszej ćwiartce grupy w 2024 r.",
        },
      ],
    });
    const list = mount(PracticeSuggestions, { target: document.body, props: { onopenpractice: (id: number) => opened.push(id) } });
    await settle();
    const text = document.querySelector("[data-testid=practice-suggestions]")!.textContent!;
    expect(text).toContain("W najsłabszej ćwiartce grupy: Wydatki na ucznia");
    expect(text).toContain("Gmina jest w najsłabszej ćwiartce grupy w 2024 r.");
    button("Wspólne zakupy energii dla szkół").click();
    expect(opened).toEqual([7]);
    unmount(list);
  });

  it("says so when nothing lags, and shows a failure as text", async () => {
    mockCommands({ suggestPractices: () => fail({ kind: "missing_data", message: "Nie wybrano jednostki." }) });
    const list = mount(PracticeSuggestions, { target: document.body, props: { indicator: "X", onopenpractice: () => {} } });
    await settle();
    expect(document.body.textContent).toContain("Nie wybrano jednostki.");
    unmount(list);
  });
});

describe("proposing a practice (issue 14)", () => {
  afterEach(() => {
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  const fill = () => {
    typeInto(document.querySelector<HTMLInputElement>("input[name=proposal-title]")!, "Budżet seniora");
    typeInto(document.querySelector<HTMLInputElement>("input[name=proposal-body]")!, "Urząd Miasta Kutno");
    typeInto(document.querySelector<HTMLInputElement>("input[name=years-from]")!, "2023");
    typeInto(document.querySelector<HTMLTextAreaElement>("textarea[name=proposal-summary]")!, "Seniorzy wybierają projekty.");
    typeInto(document.querySelector<HTMLTextAreaElement>("textarea[name=proposal-presentation]")!, "<b>Rada</b> seniorów");
  };

  it("shows the core's problems by field and sends nothing", async () => {
    const calls = mockCommands({
      comparableIndicators: () => [],
      practiceProposals: () => [],
      checkPracticeProposal: () => [{ field: "presentation", message: "pole „Pełna prezentacja”: zawiera znacznik HTML" }],
    });
    const form = mount(ProposalForm, { target: document.body, props: { onclose: () => {} } });
    await settle();
    fill();
    button("Zapisz i wyślij do stowarzyszenia").click();
    await settle();
    expect(document.querySelector("[data-testid=proposal-problems]")?.textContent).toContain("zawiera znacznik HTML");
    expect(calls.map((c) => c.command)).not.toContain("proposePractice");
    expect(calls.find((c) => c.command === "checkPracticeProposal")?.args.input).toMatchObject({
      title: "Budżet seniora",
      area: "uslugi_spoleczne",
      sub_area: null,
      years_from: 2023,
      years_to: null,
      contacts: [],
    });
    unmount(form);
  });

  it("says a proposal kept but not sent, and sends it again from the list", async () => {
    const notSent: PracticeProposalView = { local_id: 1, title: "Budżet seniora", created: "2026-12-02T10:00:00Z", status: "not_sent", server_id: null, sent_at: null, failure: "brak połączenia z serwerem.", failure_code: "offline" };
    const sent: PracticeProposalView = { ...notSent, status: "sent", server_id: 12, sent_at: "2026-12-02T10:05:00Z", failure: null, failure_code: null };
    let list = [notSent];
    const calls = mockCommands({
      comparableIndicators: () => [],
      practiceProposals: () => list,
      checkPracticeProposal: () => [],
      proposePractice: () => notSent,
      sendPracticeProposal: () => {
        list = [sent];
        return sent;
      },
    });
    const form = mount(ProposalForm, { target: document.body, props: { onclose: () => {} } });
    await settle();
    fill();
    button("Zapisz i wyślij do stowarzyszenia").click();
    await settle();
    expect(document.querySelector("[data-testid=proposal-result]")?.textContent).toContain("nie została wysłana: brak połączenia z serwerem.");
    button("Wyślij ponownie").click();
    await settle();
    expect(calls.find((c) => c.command === "sendPracticeProposal")?.args).toEqual({ localId: 1 });
    expect(document.querySelector("[data-testid=proposal-result]")?.textContent).toContain("numer 12");
    expect(document.querySelector("[data-testid=proposal-list]")?.textContent).toContain("wysłana");
    unmount(form);
  });
});

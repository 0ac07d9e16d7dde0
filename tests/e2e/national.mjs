// The national dataset in the real window (issue 5 "done when", DESIGN §11 memory): opens the
// app on a data folder that received the national release with `jst sync` (e.g. the one
// `cargo xtask bench --only releases` leaves in `<national>/wydania-pomiar/urzad`), shows
// Porównania for a synthetic indicator with the whole-country groups, keeps screenshots and
// prints the app process's resident memory. A manual check, not part of CI (the folder is
// 1 GB); run under a display:
//   APP_BINARY=target/release/monitor-jst TAURI_DRIVER=~/.cargo/bin/tauri-driver \
//   ARTIFACTS=artifacts/krajowe NATIONAL_DATA_DIR=target/national/wydania-pomiar/urzad \
//   node tests/e2e/national.mjs
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { env, join, startApp } from "./webdriver.mjs";

const artifacts = env("ARTIFACTS");
mkdirSync(artifacts, { recursive: true });
const dataDir = env("NATIONAL_DATA_DIR");

/** Resident and peak resident memory (MB) of the running app processes. */
function appMemory() {
  const rows = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let status;
    try {
      status = readFileSync(`/proc/${pid}/status`, "utf8");
    } catch {
      continue;
    }
    const name = status.match(/^Name:\s+(.*)$/m)?.[1] ?? "";
    if (!name.startsWith("monitor-jst") && !name.startsWith("WebKitWebProce") && !name.startsWith("WebKitNetworkP")) continue;
    const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);
    rows.push({ name, pid, rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) });
  }
  return rows;
}

const session = await startApp({ driver: env("TAURI_DRIVER"), app: env("APP_BINARY"), env: { JST_DATA_DIR: dataDir } });
const s = session;
try {
  await s.waitFor("Pulpit", "return document.querySelector('h1')?.innerText === 'Wieliczka';");
  console.log("po starcie:", JSON.stringify(appMemory()));
  await s.click("nav button", "Porównania");
  await s.waitFor("wiek danych", "return /wydanie \\d+/.test(document.querySelector('[data-testid=peer-data-age]')?.innerText ?? '');");
  console.log("wiek danych:", await s.text("return document.querySelector('[data-testid=peer-data-age]').innerText;"));
  await s.waitFor("pozycja w grupie", "return document.querySelector('[data-testid=group-info]')?.innerText.includes('Grupa:');");
  const options = await s.text("return [...document.querySelectorAll('select[name=indicator] option')].map((o) => o.value).join(',');");
  const synthetic = options.split(",").filter((o) => o.startsWith("SYN_"));
  console.log(`wskaźników do porównań: ${options.split(",").length}, w tym syntetycznych krajowych: ${synthetic.length}`);
  assert.ok(synthetic.length > 0, "the national release's indicators reach Porównania");
  // A synthetic national indicator against all gminy of the country (the whole family).
  await s.text(`const pick = (name, v) => { const sel = document.querySelector('select[name=' + name + ']'); sel.value = v; sel.dispatchEvent(new Event('change')); }; pick('indicator', '${synthetic[0]}'); pick('group', 'all'); return '';`);
  await s.click("button", "Pokaż");
  await s.waitFor("wskaźnik krajowy", "return document.querySelector('#own-title')?.innerText.includes('syntetyczny') && /Jednostek w grupie: \\d ?\\d{3}/.test(document.querySelector('[data-testid=group-info]')?.innerText.replace(/\\s/g, ' ') ?? '');");
  const info = await s.text("return document.querySelector('[data-testid=group-info]').innerText;");
  console.log("grupa:", info.replace(/\s+/g, " "));
  await s.screenshot(join(artifacts, "krajowe-porownania.png"));
  await s.waitFor("podobne jednostki", "return document.querySelectorAll('[data-testid=similar-units] tbody tr').length > 0;");
  await s.waitFor("mapa grupy", "return document.querySelectorAll('[data-testid=peer-map] path.area').length >= 2;");
  await s.text("document.querySelector('[data-testid=peer-map]').scrollIntoView({ block: 'center' }); return '';");
  await new Promise((r) => setTimeout(r, 500));
  await s.screenshot(join(artifacts, "krajowe-porownania-mapa.png"));
  console.log("po porównaniu:", JSON.stringify(appMemory()));
  await s.click("nav button", "Koszty");
  await s.waitFor("koszty", "return document.querySelector('[data-testid=costs-summary]') !== null;");
  await s.screenshot(join(artifacts, "krajowe-koszty.png"));
  console.log("po kosztach:", JSON.stringify(appMemory()));
} catch (error) {
  await session.screenshot(join(artifacts, "krajowe-blad.png")).catch(() => {});
  console.error(await session.text("return (document.querySelector('#own-title')?.innerText ?? '-') + ' | ' + (document.querySelector('[data-testid=group-info]')?.innerText ?? '-') + ' | ' + (document.querySelector('[role=alert]')?.innerText ?? '');").catch(() => ""));
  throw error;
} finally {
  await session.close();
}

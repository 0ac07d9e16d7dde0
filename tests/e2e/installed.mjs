// The app as a town hall gets it: the program the `.deb` installed (/usr/bin/monitor-jst), started
// on an empty data folder, shows the unit chooser, finds a unit in the shipped register and opens
// its Pulpit. Run by `cargo xtask bundle --install-test`, which sets APP_BINARY, TAURI_DRIVER,
// ARTIFACTS, JST_DATA_DIR and DISPLAY.
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { env, join, startApp } from "./webdriver.mjs";

const artifacts = env("ARTIFACTS");
mkdirSync(artifacts, { recursive: true });
const dataDir = env("JST_DATA_DIR");

const session = await startApp({ driver: env("TAURI_DRIVER"), app: env("APP_BINARY"), env: { JST_DATA_DIR: dataDir } });
const s = session;
try {
  await s.waitFor("ekran wyboru jednostki", "return document.querySelector('#unit-search') !== null;");
  assert.equal(await s.text("return document.title;"), "Monitor JST");
  assert.equal(await s.text("return document.documentElement.lang;"), "pl");
  await s.type("#unit-search", "wieliczka");
  // A search result, not the demo button's "Wieliczka": the shipped register answered.
  await s.waitFor(
    "Wieliczka w rejestrze",
    "return [...document.querySelectorAll('button.result')].some((b) => b.innerText.includes('Wieliczka'));",
  );
  await s.screenshot(join(artifacts, "zainstalowany-wybor-jednostki.png"));
  await s.click("button.result", "1219053");
  await s.waitFor("Pulpit Wieliczki", "return document.querySelector('h1')?.innerText === 'Wieliczka';");
  await s.screenshot(join(artifacts, "zainstalowany-pulpit.png"));
  assert.ok(existsSync(join(dataDir, "local.db")), "the installed app made its data folder");
  console.log("zainstalowana aplikacja: wybór jednostki z rejestru TERYT, Pulpit Wieliczki");
} catch (error) {
  await session.screenshot(join(artifacts, "zainstalowany-blad.png")).catch(() => {});
  throw error;
} finally {
  await session.close();
}

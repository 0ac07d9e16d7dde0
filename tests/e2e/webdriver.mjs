// A minimal W3C WebDriver client over fetch, enough to drive the Tauri window through
// tauri-driver. Every call fails loudly with the driver's message.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** A required environment variable (the runner sets them), or a clear error. */
export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`brak zmiennej ${name}`);
  return value;
};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts tauri-driver with `env` (which reaches the app; `null` values are removed) and opens
 *  a session on the app. */
export async function startApp({ driver, app, env }) {
  const childEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === null) delete childEnv[key];
  const port = await freePort();
  // Two free ports asked one after the other may be the same one, just released: tauri-driver
  // then listens on its own native port and loops on "accept new stream fail".
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  const child = spawn(driver, ["--port", String(port), "--native-port", String(nativePort)], {
    env: childEnv,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 200) throw new Error("tauri-driver nie odpowiada");
    await sleep(50);
  }
  const created = await call(base, "POST", "/session", {
    capabilities: { alwaysMatch: { "tauri:options": { application: app } } },
  });
  return new Session(base, created.sessionId, child);
}

async function call(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json.value ?? json)}`);
  }
  return json.value;
}

export class Session {
  constructor(base, id, child) {
    this.base = base;
    this.id = id;
    this.child = child;
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async find(css) {
    const found = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return found.map((e) => e[ELEMENT]);
  }

  /** Waits until `predicate` (a function body run in the page returning a truthy value) holds. */
  async waitFor(description, script, args = [], timeoutMs = 15000) {
    const start = Date.now();
    let last;
    while (Date.now() - start < timeoutMs) {
      try {
        last = await this.cmd("POST", "/execute/sync", { script, args });
        if (last) return last;
      } catch (e) {
        last = e.message;
      }
      await sleep(100);
    }
    throw new Error(`nie doczekano się: ${description} (ostatnio: ${JSON.stringify(last)})`);
  }

  async type(css, text) {
    const [el] = await this.find(css);
    if (!el) throw new Error(`brak elementu ${css}`);
    await this.cmd("POST", `/element/${el}/click`, {});
    await this.cmd("POST", `/element/${el}/value`, { text });
  }

  async click(css, containing) {
    const ids = await this.find(css);
    for (const id of ids) {
      const text = await this.cmd("GET", `/element/${id}/text`);
      if (!containing || text.includes(containing)) {
        await this.cmd("POST", `/element/${id}/click`, {});
        return;
      }
    }
    throw new Error(`brak elementu ${css} z tekstem ${containing}`);
  }

  text(script) {
    return this.cmd("POST", "/execute/sync", { script, args: [] });
  }

  async screenshot(path) {
    const png = await this.cmd("GET", "/screenshot");
    writeFileSync(path, Buffer.from(png, "base64"));
  }

  /** Runs axe-core in the window; returns violations of the given impacts. */
  async axe(axeScriptPath, impacts = ["serious", "critical"]) {
    const source = readFileSync(axeScriptPath, "utf8");
    await this.cmd("POST", "/execute/sync", { script: source + "\nreturn true;", args: [] });
    const result = await this.cmd("POST", "/execute/async", {
      script: `const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ["violations"] })
          .then((r) => done(JSON.stringify(r.violations)))
          .catch((e) => done(JSON.stringify([{ id: "axe-error", impact: "critical", description: String(e) }])));`,
      args: [],
    });
    return JSON.parse(result).filter((v) => impacts.includes(v.impact));
  }

  /** Calls a Rust command through the real IPC, as the UI does. */
  invoke(command, args = {}) {
    return this.cmd("POST", "/execute/async", {
      script: `const done = arguments[arguments.length - 1];
        window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
          .then((v) => done({ ok: v }), (e) => done({ err: e }));`,
      args: [command, args],
    });
  }

  async close() {
    try {
      await call(this.base, "DELETE", `/session/${this.id}`);
    } finally {
      this.child.kill();
      await new Promise((r) => this.child.once("exit", r));
    }
  }
}

export function tempDataDir(label) {
  return mkdtempSync(join(tmpdir(), `jst-e2e-${label}-`));
}

export { join };

// Typed IPC mocks for component tests: every answer is checked against the generated bindings, so
// a change of a Rust view type breaks the tests' type-check, not only the screens'.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Channel } from "@tauri-apps/api/core";
import type { ApiError, commands } from "../ipc/bindings";

type Commands = typeof commands;
/** A command's name in the bindings (`recordValue`); the IPC name is its snake case (`record_value`). */
export type CommandName = keyof Commands;
/** What a command answers on success, as the bindings declare it. */
export type Answer<K extends CommandName> = Extract<Awaited<ReturnType<Commands[K]>>, { status: "ok" }>["data"];
/** Arguments as the webview sends them (named, camelCase), e.g. `{ input, year }`. */
export type Args = Record<string, unknown>;
export type Handlers = { [K in CommandName]?: (args: Args) => Answer<K> | Promise<Answer<K>> };

export interface Call {
  command: CommandName;
  args: Args;
}

const ipcName = (command: string) => command.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Mocks the Tauri IPC with typed handlers and returns the calls made, in order. A command without
 * a handler fails (as an internal error in the screen), so a test sees every call it causes.
 */
export function mockCommands(handlers: Handlers): Call[] {
  const names = new Map<string, CommandName>();
  for (const command of Object.keys(handlers) as CommandName[]) names.set(ipcName(command), command);
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const command = names.get(cmd);
    const handler = command && handlers[command];
    if (!command || !handler) throw new Error(`unexpected command ${cmd}`);
    const args = (payload ?? {}) as Args;
    calls.push({ command, args });
    return handler(args);
  });
  return calls;
}

/** Fails a mocked command the way the Rust shell does: with an `ApiError`. */
export function fail(error: ApiError): never {
  throw error;
}

/** The progress channel a command was given (`onProgress`), to send messages as Rust would. */
export function progressChannel<T>(args: Args): Channel<T> {
  return args.onProgress as Channel<T>;
}

/** A promise the test settles by hand, for a command still running. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

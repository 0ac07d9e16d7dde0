import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { api, IpcError } from "./index";
import { wieliczkaStatus } from "../test/fixtures";

const demo = wieliczkaStatus(true);

describe("ipc", () => {
  afterEach(() => clearMocks());

  it("calls the generated commands with their arguments", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "search_units") return [];
      if (cmd === "open_demo") return demo;
      throw new Error(`unexpected ${cmd}`);
    });
    expect(await api.searchUnits("lodz")).toEqual([]);
    expect(await api.openDemo()).toEqual(demo);
    expect(calls).toEqual([
      ["search_units", { query: "lodz" }],
      ["open_demo", {}],
    ]);
  });

  it("turns an ApiError into an IpcError with its kind", async () => {
    mockIPC(() => {
      throw { kind: "not_found", message: "nie ma jednostki" };
    });
    const error = await api.chooseUnit("9999999").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect((error as IpcError).kind).toBe("not_found");
    expect((error as IpcError).message).toBe("nie ma jednostki");
  });
});

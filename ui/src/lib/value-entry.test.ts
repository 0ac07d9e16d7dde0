import { describe, expect, it } from "vitest";
import { IpcError } from "../ipc";
import { saveFailure } from "./value-entry";

describe("saveFailure", () => {
  it("puts a required note beside the note field with the core's words", () => {
    const failure = saveFailure(new IpcError({ kind: "note_required", message: "wpisz wyjaśnienie" }));
    expect(failure).toEqual({ field: "note", message: "wpisz wyjaśnienie", error: null });
  });

  it("sends any other failure to the form's error panel", () => {
    const failure = saveFailure(new IpcError({ kind: "invalid_input", message: "zły rok" }));
    expect(failure.field).toBeNull();
    expect(failure.error).toEqual({ kind: "invalid_input", message: "zły rok" });
  });
});

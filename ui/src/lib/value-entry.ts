// What a failed save of an own value means for the form, shared by the value grid (Dane) and the
// indicator's entry form (Strategia): a note the method requires belongs beside the note field,
// with the core's words; anything else goes to the form's error panel.
import { asApiError, IpcError, type ApiError } from "../ipc";

export type SaveFailure =
  | { field: "note"; message: string; error: null }
  | { field: null; message: null; error: ApiError };

export function saveFailure(e: unknown): SaveFailure {
  if (e instanceof IpcError && e.kind === "note_required") {
    return { field: "note", message: e.message, error: null };
  }
  return { field: null, message: null, error: asApiError(e) };
}

// The only module that talks to Tauri. Screens call `api`; failures arrive as `IpcError`, whose
// `kind` the UI branches on (never the message text).
import { commands, type ApiError, type ErrorKind, type StatusView, type UnitView } from "./bindings";

export type { ApiError, ErrorKind, StatusView, UnitView };
export type { OwnUnitView, PopulationView } from "./bindings";

export class IpcError extends Error {
  readonly kind: ErrorKind;
  constructor(error: ApiError) {
    super(error.message);
    this.kind = error.kind;
  }
}

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: ApiError };

function unwrap<T>(result: Result<T>): T {
  if (result.status === "ok") return result.data;
  throw new IpcError(result.error);
}

export const api = {
  status: async (): Promise<StatusView> => unwrap(await commands.appStatus()),
  searchUnits: async (query: string): Promise<UnitView[]> => unwrap(await commands.searchUnits(query)),
  chooseUnit: async (teryt: string): Promise<StatusView> => unwrap(await commands.chooseUnit(teryt)),
  openDemo: async (): Promise<StatusView> => unwrap(await commands.openDemo()),
};

/** Any thrown value as an ApiError-like pair for display. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof IpcError) return { kind: error.kind, message: error.message };
  return { kind: "internal", message: error instanceof Error ? error.message : String(error) };
}

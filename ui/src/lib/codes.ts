// Closed sets of codes that cross the IPC boundary as Rust enums (see ipc/bindings.ts). The UI
// lists them from records keyed by the generated union, so a code added in Rust fails
// type-checking here until the UI knows what to show for it.

/** The keys of a record over a closed set, in the record's order. */
export function keysOf<K extends string>(record: Record<K, unknown>): K[] {
  // Object.keys is typed string[]; the record's type guarantees exactly the members of K.
  return Object.keys(record) as K[];
}

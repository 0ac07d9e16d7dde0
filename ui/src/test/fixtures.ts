import type { StatusView } from "../ipc/bindings";

/** The status of a folder where Wieliczka was chosen, as the core returns it. */
export function wieliczkaStatus(demo: boolean): StatusView {
  return {
    unit: {
      teryt: "1219053",
      name: "Wieliczka",
      kind: "gmina_miejsko_wiejska",
      powiat: "wielicki",
      voivodeship: "małopolskie",
      population: { year: 2024, value: 69791 },
    },
    data_dir: "/tmp/dane",
    schema_version: 3,
    demo,
  };
}

import type { PracticeArea, UnitKind } from "../ipc";
import { formatInteger } from "./format";

/** The base's areas in the order of the associations' base. */
export const PRACTICE_AREAS: readonly PracticeArea[] = [
  "rozwoj_instytucjonalny",
  "uslugi_spoleczne",
  "uslugi_techniczne",
  "efektywnosc_energetyczna",
  "wspolpraca_jst_ngo",
  "wspolpraca_miedzy_jst",
  "dialog_spoleczny",
];

const GMINA_BOUNDS = [0, 5000, 10000, 20000, 50000, 100000, 300000];
const POWIAT_STEP = 50000;
const POWIAT_CLASSES = 9;

/**
 * The comparison's size classes (DESIGN §5.5) for a kind of unit, as the practice filter codes
 * them (`20000-50000`, `300000-inf`), with a `pl-PL` label.
 */
export function sizeClasses(kind: UnitKind): { code: string; label: string }[] {
  const pairs: [number, number | null][] =
    kind === "powiat"
      ? Array.from({ length: POWIAT_CLASSES }, (_, i) => [i * POWIAT_STEP, (i + 1) * POWIAT_STEP])
      : GMINA_BOUNDS.map((lower, i) => [lower, GMINA_BOUNDS[i + 1] ?? null]);
  return pairs.map(([lower, upper]) => ({
    code: `${lower}-${upper ?? "inf"}`,
    label: upper === null ? `≥ ${formatInteger(lower)}` : `${formatInteger(lower)}–${formatInteger(upper)}`,
  }));
}

/** Sub-areas of "Rozwój instytucjonalny" (the only area with sub-areas). */
export const SUB_AREAS = [
  "zarzadzanie_strategiczne",
  "zarzadzanie_zasobami",
  "zarzadzanie_personelem",
  "partnerstwo",
  "zarzadzanie_uslugami",
] as const;

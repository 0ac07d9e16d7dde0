// Numbers and dates exactly as Intl formats them for pl-PL (DESIGN §12): "69 791", "1234,5".

const integer = new Intl.NumberFormat("pl-PL", { maximumFractionDigits: 0 });

export function formatInteger(value: number): string {
  return integer.format(value);
}

export function formatNumber(value: number, fractionDigits = 1): string {
  return new Intl.NumberFormat("pl-PL", {
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

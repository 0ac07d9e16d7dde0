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

/** An RFC 3339 instant as `dd.mm.rrrr gg:mm` in local time, as pl-PL writes it. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = new Intl.DateTimeFormat("pl-PL", { day: "2-digit", month: "2-digit", year: "numeric" }).format(d);
  const time = new Intl.DateTimeFormat("pl-PL", { hour: "2-digit", minute: "2-digit" }).format(d);
  return `${date} ${time}`;
}

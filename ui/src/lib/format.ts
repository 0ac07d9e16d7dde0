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

/** An ISO day `RRRR-MM-DD` as pl-PL writes it, `dd.mm.rrrr`; anything else as it is. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** Bytes in decimal units as pl-PL writes them: `856 B`, `12,4 kB`, `3,1 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1e3) return `${formatInteger(bytes)} B`;
  if (bytes < 1e6) return `${formatNumber(bytes / 1e3, 1)} kB`;
  return `${formatNumber(bytes / 1e6, 1)} MB`;
}

/**
 * A day typed by a person: `DD.MM.RRRR` as Poles write it, or ISO `RRRR-MM-DD`; answers the ISO
 * day, `""` for an empty field and `null` for anything that is not a real day.
 */
export function parseDay(text: string): string | null {
  const typed = text.trim();
  if (typed === "") return "";
  const polish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const [year, month, day] = polish
    ? [Number(polish[3]), Number(polish[2]), Number(polish[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (year === 0) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

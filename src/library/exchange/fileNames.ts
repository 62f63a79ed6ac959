/** The names and media types of the files a newsletter is exported as. */

export type ExportKind = 'newsletter' | 'geojson' | 'csv';

/** File name ending and media type of each export. */
export const EXPORT_TYPES: Record<ExportKind, { ending: string; type: string }> = {
  newsletter: { ending: '.newsletter.json', type: 'application/json' },
  geojson: { ending: '.mentions.geojson', type: 'application/geo+json' },
  csv: { ending: '.mentions.csv', type: 'text/csv' },
};

/**
 * A file name for an export: the newsletter's id (or title) as lower-case letters, digits and
 * hyphens (nothing a file system or a shell would read otherwise), at most 80 of them, then the
 * kind's ending, e.g. "russian-embassy-2020-06.mentions.csv"; "newsletter" when nothing is left.
 */
export function exportFileName(name: string, kind: ExportKind): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'newsletter';
  return base + EXPORT_TYPES[kind].ending;
}

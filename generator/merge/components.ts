import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { jsonEqual, type JsonObject } from '../openapi/json.ts';
import { COMPONENT_KINDS, type ComponentKind, type PageFragment, type PageInfo, type SourcedValue } from '../normalise/fragment.ts';
import type { SourceLocation } from '../diagnostics/diagnostic.ts';
import { compareNewestFirst, sameVintage } from './precedence.ts';

export interface ComponentChoice {
  value: JsonObject;
  source: SourceLocation;
  /** The page line of a node inside the value, when the page keeps its shape (see `SourcedValue.locate`). */
  locate?: (path: readonly (string | number)[]) => number;
  page: PageInfo;
  /** Older or equal-vintage pages whose definition differs from the chosen one. */
  differing: { source: SourceLocation; page: PageInfo }[];
}

export type ComponentTable = Record<ComponentKind, Map<string, ComponentChoice>>;

/**
 * Every page re-declares the components it uses, in the version it was generated from. For each name the
 * newest page's definition wins; the pages that disagree with it are kept for the conflict report.
 */
export function chooseComponents(fragments: readonly PageFragment[]): ComponentTable {
  const table = Object.fromEntries(COMPONENT_KINDS.map((k) => [k, new Map()])) as ComponentTable;
  for (const kind of COMPONENT_KINDS) {
    const all = new Map<string, (SourcedValue & { page: PageInfo })[]>();
    for (const fragment of fragments) {
      for (const [name, entry] of Object.entries(fragment.components[kind] ?? {})) {
        all.set(name, [...(all.get(name) ?? []), { ...entry, page: fragment.page }]);
      }
    }
    for (const [name, definitions] of all) table[kind].set(name, chooseNewest(definitions));
  }
  return table;
}

/** Of several pages' definitions of one thing, the newest (see precedence.ts), with the ones that differ from it. */
export function chooseNewest(definitions: readonly (SourcedValue & { page: PageInfo })[]): ComponentChoice {
  const [winner, ...rest] = [...definitions].sort((a, b) => compareNewestFirst(a.page, b.page));
  const differing = rest.filter((d) => !jsonEqual(d.value, winner!.value)).map(({ source, page }) => ({ source, page }));
  return { ...winner!, differing };
}

/**
 * One finding per component whose pages disagree: a warning when no page is newer than the other (`rival` says
 * which pages could rival the chosen one; by default, those of the same vintage).
 */
export function reportComponentConflicts(
  kind: string,
  name: string,
  choice: ComponentChoice,
  diagnostics: Diagnostics,
  rival: (a: PageInfo, b: PageInfo) => boolean = sameVintage,
): void {
  if (choice.differing.length === 0) return;
  const ambiguous = choice.differing.filter((d) => rival(d.page, choice.page));
  const related = choice.differing.map((d) => d.source);
  if (ambiguous.length > 0) {
    diagnostics.warn(
      'component-conflict',
      `${kind}/${name} differs between pages of the same date and version; using ${choice.page.file} (${ambiguous.length} page(s) disagree)`,
      choice.source,
      { related },
    );
  } else {
    diagnostics.info(
      'component-superseded',
      `${kind}/${name}: ${choice.differing.length} older page(s) define it differently; using the newest, ${choice.page.file}`,
      choice.source,
      { related },
    );
  }
}

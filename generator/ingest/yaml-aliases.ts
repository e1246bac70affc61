import { isAlias, isCollection, isPair } from 'yaml';

/**
 * How many nodes a parsed YAML document has once every alias is expanded, counted without expanding anything: each
 * anchored node's size is computed once, where it is defined, and an alias adds its anchor's size. Linear in the
 * document (the YAML library's own alias budget walks the whole document again for every alias). Counting stops
 * as soon as it passes `limit`, so an alias bomb (`a: &a [x, x]`, `b: &b [*a, *a]`, …) is refused at once.
 * An alias inside its own anchor (a cycle) counts as one node here; the copy made afterwards reports it.
 */
export function expandedNodeCount(root: unknown, limit: number): number {
  /** Anchor name → the node that most recently defined it, in document order (what an alias there refers to). */
  const anchors = new Map<string, unknown>();
  /** Anchored node → its expanded size, once its subtree is counted. */
  const sizes = new Map<unknown, number>();
  const count = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      return (target !== undefined && sizes.get(target)) || 1;
    }
    const anchor = (node as { anchor?: unknown } | null)?.anchor;
    if (typeof anchor === 'string') anchors.set(anchor, node);
    let size = 1;
    if (isPair(node)) size = count(node.key) + count(node.value);
    else if (isCollection(node)) {
      for (const item of node.items) {
        size += count(item);
        if (size > limit) return size;
      }
    }
    if (typeof anchor === 'string') sizes.set(node, size);
    return size;
  };
  return count(root);
}

/**
 * Keeps `value` under `key` in `memo`, which starts over once it holds `limit` entries: the books remember the
 * few hundred prices and sizes a feed repeats, and stay bounded whatever it sends. Returns `value`.
 */
export function remember<K, V>(memo: Map<K, V>, limit: number, key: K, value: V): V {
  if (memo.size >= limit) memo.clear();
  memo.set(key, value);
  return value;
}

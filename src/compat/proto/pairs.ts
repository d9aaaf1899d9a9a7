/** Walks two keyed collections: pairs present on both sides, then those only on one side. */
export function forEachPair<T>(
  previous: Map<string, T> | Map<number, T>,
  current: Map<string, T> | Map<number, T>,
  handlers: { paired?(before: T, after: T): void; deleted?(before: T): void; added?(after: T): void },
): void {
  const prev = previous as Map<string | number, T>;
  const curr = current as Map<string | number, T>;
  for (const [key, before] of prev) {
    const after = curr.get(key);
    if (after !== undefined) handlers.paired?.(before, after);
    else handlers.deleted?.(before);
  }
  if (handlers.added) for (const [key, after] of curr) if (!prev.has(key)) handlers.added(after);
}

export function byKey<T, K extends string | number>(items: Iterable<T>, key: (item: T) => K): Map<K, T> {
  const map = new Map<K, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

// Callers hold keyed data as a Map (server) or a plain object (JSON from the
// API); core accepts both so neither side converts just to call it.
export type Lookup<V> = ReadonlyMap<string, V> | Readonly<Record<string, V>>

export function lookupGet<V>(table: Lookup<V>, key: string): V | undefined {
  if (table instanceof Map) return table.get(key)
  const record = table as Readonly<Record<string, V>>
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
}

export function lookupEntries<V>(table: Lookup<V>): Array<[string, V]> {
  return table instanceof Map ? [...table.entries()] : Object.entries(table as Readonly<Record<string, V>>)
}

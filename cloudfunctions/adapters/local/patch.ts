import { assertFieldPath, StoreError, UpdateOp, type Patch } from '../../ports/docstore';

/** Applies a DocStore patch (dotted paths, inc / push / remove) to a plain document copy. */
export function applyPatch<T extends Record<string, unknown>>(doc: T, patch: Patch): T {
  const out = structuredClone(doc) as Record<string, unknown>;
  for (const [path, value] of Object.entries(patch)) {
    if (path === '_id') throw new StoreError('INVALID', '_id cannot be updated');
    // Also keeps `__proto__` and friends out, so a patch can never reach Object.prototype.
    assertFieldPath(path);
    const keys = path.split('.');
    let parent = out;
    for (const key of keys.slice(0, -1)) {
      const next = parent[key];
      if (next === undefined || next === null) parent[key] = {};
      else if (typeof next !== 'object' || Array.isArray(next)) {
        throw new StoreError('INVALID', `cannot descend into ${path}`);
      }
      parent = parent[key] as Record<string, unknown>;
    }
    const leaf = keys[keys.length - 1];
    if (value instanceof UpdateOp) {
      if (value.kind === 'remove') {
        delete parent[leaf];
      } else if (value.kind === 'inc') {
        const current = parent[leaf] ?? 0;
        if (typeof current !== 'number') throw new StoreError('INVALID', `${path} is not a number`);
        parent[leaf] = current + (value.value as number);
      } else {
        const current = parent[leaf] ?? [];
        if (!Array.isArray(current)) throw new StoreError('INVALID', `${path} is not an array`);
        parent[leaf] = [...current, ...(value.value as unknown[])];
      }
    } else {
      parent[leaf] = value === undefined ? null : structuredClone(value);
    }
  }
  return out as T;
}

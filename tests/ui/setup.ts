// Flags Taro's H5 build defines at compile time; the components read them at runtime.
const g = globalThis as Record<string, unknown>;
g.ENABLE_INNER_HTML = true;
g.ENABLE_ADJACENT_HTML = true;
g.ENABLE_SIZE_APIS = true;
g.ENABLE_TEMPLATE_CONTENT = true;
g.ENABLE_CLONE_NODE = true;
g.ENABLE_CONTAINS = true;
g.ENABLE_MUTATION_OBSERVER = true;
g.DEPRECATED_ADAPTER_COMPONENT = false;
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';

// The real local host runs in-process in UI tests; jsdom's global lacks Node's structuredClone,
// which the SQLite adapter uses to keep transaction writes apart from the caller's objects.
if (typeof g.structuredClone !== 'function') {
  const v8 = require('node:v8') as typeof import('node:v8');
  g.structuredClone = (value: unknown) => v8.deserialize(v8.serialize(value));
}

// The same for TextEncoder / TextDecoder, which the in-process host's QR code drawing uses.
if (typeof g.TextEncoder !== 'function') {
  const util = require('node:util') as typeof import('node:util');
  g.TextEncoder = util.TextEncoder;
  g.TextDecoder = util.TextDecoder;
}

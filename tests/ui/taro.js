/**
 * `@tarojs/taro` for jsdom: the real H5 API (storage, toast, phone call…) from taro-h5, plus the
 * page-lifecycle hooks, which only exist inside a running Taro app. The router hook reads
 * Taro's own `Current.router`, which tests set as the app would when a page opens.
 *
 * taro-h5 requires the components, which require `@tarojs/taro` again: look names up lazily so
 * the cycle resolves to the finished module.
 */
const { Current } = require('@tarojs/runtime');
const { useEffect } = require('react');

function useRouter() {
  return Current.router ?? { params: {}, path: '' };
}

/** In a real app this also fires when the page comes back into view; in a test, on mount. */
function useDidShow(cb) {
  useEffect(() => {
    cb();
  }, []);
}

/** A page in a test never leaves view while it is mounted. */
function useDidHide() {}

const own = { useRouter, useDidShow, useDidHide };

/** taro-h5 exports its APIs by name and keeps a few (e.g. getEnv) on its default object. */
let h5;
function fromH5(name) {
  // Kept once loaded: an answer arriving after a test file ends may still reach for storage,
  // and jest refuses a require after its environment is torn down.
  h5 ??= require('@tarojs/taro-h5');
  const m = h5;
  return name in m ? m[name] : m.default?.[name];
}

const Taro = new Proxy(own, {
  get(target, name) {
    if (name in target) return target[name];
    if (name === 'default') return Taro;
    if (name === '__esModule') return true;
    return fromH5(name);
  },
});

module.exports = Taro;

/**
 * The mini-program passes the code URL-encoded in `scene`; H5 passes it in the query (already
 * decoded). Decoding twice is harmless for codes, which are plain letters, digits, - and _.
 * A scanned mini-program code found by 扫一扫 carries it in its path: `...?scene=<code>`.
 */
export function codeFromScene(scene: string | undefined | null): string | null {
  if (!scene) return null;
  try {
    return decodeURIComponent(scene).trim() || null;
  } catch {
    return null;
  }
}

export function sceneFromPath(path: string | undefined): string | null {
  if (!path) return null;
  const m = /[?&]scene=([^&#]*)/.exec(path);
  return m ? codeFromScene(m[1]) : null;
}

// fontkit 2 ships no types; pdf-lib only needs `create`, and its own Fontkit type says the rest.
declare module 'fontkit' {
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): unknown;
}

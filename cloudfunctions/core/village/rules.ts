/** The `scene` of a WeChat mini-program code holds at most 32 visible characters. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

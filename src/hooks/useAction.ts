import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { ApiCallError } from '../services/transport';

/** The server's refusal in its own words, or the page's fallback when the call never got an answer. */
export const messageOf = (e: unknown, fallback = '没有成功，请稍后再试。') => (e instanceof ApiCallError ? e.message : fallback);

/**
 * A done toast: the words alone, timed by their length; or shown just as given, with the success
 * icon or a time of its own (the platform's when none). WeChat cuts an icon toast to seven
 * characters, so the icon is for short words only and never the default.
 */
export type DoneToast = string | { title: string; icon?: 'success' | 'none'; duration?: number };

export interface RunOptions<T> {
  /** Shown as a toast when the call went through; made from the answer when only it can say (null: no toast). */
  done?: DoneToast | ((value: T) => DoneToast | null);
  /** Said when the call failed without the server's words (no network, a crash). */
  failed?: string;
  /** Show a failure as a toast instead of keeping it on the card (for one-tap buttons with no form). */
  toast?: boolean;
  /** Keep a failure on the card and toast it too (a long form, whose message may be out of view). */
  alsoToast?: boolean;
  /** Leave the card's message up while the call runs, when the call is the answer to it (一键打码). */
  keepError?: boolean;
  /**
   * What the caller does with the answer once it came back, before `busy` clears. `toasted`
   * settles once the done toast is up (at once when there is none): a page that leaves waits for it.
   */
  onDone?: (value: T, toasted: Promise<unknown>) => void;
}

export interface Action {
  /** A write is on its way: the button shows loading and a second tap is ignored. */
  busy: boolean;
  /** The last failure, kept on the card so it can be read while fixing what it says. */
  error: string | null;
  setError: (error: string | null) => void;
  /** A refusal found before sending, on a long form: kept on the card and toasted, as `alsoToast` says a failure. */
  refuse: (message: string) => void;
  /** Runs one write: busy while it runs, its error kept or toasted. Answers undefined on failure or a second tap. */
  run: <T>(call: () => Promise<T>, options?: RunOptions<T>) => Promise<T | undefined>;
}

/** A failure's toast: it is read while deciding what to do, so it stays three seconds. */
const toastFailure = (message: string) => Taro.showToast({ title: message, icon: 'none', duration: 3000 });

function toastDone(toast: DoneToast): Promise<unknown> {
  const shown = Promise.resolve(
    Taro.showToast(
      typeof toast === 'string'
        ? // A sentence (已提交，… 请等待答复) needs longer on screen than 已保存, for slow readers.
          { title: toast, icon: 'none', duration: toast.length > 10 ? 3000 : 2000 }
        : { ...toast, icon: toast.icon ?? 'none' },
    ),
  );
  // A toast that could not show is no failure of the write; a caller waiting on it still hears.
  shown.catch(() => undefined);
  return shown;
}

/**
 * Every write a page makes goes through here, so busy, double taps, errors and the success toast
 * behave the same on every card. A ref guards the double tap: two taps arrive before React renders
 * the disabled button.
 */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  const refuse = useCallback((message: string) => {
    setError(message);
    toastFailure(message);
  }, []);

  const run = useCallback(async <T>(call: () => Promise<T>, options: RunOptions<T> = {}): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    if (!options.keepError) setError(null);
    try {
      const value = await call();
      const done = typeof options.done === 'function' ? options.done(value) : options.done;
      const toasted = done ? toastDone(done) : Promise.resolve();
      options.onDone?.(value, toasted);
      return value;
    } catch (e) {
      const message = messageOf(e, options.failed);
      if (!options.toast) setError(message);
      if (options.toast || options.alsoToast) toastFailure(message);
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, error, setError, refuse, run };
}

import Taro from '@tarojs/taro';
import { speakable } from '../../common/speech';

/**
 * Reading aloud (听). One voice for the whole app: starting a reading stops any other, so two
 * buttons never talk over each other, and the button that started it can stop it.
 *
 * H5 speaks through the browser's speechSynthesis. The mini-program has no built-in speech: it
 * asks WeChat's 同声传译 plugin (WechatSI, declared in app.config.ts) to turn each piece of text
 * into an audio file and plays the files in turn.
 */

/** Who is listening for the end of the current reading (the button that started it redraws). */
type Listener = (speaking: boolean) => void;
let owner: Listener | null = null;
let stopCurrent: (() => void) | null = null;

function finish(who: Listener) {
  if (owner !== who) return;
  owner = null;
  stopCurrent = null;
  who(false);
}

/** Stops whatever is being read, and tells the button that started it. */
export function stopSpeaking(): void {
  const stop = stopCurrent;
  const who = owner;
  owner = null;
  stopCurrent = null;
  stop?.();
  who?.(false);
}

/**
 * Pieces short enough for the engine, cut after a sentence or a clause. WechatSI's documented
 * limit is 1000 bytes a call (about 330 Chinese characters), but calls of 150 characters have been
 * reported to fail with -20003, so the mini-program sends 100; Chrome's voices stop after about 15
 * seconds of one utterance, so H5 sends 200.
 */
export function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'), window.lastIndexOf('！'), window.lastIndexOf('？'));
    const soft = cut > max / 3 ? cut : Math.max(window.lastIndexOf('，'), window.lastIndexOf('：'), window.lastIndexOf('、'));
    const at = soft > max / 3 ? soft + 1 : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

const H5_PIECE = 200;
const WEAPP_PIECE = 100;

function speakH5(parts: string[], done: () => void): (() => void) | null {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return null;
  synth.cancel();
  let stopped = false;
  parts.forEach((part, i) => {
    const u = new SpeechSynthesisUtterance(part);
    u.lang = 'zh-CN';
    // A little slower than the default: most who tap 听 are elderly.
    u.rate = 0.9;
    if (i === parts.length - 1) {
      u.onend = () => !stopped && done();
      u.onerror = () => !stopped && done();
    }
    synth.speak(u);
  });
  return () => {
    stopped = true;
    synth.cancel();
  };
}

interface SpeechPlugin {
  textToSpeech(options: {
    lang: string;
    tts: boolean;
    content: string;
    success: (r: { retcode: number; filename: string }) => void;
    fail: (e: unknown) => void;
  }): void;
}

function speakWeapp(parts: string[], done: () => void): (() => void) | null {
  let plugin: SpeechPlugin;
  try {
    plugin = Taro.requirePlugin('WechatSI') as SpeechPlugin;
  } catch {
    return null;
  }
  const audio = Taro.createInnerAudioContext();
  let stopped = false;
  // Each piece is turned into audio while the one before it plays, so the reading has no gaps.
  const files: (Promise<string> | undefined)[] = [];
  let next = 0;
  const synth = (i: number): Promise<string> => {
    files[i] ??= new Promise<string>((resolve, reject) =>
      plugin.textToSpeech({ lang: 'zh_CN', tts: true, content: parts[i], success: (r) => resolve(r.filename), fail: reject }),
    );
    return files[i] as Promise<string>;
  };
  const play = (i: number) => {
    if (stopped) return;
    if (i >= parts.length) {
      audio.destroy();
      done();
      return;
    }
    synth(i).then(
      (src) => {
        if (stopped) return;
        if (i + 1 < parts.length) synth(i + 1).catch(() => undefined);
        audio.src = src;
        audio.play();
      },
      () => {
        if (stopped) return;
        audio.destroy();
        Taro.showToast({ title: '朗读失败，请稍后再试', icon: 'none' });
        done();
      },
    );
    next = i + 1;
  };
  audio.onEnded(() => play(next));
  audio.onError(() => {
    if (stopped) return;
    audio.destroy();
    done();
  });
  play(0);
  return () => {
    stopped = true;
    audio.stop();
    audio.destroy();
  };
}

/**
 * Reads `text` aloud after normalising it (amounts and dates in words, ID and phone numbers
 * hidden). `onChange(false)` is called when the reading ends or is stopped, by this or any other
 * button. Returns false when this phone or browser cannot speak (a toast says so).
 */
export function speak(text: string, onChange: Listener): boolean {
  stopSpeaking();
  const words = speakable(text);
  if (!words) return false;
  const done = () => finish(onChange);
  const stop = process.env.TARO_ENV === 'h5' ? speakH5(pieces(words, H5_PIECE), done) : speakWeapp(pieces(words, WEAPP_PIECE), done);
  if (!stop) {
    Taro.showToast({ title: '这台手机暂时不能朗读', icon: 'none' });
    return false;
  }
  owner = onChange;
  stopCurrent = stop;
  onChange(true);
  return true;
}

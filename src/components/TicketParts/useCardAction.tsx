import { View } from '@tarojs/components';
import { useAction } from '../../hooks/useAction';

/** Runs one write of a ticket card; `done` is the toast once it went through. */
export type CardRun = (call: () => Promise<unknown>, done: string) => Promise<void>;

/**
 * One card's writes, on the page's one write hook: busy, the toast when done, then `reload`; a
 * refusal stays on the card in the server's words. `reset` clears what was typed once a call went
 * through: the card reloads in place, and text left in it must not linger to be sent twice.
 */
export function useCardAction(reload: () => void, reset: () => void) {
  const action = useAction();
  const run: CardRun = async (call, done) => {
    await action.run(call, {
      done,
      onDone: () => {
        reload();
        reset();
      },
    });
  };
  return { busy: action.busy, refusal: action.error, run };
}

/** The server's refusal, kept on the card so it can be read while fixing what it says. */
export function Refusal({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <View className="warning-box" role="alert">
      {text}
    </View>
  );
}

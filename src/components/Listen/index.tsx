import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useDidHide } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { useElderMode } from '../../services/elder';
import { speak, stopSpeaking } from '../../services/speech';
import './index.scss';

interface Props {
  /** What to read, built at the tap: the page's words as they stand then, not when it first drew. */
  read: () => string;
  /** What is read, for the button's accessible name (朗读 + this): 这一条公开内容, 这条消息. */
  what?: string;
  /** Only in 长辈模式: the page-level button on pages that have no 听 of their own otherwise. */
  elderOnly?: boolean;
}

/**
 * 听: reads the given text aloud, normalised (amounts and dates in words, ID and phone numbers
 * never read out). A second tap stops. In 长辈模式 it is a large full-width button with words;
 * otherwise a small one beside what it reads.
 */
export default function Listen({ read, what = '', elderOnly = false }: Props) {
  const [elder] = useElderMode();
  const [speaking, setSpeaking] = useState(false);
  const mine = useRef(false);
  const onChange = (on: boolean) => {
    mine.current = on;
    setSpeaking(on);
  };
  // Leaving the page (or the button going away) ends its reading: nobody is there to stop it.
  useDidHide(() => {
    if (mine.current) stopSpeaking();
  });
  useEffect(
    () => () => {
      if (mine.current) stopSpeaking();
    },
    [],
  );
  if (elderOnly && !elder) return null;

  const tap = () => (speaking ? stopSpeaking() : speak(read(), onChange));
  return (
    <View className={`listen${elder ? ' listen--large' : ''}`} aria-label={speaking ? `停止朗读${what}` : `朗读${what}`}>
      <Button size={elder ? 'large' : 'small'} block={elder} type={speaking ? 'primary' : 'default'} onClick={tap}>
        {elder ? (speaking ? '停止朗读' : '听：读给我听') : speaking ? '停' : '听'}
      </Button>
    </View>
  );
}

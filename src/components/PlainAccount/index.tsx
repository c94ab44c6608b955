import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PlainSegment, PlainView } from '../../../types/plain';
import { itemUrl } from '../../services/disclosure';
import { plainTargetUrl } from '../../services/plain';
import Listen from '../Listen';
import { sentences } from '../Listen/say';
import './index.scss';

/** The 明白账's words, each number (and quoted 摘要) a link to where it was read from. */
export function PlainText({ villageId, segments }: { villageId: string; segments: PlainSegment[] }) {
  return (
    <Text className="plain-account__text">
      {segments.map((s, i) => {
        // Segments are a fixed sequence of one text: their place is their identity.
        const key = `${i}:${s.text}`;
        const target = s.number?.target ?? s.quote;
        if (!target) return <Text key={key}>{s.text}</Text>;
        const url = plainTargetUrl(villageId, target);
        const from = s.number?.from || '账目摘要';
        // Tapping says where the number comes from, then opens it where there is a page for it.
        const open = () => (url ? Taro.navigateTo({ url }) : Taro.showToast({ title: from, icon: 'none', duration: 3000 }));
        return (
          <View key={key} className="plain-account__number" role="link" aria-label={`${s.text}，出自${from}`} onClick={open}>
            {s.text}
          </View>
        );
      })}
    </Text>
  );
}

/**
 * The village home's first card: the quarter's published 明白账, and what is new since the viewer
 * last looked. `compact` is a month's on the money page, which says what is new in its own card.
 */
export default function PlainAccount({ view, compact = false }: { view: PlainView; compact?: boolean }) {
  const s = view.summary;
  if (!s) return null;
  const p = view.published;
  const since = compact ? [] : view.since;
  return (
    <View className="card plain-account" aria-label={compact ? s.title : '明白账'}>
      <Text className="plain-account__title">{s.title}</Text>
      <Listen read={() => sentences([s.title, s.text, since.map((x) => x.text).join('')])} what="明白账" />
      <PlainText villageId={view.villageId} segments={view.linked ? s.segments : [{ text: s.text }]} />
      {!compact && (
        <View className="plain-account__since">
          <PlainText villageId={view.villageId} segments={view.since} />
        </View>
      )}
      {p && (
        <View
          className="plain-account__source"
          role="link"
          onClick={() => Taro.navigateTo({ url: itemUrl({ villageId: view.villageId, quarter: p.quarter, itemId: p.itemId }) })}
        >
          第 {p.version} 版，经村务监督委员会审核公开。点数字看出处，点这里看原文和校验。
        </View>
      )}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { percent, RATES, ticketsUrl, type RateKey, type VillageLine } from './helpers';

/**
 * One labelled figure of a village. With `onOpen` it is a tap target of its own that opens the
 * list behind it; without, there is no list worth opening (nothing counted yet).
 */
export function Figure(props: { label: string; aria: string; wide?: boolean; onOpen?: () => void; children: ReactNode }) {
  const { label, aria, wide, onOpen, children } = props;
  const cls = `township-overview__figure${wide ? ' township-overview__figure--wide' : ''}${onOpen ? ' township-overview__figure--link' : ''}`;
  return (
    <View
      className={cls}
      role={onOpen ? 'button' : undefined}
      aria-label={aria}
      hoverClass={onOpen ? 'township-overview__figure--pressed' : 'none'}
      onClick={
        onOpen &&
        ((e) => {
          // Only this figure's list opens, whatever is drawn around it later.
          e.stopPropagation();
          onOpen();
        })
      }
    >
      <Text className="township-overview__label">{label}</Text>
      <View className="township-overview__value">
        {children}
        {onOpen && <Text className="township-overview__chevron"> ›</Text>}
      </View>
    </View>
  );
}

/** A rate with the counts behind it, opening the tickets it was counted from. */
export function RateFigure({ line, rateKey }: { line: VillageLine; rateKey: RateKey }) {
  const spec = RATES[rateKey];
  const name = line.villageName;
  if (!line.tickets) {
    return (
      <Figure label={spec.label} aria={`${name}${spec.label}：没有数据`}>
        <Text className="township-overview__big">—</Text>
      </Figure>
    );
  }
  const [n, d] = spec.parts(line.tickets);
  if (d === 0) {
    return (
      <Figure label={spec.label} aria={`${name}${spec.label}：${spec.none}`}>
        <Text className="township-overview__big">—</Text>
        <Text className="township-overview__basis">{spec.none}</Text>
      </Figure>
    );
  }
  const url = ticketsUrl(line.villageId, spec.show);
  return (
    <Figure label={spec.label} aria={`${name}${spec.label} ${percent(n, d)}，${spec.basis(n, d)}，查看`} onOpen={() => Taro.navigateTo({ url })}>
      <Text className="township-overview__big">{percent(n, d)}</Text>
      {/* The counts behind the rate, so 100% of 1 does not read like 100% of 50. */}
      <Text className="township-overview__basis">
        （{n}/{d}）
      </Text>
    </Figure>
  );
}

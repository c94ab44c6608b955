import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Figure, RateFigure } from './Figure';
import { ticketsUrl, type VillageLine } from './helpers';

/** One village: its disclosure for the quarter, what is overdue, and the three rates. */
export default function VillageCard({ line, quarter, quarterLabel }: { line: VillageLine; quarter: string; quarterLabel: string }) {
  const { counts, tickets, villageName: name } = line;
  const overdue = tickets?.overdueOpen ?? 0;
  const behind = (counts?.missing ?? 0) > 0 || overdue > 0;
  return (
    <View className={`card township-overview__village${behind ? ' township-overview__village--behind' : ''}`} role="listitem" aria-label={name}>
      <Text className="township-overview__name">{name}</Text>
      <View className="township-overview__figures">
        {counts ? (
          <Figure
            wide
            label={`公开（${quarterLabel}）`}
            aria={`${name}${quarterLabel}公开：按时 ${counts.published} 项，逾期公开 ${counts.late} 项，缺 ${counts.missing} 项${counts.pending > 0 ? `，未到期 ${counts.pending} 项` : ''}，查看`}
            onOpen={() => Taro.navigateTo({ url: `/pages/quarter/index?villageId=${line.villageId}&quarter=${quarter}` })}
          >
            <Text className="township-overview__part">按时 {counts.published}</Text>
            <Text className="township-overview__part">逾期 {counts.late}</Text>
            {/* Colour is never the only signal: the words say it too. */}
            <Text className={`township-overview__part${counts.missing > 0 ? ' township-overview__alarm' : ''}`}>缺 {counts.missing} 项</Text>
            {counts.pending > 0 && <Text className="township-overview__part">未到期 {counts.pending}</Text>}
          </Figure>
        ) : (
          <Figure wide label={`公开（${quarterLabel}）`} aria={`${name}${quarterLabel}公开：没有数据`}>
            <Text className="township-overview__big">—</Text>
          </Figure>
        )}
        {tickets ? (
          <Figure
            label="超期未答复"
            aria={`${name}超期未答复 ${overdue} 件，查看问题台账`}
            // Overdue ones first when there are any; otherwise the village's whole 问题台账.
            onOpen={() => Taro.navigateTo({ url: ticketsUrl(line.villageId, overdue > 0 ? 'overdue' : 'all') })}
          >
            <Text className={`township-overview__big${overdue > 0 ? ' township-overview__alarm' : ''}`}>{overdue > 0 ? `超期 ${overdue} 件` : '0 件'}</Text>
            <Text className="township-overview__basis">未答复共 {tickets.open} 件</Text>
          </Figure>
        ) : (
          <Figure label="超期未答复" aria={`${name}超期未答复：没有数据`}>
            <Text className="township-overview__big">—</Text>
          </Figure>
        )}
        <RateFigure line={line} rateKey="onTime" />
        <RateFigure line={line} rateKey="closed" />
        <RateFigure line={line} rateKey="satisfied" />
      </View>
    </View>
  );
}

import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { AWARD_BIDS, AWARD_REASON, CONTRACT_PARTY } from '../../../../common/limits';
import { LimitedInput } from '../../../components/Limited';
import { formatFen } from '../../../services/money';
import { PickField, TextField } from './fields';
import { type AwardForm, topBidOf } from './forms';

const METHODS = [
  { value: 'auction' as const, label: '公开竞价' },
  { value: 'negotiated' as const, label: '协商' },
];

/**
 * How the contract was awarded: 公开竞价 with every bidder and bid (rows added and removed), or
 * 协商 with the reason. The top bid is said in words, as the winner and price it prefills.
 */
export default function AwardFields({ value, onChange }: { value: AwardForm; onChange: (next: AwardForm) => void }) {
  const set = (patch: Partial<AwardForm>) => onChange({ ...value, ...patch });
  const setBid = (i: number, patch: Partial<AwardForm['bids'][number]>) => set({ bids: value.bids.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const top = topBidOf(value.bids);

  return (
    <View>
      <PickField label="怎么定的承包方" choices={METHODS} value={value.method} onPick={(method) => set({ method })} />
      {value.method === 'auction' && (
        <View aria-label="竞价记录">
          <Text className="cadre-assets__hint">每位竞买人和他的出价都要记下，合同归出价最高的人，成交价就是最高出价。</Text>
          {value.bids.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a bid row has no identity but its place; removing one re-numbers the rest on purpose
            <View key={i} className="cadre-assets__bid" aria-label={`第 ${i + 1} 位竞买人`}>
              <View className="cadre-assets__bid-boxes">
                <LimitedInput value={b.bidder} onChange={(v) => setBid(i, { bidder: v })} placeholder={`第 ${i + 1} 位竞买人`} maxLength={CONTRACT_PARTY.max} />
                <LimitedInput
                  value={b.amount}
                  onChange={(v) => setBid(i, { amount: v })}
                  type="digit"
                  placeholder={`第 ${i + 1} 位的出价（元/年）`}
                  maxLength={20}
                />
              </View>
              {value.bids.length > 1 && (
                <Button size="normal" aria-label={`去掉第 ${i + 1} 位竞买人`} onClick={() => set({ bids: value.bids.filter((_, j) => j !== i) })}>
                  去掉
                </Button>
              )}
            </View>
          ))}
          {value.bids.length < AWARD_BIDS.max && (
            <Button size="large" block onClick={() => set({ bids: [...value.bids, { bidder: '', amount: '' }] })}>
              再加一位竞买人
            </Button>
          )}
          {top && (
            <Text className="cadre-assets__hint" aria-live="polite">
              最高出价：{top.bidder || '（未写名字）'} {formatFen(top.fen)} 元/年
            </Text>
          )}
        </View>
      )}
      {value.method === 'negotiated' && (
        <TextField
          label="为什么协商确定"
          required
          multiline
          value={value.reason}
          onChange={(reason) => set({ reason })}
          limit={AWARD_REASON}
          placeholder="协商的原因，如 公开竞价流拍"
        />
      )}
    </View>
  );
}

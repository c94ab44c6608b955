import { Text, View } from '@tarojs/components';
import type { RentSuggestion } from '../../../../types/finance';
import { ChoiceButton } from '../../../components/ChoiceRow';
import { formatFen } from '../../../services/money';

/**
 * The income rows of the file that clearly pay one of the village's contracts (the server matched
 * 对方 and 摘要): each goes in as that contract's rent unless the 会计 unticks it. Ticked by default,
 * since only confident matches are suggested; a row unticked is imported as plain income.
 */
export default function RentSuggestions({
  suggestions,
  unticked,
  onToggle,
}: {
  suggestions: RentSuggestion[];
  /** Lines the 会计 unticked. */
  unticked: ReadonlySet<number>;
  onToggle: (line: number) => void;
}) {
  if (suggestions.length === 0) return null;
  return (
    <View className="ledger__read" aria-label="合同租金">
      <Text className="ledger__read-title">这 {suggestions.length} 笔像是合同的租金/承包费，导入时记到合同上（不是的请点一下取消）</Text>
      {suggestions.map((s) => {
        const on = !unticked.has(s.line);
        return (
          <View key={s.line} aria-label={`第 ${s.line} 行`}>
            <Text className="ledger__read-line">
              第 {s.line} 行：{s.date} {s.counterparty} {formatFen(s.amountFen)} 元
            </Text>
            <ChoiceButton on={on} tick label={`记到合同：${s.label}`} onClick={() => onToggle(s.line)} />
          </View>
        );
      })}
    </View>
  );
}

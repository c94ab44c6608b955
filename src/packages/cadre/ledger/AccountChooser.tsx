import { Text, View } from '@tarojs/components';
import type { Account } from '../../../../types/finance';
import ChoiceRow from '../../../components/ChoiceRow';
import { accountLabel } from '../../../services/ledger-form';

/** The township's chart of accounts, 收入 and 支出 apart, as buttons: the 会计 taps one. */
export default function AccountChooser({ accounts, value, onChange }: { accounts: Account[]; value: string | null; onChange: (id: string) => void }) {
  return (
    <View>
      {(['收入', '支出'] as const).map((direction) => (
        <View key={direction}>
          <Text className="ledger__sub">{direction}科目</Text>
          <ChoiceRow
            className="ledger__accounts"
            label={`${direction}科目`}
            choices={accounts.filter((a) => a.direction === direction).map((a) => ({ value: a.id, label: accountLabel(a) }))}
            current={value}
            onPick={onChange}
          />
        </View>
      ))}
    </View>
  );
}

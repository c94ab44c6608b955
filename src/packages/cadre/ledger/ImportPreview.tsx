import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Account, ImportPreview, UnknownAccount } from '../../../../types/finance';
import { monthText } from '../../../services/finance';
import { accountLabel, problemText } from '../../../services/ledger-form';
import { formatFen } from '../../../services/money';

/**
 * What the import made of a file, before anything is written: which row it took for the header
 * and how it reads each column, which rows it skipped and why, the file's own balances, the rows
 * that need fixing, the account names it needs the 会计 to place once, and — for a journal — that
 * 借方 goes in as 收入 and 贷方 as 支出, for the 会计 to confirm.
 */
export default function ImportPreviewView({
  preview,
  fileName,
  confirmed,
  onConfirm,
  mapping,
  onMap,
}: {
  preview: ImportPreview;
  fileName: string;
  confirmed: boolean;
  onConfirm: (yes: boolean) => void;
  /** The label being saved, while a pick is on its way. */
  mapping: string | null;
  onMap: (unknown: UnknownAccount, account: Account) => void;
}) {
  const dark = { color: '#1a1a1a' };
  return (
    <View aria-label="导入检查结果">
      <Text className="ledger__hint" style={dark}>
        {fileName}：共 {preview.rows} 行{preview.months.length ? `，月份：${preview.months.map(monthText).join('、')}` : ''}。
      </Text>
      <Text className="ledger__hint" style={dark}>
        收入合计 {formatFen(preview.incomeFen)} 元，支出合计 {formatFen(preview.expenseFen)} 元。
      </Text>
      {preview.headerRow !== null && (
        <View className="ledger__read" aria-label="识别的表头">
          <Text className="ledger__read-title">
            第 {preview.headerRow} 行是表头{preview.journal ? `（${preview.journal}）` : ''}
          </Text>
          {preview.columns.map((c) => (
            <Text key={`${c.header}:${c.readAs}`} className="ledger__read-line">
              {c.header} → {c.readAs}
            </Text>
          ))}
        </View>
      )}
      {(preview.openingFen !== null || preview.closingFen !== null) && (
        <Text className="ledger__hint" style={dark} aria-label="文件里的余额">
          {preview.openingFen !== null ? `文件的期初余额 ${formatFen(preview.openingFen)} 元` : '文件没有期初余额'}
          {preview.closingFen !== null ? `，期末余额 ${formatFen(preview.closingFen)} 元（结账时月末余额按银行对账单和库存现金核对后填写）` : ''}。
        </Text>
      )}
      {preview.skipped.length > 0 && (
        <View className="ledger__read" aria-label="跳过的行">
          <Text className="ledger__read-title">跳过 {preview.skipped.length} 行（不是一笔账，不会导入）</Text>
          {preview.skipped.map((s) => (
            <Text key={s.row} className="ledger__read-line">
              第 {s.row} 行：{s.reason}
            </Text>
          ))}
        </View>
      )}
      {preview.problems.length > 0 && (
        <View className="ledger__problems">
          <Text className="ledger__problems-title">有 {preview.problems.length} 行需要修改，改好后重新选择文件。现在不会导入任何一行。</Text>
          {preview.problems.map((p) => (
            <Text key={`${p.row}:${p.message}`} className="ledger__problem">
              {problemText(p)}
            </Text>
          ))}
        </View>
      )}
      {preview.unknownAccounts.map((u) => (
        <View key={`${u.direction}:${u.label}`} className="ledger__unknown" aria-label={`为“${u.label}”选择科目`}>
          <Text className="ledger__read-title">
            不认识的{u.direction}科目“{u.label}”{u.code && u.code !== u.label ? `（编码 ${u.code}）` : ''}：第 {u.rows.join('、')} 行
          </Text>
          <Text className="ledger__hint">请选它对应的科目。只需选一次，本村以后导入时会记住。</Text>
          <View className="ledger__accounts">
            {u.choices.map((a) => (
              <Button key={a.id} disabled={mapping !== null} loading={mapping === `${u.direction}:${u.label}:${a.id}`} onClick={() => onMap(u, a)}>
                {accountLabel(a)}
              </Button>
            ))}
          </View>
        </View>
      ))}
      {preview.debitIsIncome && (
        <View className="ledger__confirm" aria-label="确认借贷方向">
          <Text className="ledger__hint" style={dark}>
            {preview.journal ?? '这个文件'}的“借方”按收入导入、“贷方”按支出导入（现金日记账、银行存款日记账都是这样记的）。请看一眼上面的合计是否对得上。
          </Text>
          <Button type={confirmed ? 'primary' : 'default'} aria-pressed={confirmed} onClick={() => onConfirm(!confirmed)}>
            {confirmed ? '已确认：借方是收入，贷方是支出' : '确认：借方是收入，贷方是支出'}
          </Button>
        </View>
      )}
    </View>
  );
}

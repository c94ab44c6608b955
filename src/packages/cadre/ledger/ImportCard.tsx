import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Account, ImportPreview, UnknownAccount } from '../../../../types/finance';
import FileImport, { useFileImport } from '../../../components/FileImport';
import { useAction } from '../../../hooks/useAction';
import { sizeText } from '../../../services/file-pick';
import { financeApi } from '../../../services/finance';
import { accountLabel } from '../../../services/ledger-form';
import { COLUMNS_HINT, MAX_SHEET_BYTES } from './helpers';
import ImportPreviewView from './ImportPreview';
import RentSuggestions from './RentSuggestions';

const NOT_CONFIRMED = '请先核对合计，点“确认：借方是收入，贷方是支出”，再导入。';

/**
 * A spreadsheet of rows, or a journal as the 三资 platform exports it: checked first, unknown
 * accounts placed once, and for a journal the 会计 confirms that 借方 goes in as 收入.
 */
export default function ImportCard({ villageId, onImported }: { villageId: string; onImported: (months: string[]) => void }) {
  // A journal's 借方 goes in as 收入: the 会计 says so for each file, after reading the preview.
  const [confirmed, setConfirmed] = useState(false);
  // The suggested rent rows the 会计 unticked: every other suggestion goes in with its contract.
  const [unticked, setUnticked] = useState<ReadonlySet<number>>(new Set());
  // Placing an account has its own busy button (the one tapped), not the card's.
  const placing = useAction();
  const [mapping, setMapping] = useState<string | null>(null);
  const imp = useFileImport<ImportPreview>({
    send: (picked) => financeApi.send(villageId, picked),
    check: (file) => financeApi.previewImport(villageId, file.name, file.fileId),
    failed: '检查失败，请稍后再试。',
    limit: { bytes: MAX_SHEET_BYTES, text: (bytes) => `文件太大（${sizeText(bytes)}），请每次导入不超过 1 MB 的表格，可以按月分开导入。` },
    onNewFile: () => {
      setConfirmed(false);
      setUnticked(new Set());
      placing.setError(null);
    },
  });
  const { file, preview, action } = imp;

  /** The 会计 places an unknown account once; the same file is then checked again with it. */
  async function map(u: UnknownAccount, account: Account) {
    if (!file) return;
    setMapping(`${u.direction}:${u.label}:${account.id}`);
    action.setError(null);
    let placed = false;
    await placing.run(() => financeApi.mapAccount(villageId, u.direction, u.label, account.id), {
      done: `已记住：“${u.label}”是${accountLabel(account)}`,
      failed: '没有记住，请稍后再试。',
      onDone: () => {
        placed = true;
      },
    });
    // Remembered even if checking again fails: the toast has said so already.
    if (placed) {
      await placing.run(() => financeApi.previewImport(villageId, file.name, file.fileId), { failed: '没有记住，请稍后再试。', onDone: imp.setPreview });
    }
    setMapping(null);
  }

  function toggle(line: number) {
    const next = new Set(unticked);
    if (!next.delete(line)) next.add(line);
    setUnticked(next);
  }

  async function commit() {
    if (!file) return;
    placing.setError(null);
    if (preview?.debitIsIncome && !confirmed) return action.setError(NOT_CONFIRMED);
    const contracts = (preview?.rent ?? []).filter((r) => !unticked.has(r.line)).map((r) => ({ line: r.line, contractId: r.contractId }));
    await action.run(() => financeApi.commitImport(villageId, file.name, file.fileId, preview?.debitIsIncome === true, contracts), {
      done: (done) => ({ title: `已导入 ${done.rows} 笔`, duration: 2000 }),
      failed: '导入失败，请稍后再试。',
      onDone: (done) => {
        imp.clear();
        onImported(done.months);
      },
    });
  }

  return (
    <View className="card" aria-label="导入账目">
      <Text className="ledger__label" style={{ marginTop: 0 }}>
        导入账目
      </Text>
      <Text className="ledger__hint">{COLUMNS_HINT}</Text>
      <FileImport
        imp={imp}
        picker={{ text: '导入账目（Excel 或 CSV）', ariaLabel: '导入账目（Excel 或 CSV）', disabled: action.busy }}
        busyClassName="ledger__hint"
        error={action.error ?? placing.error}
      >
        {(shown, sent) => (
          <View>
            <ImportPreviewView preview={shown} fileName={sent?.name ?? ''} confirmed={confirmed} onConfirm={setConfirmed} mapping={mapping} onMap={map} />
            {shown.problems.length === 0 && shown.unknownAccounts.length === 0 && (
              <RentSuggestions suggestions={shown.rent} unticked={unticked} onToggle={toggle} />
            )}
            {shown.problems.length === 0 && shown.unknownAccounts.length === 0 && (
              <View className="ledger__actions">
                <Button type="primary" size="large" block loading={action.busy} disabled={action.busy} onClick={commit}>
                  确认导入
                </Button>
              </View>
            )}
          </View>
        )}
      </FileImport>
    </View>
  );
}

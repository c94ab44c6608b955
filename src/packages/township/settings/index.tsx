import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { LedgerSignatureRule } from '../../../../types/village';
import Alert from '../../../components/Alert';
import PageShell from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { identityApi } from '../../../services/identity';
import { villageApi } from '../../../services/village';

const RULES: { rule: LedgerSignatureRule; title: string; detail: string }[] = [
  { rule: 'majority', title: '过半数成员签字', detail: '民主理财小组过半数成员签字后，当月账目才公示（3 人的小组要 2 人签字）。' },
  { rule: 'one', title: '一人签字即可', detail: '民主理财小组任何一位成员签字，当月账目就公示。' },
];

/**
 * 镇里的设置: what DOMAIN.md leaves to each township. Township staff read them; the 镇管理员
 * changes how a village's 民主理财小组 signs its months (the others are shown, not edited here).
 */
export default function TownshipSettingsPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const [version, setVersion] = useState(0);
  const { busy, error, run } = useAction();
  const settings = useRequest(townshipId ? `township-settings:${townshipId}:${version}` : null, () => villageApi.settings(townshipId));
  const who = useRequest('whoami', () => identityApi.whoami());
  const isAdmin = who.data?.township.some((t) => t.townshipId === townshipId && t.can.includes('village.updateSettings')) ?? false;
  const s = settings.data;

  async function choose(rule: LedgerSignatureRule) {
    if (!s || rule === s.ledgerSignatures) return;
    await run(() => villageApi.updateSettings(townshipId, rule), {
      done: '已保存，下一次签字起按新规则',
      failed: '没有保存成功，请稍后再试。',
      onDone: () => setVersion((v) => v + 1),
    });
  }

  const missing = townshipId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个镇，请从“我的”页面进入。' };
  return (
    <View className="page">
      <PageShell loading={!missing && settings.loading && !s} error={missing ?? settings.error ?? null} onRetry={settings.reload}>
        {s && (
          <View>
            <Cell.Group title="民主理财小组签字">
              <View aria-label="民主理财小组签字" style={{ padding: '12px 16px' }}>
                <Text style={{ display: 'block', marginBottom: '8px' }}>
                  会计结账后，各村的月度账目由民主理财小组审核签字才向村民公示。村里没有民主理财小组的，由村务监督委员会按同样的规则签字。
                </Text>
                {RULES.map((r) => (
                  <View key={r.rule} style={{ marginBottom: '12px' }}>
                    <Button
                      size="large"
                      block
                      type={s.ledgerSignatures === r.rule ? 'primary' : 'default'}
                      aria-pressed={s.ledgerSignatures === r.rule}
                      disabled={!isAdmin || busy}
                      onClick={() => choose(r.rule)}
                    >
                      {s.ledgerSignatures === r.rule ? `✓ ${r.title}` : r.title}
                    </Button>
                    <Text style={{ display: 'block', marginTop: '4px', color: '#595959' }}>{r.detail}</Text>
                  </View>
                ))}
                {!isAdmin && who.data && <Text style={{ display: 'block', color: '#595959' }}>只有镇管理员可以更改。</Text>}
                {error && <Alert text={error} />}
              </View>
            </Cell.Group>
            <Cell.Group title="其他设置（如需更改请联系系统管理员）">
              <Cell title="季度公开截止" extra={`季度后第一个月 ${s.disclosureDueDay} 日`} />
              <Cell title="月度结账截止" extra={`次月 ${s.ledgerCloseDay} 日`} />
              <Cell title="月度公示截止" extra={`次月 ${s.ledgerPublishDay} 日`} />
              <Cell title="答复村民期限" extra={`${s.ticketReplyDays} 天`} />
            </Cell.Group>
          </View>
        )}
      </PageShell>
    </View>
  );
}

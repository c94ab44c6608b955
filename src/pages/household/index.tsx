import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { HOUSEHOLD_LOOK_REASON } from '../../../common/limits';
import type { HouseholdView } from '../../../types/household';
import { LimitedTextArea } from '../../components/Limited';
import Listen from '../../components/Listen';
import { sayHousehold } from '../../components/Listen/say';
import PageShell, { deniedPage } from '../../components/PageShell';
import { useAction } from '../../hooks/useAction';
import { useRequest } from '../../hooks/useRequest';
import { useElderMode } from '../../services/elder';
import { householdApi } from '../../services/household';
import HouseholdBody from './Body';
import './index.scss';

/**
 * 我家: every published list entry naming a member of the caller's household, grouped by quarter,
 * each with its amounts and a link to the published version; their 筹资筹劳 shares, the votes they
 * may take part in, and their questions. With `personId`, the 监委会 looks at that person's
 * household: it says why first, and the look is recorded and told to the household.
 */
export default function HouseholdPage() {
  const [elder] = useElderMode();
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const personId = params.personId ?? '';
  const own = useRequest(villageId && !personId ? `household:${villageId}` : null, () => householdApi.mine(villageId));
  const [reason, setReason] = useState('');
  const [looked, setLooked] = useState<HouseholdView | null>(null);
  const send = useAction();

  const missing = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从村里的主页进入。' };
  const v = personId ? looked : (own.data ?? null);
  return (
    <View className={`page household${elder ? ' elder' : ''}`}>
      <PageShell
        loading={!missing && !personId && own.loading}
        error={missing ?? own.error ?? null}
        onRetry={own.reload}
        renderError={deniedPage('我家只给这一户认证过的村民看', { className: 'household__reason' })}
      >
        {personId && !looked && (
          <View className="household__reason" aria-label="查看理由">
            <Text className="household__line">监委会查看一户的记录要写明理由。查看会记入审计记录，并告诉这一户。</Text>
            <LimitedTextArea value={reason} onChange={setReason} placeholder="为什么要查看这一户？" maxLength={HOUSEHOLD_LOOK_REASON.max} name="lookReason" />
            {send.error && <Text className="household__note">{send.error}</Text>}
            <Button
              type="primary"
              size="large"
              block
              loading={send.busy}
              disabled={reason.trim().length < HOUSEHOLD_LOOK_REASON.min}
              onClick={() => send.run(() => householdApi.inspect(villageId, personId, reason.trim()), { failed: '没有查看成功', onDone: setLooked })}
            >
              查看这一户
            </Button>
          </View>
        )}
        {v && <Listen read={() => sayHousehold(v)} what={v.viewer === 'supervisor' ? '这一户' : '我家'} elderOnly />}
        {v && <HouseholdBody v={v} />}
      </PageShell>
    </View>
  );
}

import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { MatterView } from '../../../types/matters';
import { BODY_NAMES } from '../../../types/matters';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { dateText } from '../../services/china-time';
import { identityApi } from '../../services/identity';
import { mattersApi, matterUrl } from '../../services/matters';
import type { Who } from './BallotCard';
import { pastClosing } from './closing';
import CosignCard from './CosignCard';
import FundingCard from './FundingCard';
import { go, STATUS_TAG, STATUS_TEXT, stageWords } from './helpers';
import MeetingCard from './MeetingCard';
import ProgressCard from './ProgressCard';
import PublicationsCard from './PublicationsCard';

/** One matter: where it stands, co-signing, its plan, its votes (newest first), its steps and publications. */
export default function MatterDetail({ villageId, matterId, shown }: { villageId: string; matterId: string; shown: number }) {
  const [version, setVersion] = useState(0);
  const req = useRequest(`matter:${villageId}:${matterId}:${shown}:${version}`, () => mattersApi.get(villageId, matterId));
  // An action's answer shows at once; a later load replaces it.
  const [latest, setLatest] = useState<MatterView | null>(null);
  useEffect(() => {
    if (req.data) setLatest(req.data);
  }, [req.data]);
  const m = latest ?? req.data ?? null;

  // Only to say why someone cannot vote: signed in at all, or verified in this village.
  const needWho = !!m?.meetings.some((x) => x.state === 'open' && !pastClosing(x) && !x.me);
  const whoReq = useRequest(needWho ? `matters-whoami:${shown}` : null, () => identityApi.whoami());
  const who: Who | null = whoReq.data ? { signedIn: whoReq.data.signedIn, verifiedHere: whoReq.data.villages.some((v) => v.villageId === villageId) } : null;
  const reload = () => setVersion((v) => v + 1);

  return (
    <PageShell loading={req.loading && !m} error={m ? null : req.error} onRetry={req.reload}>
      {m && (
        <View>
          <View className="card" aria-label={`议题：${m.title}`}>
            <Text className="matters__title">{m.title}</Text>
            <View className="matters__tags">
              <Tag type={STATUS_TAG[m.status]}>{STATUS_TEXT[m.status]}</Tag>
              {m.meetings.some((x) => x.state === 'open' && !pastClosing(x)) && <Tag type="danger">正在表决</Tag>}
            </View>
            <Text className="matters__stage">{stageWords(m.stage, m.status)}</Text>
            <Text className="matters__summary">{m.summary}</Text>
            <Text className="matters__meta">
              {`${m.origin === 'branch' ? '村党组织提议' : '村民联名提议'} · ${dateText(m.createdAt)} · 决议由${BODY_NAMES[m.decisionBody]}表决${m.secret ? '（不记名投票）' : ''}`}
            </Text>
            {m.status === 'stopped' && <Text className="warning-box">{`这个议题已终止：${m.stopReason ?? '没有写明原因'}`}</Text>}
            {m.status === 'filing' && <Text className="matters__notice">表决已通过。筹资筹劳方案正在等镇里审核备案，备案后公开决议。</Text>}
          </View>

          {m.status === 'cosigning' && <CosignCard m={m} villageId={villageId} onChanged={setLatest} />}
          {m.funding && <FundingCard f={m.funding} />}

          {m.meetings.length > 0 && (
            <Text className="section-title" style={{ display: 'block' }}>
              表决（最新的在前）
            </Text>
          )}
          {[...m.meetings].reverse().map((x) => (
            <MeetingCard key={x.id} x={x} villageId={villageId} who={who} onVoted={reload} />
          ))}

          <ProgressCard m={m} />

          {(m.resolution || m.outcome) && <PublicationsCard m={m} villageId={villageId} />}

          <View className="matters__footer">
            <Button size="large" block onClick={go(matterUrl(villageId))}>
              本村全部议题
            </Button>
          </View>
        </View>
      )}
    </PageShell>
  );
}

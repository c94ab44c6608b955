import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import CloseVoteCard from './CloseVoteCard';
import ElectorateCard from './ElectorateCard';
import { findMeeting } from './meetings';
import PaperBoxCard from './PaperBoxCard';
import RecountCard from './RecountCard';
import ResultCard from './ResultCard';
import SummaryCard from './SummaryCard';
import TurnoutCard from './TurnoutCard';

/** One meeting: the record against the frozen list, the paper box of a secret ballot, closing and recounting. */
export default function MeetingDetail({ villageId, matterId, meetingId }: { villageId: string; matterId: string | undefined; meetingId: string }) {
  const [version, setVersion] = useState(0);
  const found = useRequest(`meeting:${villageId}:${matterId ?? ''}:${meetingId}:${version}`, () => findMeeting(villageId, matterId, meetingId));
  const onChanged = () => setVersion((v) => v + 1);
  const data = found.data;
  const meeting = data?.meeting;
  const open = meeting?.state === 'open';
  return (
    <PageShell loading={!data && !found.error} error={found.error} onRetry={found.reload}>
      {data && meeting && (
        <>
          <SummaryCard found={data} />
          <TurnoutCard meeting={meeting} />
          {meeting.result && <ResultCard result={meeting.result} />}
          <ElectorateCard villageId={villageId} meeting={meeting} version={version} onChanged={onChanged} />
          {open && meeting.secret && <PaperBoxCard villageId={villageId} meeting={meeting} onChanged={onChanged} />}
          {open && <CloseVoteCard villageId={villageId} meeting={meeting} onChanged={onChanged} />}
          {/* A new recount after each change: an old answer would describe an earlier tally. A
              secret vote is recounted only once closed: counts between ballots would link them. */}
          {(!open || !meeting.secret) && <RecountCard key={version} villageId={villageId} meeting={meeting} />}
          {open && meeting.secret && (
            <View className="card" aria-label="复核计票">
              <Text className="meeting__note">不记名表决结束之后才能复核计票。</Text>
            </View>
          )}
        </>
      )}
    </PageShell>
  );
}

import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { ticketsApi } from '../../services/disclosure';
import { identityApi } from '../../services/identity';
import { useElderMode } from '../../services/elder';
import './index.scss';
import BoardList from './BoardList';
import CountsCard from './CountsCard';
import FileForm from './FileForm';
import { TABS, tabOf, type FormKind, type Me, type Tab } from './helpers';
import MineList from './MineList';

/**
 * 码上监督 for villagers: the village's public counts, then one thing at a time — report a
 * problem, make a suggestion, follow up on one's own, or second a public suggestion.
 */
export default function TicketsPage() {
  const [elder] = useElderMode();
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [tab, setTab] = useState<Tab>(() => tabOf(params.tab));
  const [formKind, setFormKind] = useState<FormKind>(tab === 'suggestion' ? 'suggestion' : 'report');
  const [version, setVersion] = useState(0);

  const stats = useRequest(villageId ? `tickets-stats:${villageId}:${version}` : null, () => ticketsApi.stats(villageId));
  // Only to say up front who may file what; the server decides, and the page works without it.
  const who = useRequest(villageId ? 'tickets-whoami' : null, () => identityApi.whoami());
  const me: Me | null = who.data ? { signedIn: who.data.signedIn, verified: who.data.villages.some((v) => v.villageId === villageId) } : null;

  function choose(next: Tab) {
    setTab(next);
    if (next === 'report' || next === 'suggestion') setFormKind(next);
  }

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从村务页面进入。' };
  const formShown = tab === 'report' || tab === 'suggestion';

  return (
    <View className={`page tickets${elder ? ' elder' : ''}`}>
      <PageShell loading={!missingVillage && stats.loading && !stats.data} error={missingVillage ?? (stats.data ? null : stats.error)} onRetry={stats.reload}>
        {stats.data && <CountsCard s={stats.data} />}
        <View className="tickets__tabs" aria-label="码上监督：选择要做的事">
          {TABS.map((t) => (
            <Button key={t.key} size="large" block type={t.key === tab ? 'primary' : 'default'} aria-pressed={t.key === tab} onClick={() => choose(t.key)}>
              {t.label}
            </Button>
          ))}
        </View>
        {/* Hidden rather than unmounted: a half-written report survives a look at 我提过的. */}
        <View style={{ display: formShown ? 'block' : 'none' }}>
          <FileForm
            villageId={villageId}
            kind={formKind}
            me={me}
            onFiled={() => {
              setTab('mine');
              setVersion((v) => v + 1);
            }}
          />
        </View>
        {tab === 'mine' && <MineList villageId={villageId} version={version} me={me} onChanged={() => setVersion((v) => v + 1)} />}
        {tab === 'board' && <BoardList villageId={villageId} />}
      </PageShell>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import type { WarningView } from '../../../../types/assets';
import NoticeReminders from '../../../components/NoticeReminders';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { useVillagePage } from '../../../hooks/useVillagePage';
import { assetsApi } from '../../../services/assets';
import './index.scss';
import WarningCard from './WarningCard';

/** One part of the page (open or closed), left out while it has none. */
function Warnings({
  label,
  title,
  list,
  canAnswer,
  canClose,
  onChanged,
}: {
  label: string;
  title: string;
  list: WarningView[];
  canAnswer: boolean;
  canClose: boolean;
  onChanged: () => void;
}) {
  if (list.length === 0) return null;
  return (
    <View aria-label={label}>
      <Text className="section-title" style={{ display: 'block' }}>
        {title}（{list.length} 条）
      </Text>
      {list.map((w) => (
        <WarningCard key={w.id} w={w} canAnswer={canAnswer} canClose={canClose} onChanged={onChanged} />
      ))}
    </View>
  );
}

/**
 * 三资预警 for the village: each warning the rules raised, open ones first, to be answered by the
 * village and closed by the 监委会. One page serves both: the 两委 (and the 监委会) answer, only the
 * 监委会 closes, each control offered by the server's `can`. Anyone else reads it as the villagers do.
 */
export default function SuperviseAssetsPage() {
  const page = useVillagePage('supervise-assets');
  const { villageId, version } = page;
  const view = useRequest(villageId ? `supervise-assets:${villageId}:${version}` : null, () => assetsApi.village(villageId));
  const v = view.data;
  const canAnswer = page.can('assets.answerWarning');
  const canClose = page.can('assets.closeWarning');
  const open = v?.warnings.filter((w) => w.state !== 'closed') ?? [];
  const closed = v?.warnings.filter((w) => w.state === 'closed') ?? [];

  const missing = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' };
  return (
    <View className="page sv-assets">
      <NoticeReminders />
      <PageShell
        loading={!missing && view.loading && !v}
        error={missing ?? view.error ?? null}
        onRetry={view.reload}
        empty={!!v && v.warnings.length === 0}
        emptyTitle="没有三资预警"
        emptyDescription="合同快到期、租金逾期、资产闲置、价格偏低等情况出现时，预警会在这里。"
      >
        {v && (
          <View>
            <View className="card">
              <Text className="sv-assets__intro">
                {v.villageName}：{open.length} 条预警待处理，{closed.length} 条已销号。
                {canClose
                  ? '村里答复后，由监委会销号。'
                  : canAnswer
                    ? '请写明村里怎么处理的；答复后由监委会销号。'
                    : '只有村两委和村务监督委员会可以答复和销号。'}
              </Text>
            </View>
            <Warnings label="待处理的预警" title="待处理" list={open} canAnswer={canAnswer} canClose={canClose} onChanged={page.reload} />
            <Warnings label="已销号的预警" title="已销号" list={closed} canAnswer={false} canClose={false} onChanged={page.reload} />
          </View>
        )}
      </PageShell>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import NoticeReminders from '../../../components/NoticeReminders';
import PageShell, { deniedPage } from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { currentQuarterKey } from '../../../services/china-time';
import { disclosureApi } from '../../../services/disclosure';
import AdhocCard from './AdhocCard';
import { askedQuarter, quarterOptions, rowsOf, type Row } from './helpers';
import ItemCard from './ItemCard';
import PlainCard from './PlainCard';
import QuarterCard from './QuarterCard';
import QuarterPicker from './QuarterPicker';
import './index.scss';

/**
 * The 两委's quarterly 一季一晒: every item of the quarter's catalog with where its draft
 * stands; write each, then hand them to the 监委会 one by one or all at once.
 */
export default function DisclosePage() {
  // No useVillagePage: this page never asks for the caller's standing; the server refuses the wrong role.
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [picked, setPicked] = useState<string | null>(askedQuarter(params.quarter));
  const [version, setVersion] = useState(0);
  const [needReason, setNeedReason] = useState<string[]>([]);
  // Ad hoc items the cadre has started but not saved yet.
  const [added, setAdded] = useState<{ quarter: string; row: Row }[]>([]);

  const quarters = useRequest(villageId ? `disclose-quarters:${villageId}` : null, () => disclosureApi.quarters(villageId));
  const quarter = picked ?? quarters.data?.current ?? null;
  const board = useRequest(villageId && quarter ? `disclose:${villageId}:${quarter}:${version}` : null, async () => {
    const [view, drafts] = await Promise.all([disclosureApi.quarter(villageId, quarter as string), disclosureApi.drafts(villageId, quarter as string)]);
    return { quarter: quarter as string, rows: rowsOf(view, drafts.items), dueDate: view.dueDate };
  });
  const data = board.data?.quarter === quarter ? board.data : undefined;
  const reload = () => setVersion((v) => v + 1);

  const calendar = currentQuarterKey();
  const known = quarters.data ? [quarters.data.current, ...quarters.data.quarters.map((q) => q.key)] : [];
  const options = quarterOptions(calendar, known, quarter);

  function choose(key: string) {
    setPicked(key);
    setNeedReason([]);
  }

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从村务页面进入。' };
  // A reload after saving keeps the list on screen; only a new quarter shows the skeleton.
  const loading = !missingVillage && (quarter ? board.loading && !data : quarters.loading);
  const error = missingVillage ?? board.error ?? (quarter ? null : quarters.error);
  const listed = data?.rows ?? [];
  const rows = [...listed, ...added.filter((a) => a.quarter === quarter && !listed.some((r) => r.itemId === a.row.itemId)).map((a) => a.row)];
  const categories = [...new Set(rows.map((r) => r.category))];

  return (
    <View className="page disclose">
      <NoticeReminders />
      <PageShell
        loading={loading}
        error={error}
        onRetry={quarter ? board.reload : quarters.reload}
        renderError={deniedPage('只有村两委和监委会可以起草公开内容', { className: 'disclose__actions' })}
      >
        {data && quarter && (
          <View>
            <QuarterPicker options={options} quarter={quarter} calendar={calendar} onChoose={choose} />
            <QuarterCard villageId={villageId} quarter={quarter} dueDate={data.dueDate} rows={rows} onNeedReason={setNeedReason} onChanged={reload} />
            <PlainCard villageId={villageId} quarter={quarter} onChanged={reload} />

            {needReason.length > 0 && (
              <View className="card warning-box" role="status">
                <Text>
                  以下 {needReason.length} 项是更正已公开的内容，请打开后逐项写明更正原因再提交：{needReason.join('、')}
                </Text>
              </View>
            )}

            {categories.map((category) => (
              <View key={category}>
                <Text className="section-title" style={{ display: 'block' }}>
                  {category}
                </Text>
                {rows
                  .filter((r) => r.category === category)
                  .map((row) => (
                    <ItemCard
                      key={`${quarter}:${row.itemId}`}
                      villageId={villageId}
                      quarter={quarter}
                      row={row}
                      onChanged={reload}
                      startOpen={!row.required && !row.draft}
                    />
                  ))}
              </View>
            ))}

            <AdhocCard taken={new Set(rows.map((r) => r.itemId))} onAdd={(row) => setAdded((list) => [...list, { quarter, row }])} />
          </View>
        )}
      </PageShell>
    </View>
  );
}

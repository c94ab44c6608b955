import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { QuarterView, Rating } from '../../../types/disclosure';
import Listen from '../../components/Listen';
import { sentences } from '../../components/Listen/say';
import PageShell from '../../components/PageShell';
import QuarterEntries from '../../components/QuarterEntries';
import { useAction } from '../../hooks/useAction';
import { useRequest } from '../../hooks/useRequest';
import { disclosureApi } from '../../services/disclosure';
import { useElderMode } from '../../services/elder';
import { chinaDay, dateText } from '../../services/china-time';
import { LimitedTextArea } from '../../components/Limited';
import { RATING_COMMENT } from '../../../common/limits';

const RATINGS: Rating[] = ['满意', '基本满意', '不满意'];

/** 评: once per quarter, a verified villager says how satisfied they are with what was published. */
function RateCard({ villageId, view, onRated }: { villageId: string; view: QuarterView; onRated: () => void }) {
  const [comment, setComment] = useState('');
  const total = RATINGS.reduce((s, r) => s + view.ratings[r], 0);
  const { run } = useAction();
  async function rate(rating: Rating) {
    await run(() => disclosureApi.rate(villageId, view.quarter, rating, comment.trim() || undefined), {
      done: { title: '谢谢您的评价', icon: 'success' },
      failed: '评价没有成功',
      toast: true,
      onDone: () => onRated(),
    });
  }
  return (
    <View className="card" aria-label="村民评价">
      <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>村民评价（评）</Text>
      <Text style={{ display: 'block', margin: '6px 0' }}>{total === 0 ? '还没有人评价。' : RATINGS.map((r) => `${r} ${view.ratings[r]} 人`).join('　')}</Text>
      {view.myRating ? (
        <Text style={{ display: 'block', color: '#389e0d' }}>您的评价：{view.myRating}（每季度评价一次）</Text>
      ) : (
        <View>
          <Text style={{ display: 'block', color: '#595959' }}>您对本季度公开的内容满意吗？认证过的村民每季度可以评价一次。</Text>
          <LimitedTextArea value={comment} onChange={setComment} placeholder="想说的话（可不填）" maxLength={RATING_COMMENT.max} />
          <View style={{ display: 'flex', gap: '8px', marginTop: '8px' }}>
            {RATINGS.map((r) => (
              <Button key={r} size="large" type={r === '满意' ? 'primary' : 'default'} onClick={() => rate(r)}>
                {r}
              </Button>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}

/** A village's quarter: every required item and where it stands, past quarters, 评 and 督. */
export default function QuarterPage() {
  const [elder] = useElderMode();
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [picked, setPicked] = useState<string | undefined>(params.quarter);
  const [version, setVersion] = useState(0);
  const list = useRequest(`quarters:${villageId}`, () => disclosureApi.quarters(villageId));
  const quarter = picked ?? list.data?.current ?? null;
  const view = useRequest(quarter ? `quarter:${villageId}:${quarter}:${version}` : null, () => disclosureApi.quarter(villageId, quarter as string));
  const v = view.data;

  return (
    <View className={`page${elder ? ' elder' : ''}`}>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', padding: '12px' }} aria-label="选择季度">
        {(list.data?.quarters ?? []).map((q) => (
          <Button key={q.key} size="normal" type={q.key === quarter ? 'primary' : 'default'} onClick={() => setPicked(q.key)}>
            {q.label}
          </Button>
        ))}
      </View>
      <PageShell loading={view.loading || list.loading} error={view.error ?? list.error} onRetry={() => (list.error ? list.reload() : view.reload())}>
        {v && (
          <View>
            <View className="card" aria-label="公开情况">
              <Text style={{ display: 'block', fontSize: '22px', fontWeight: 600 }}>{v.label}</Text>
              <Listen
                read={() =>
                  sentences([
                    v.label,
                    `应公开 ${v.completeness.required} 项：按时公开 ${v.completeness.published} 项，逾期公开 ${v.completeness.late} 项`,
                    v.completeness.missing > 0 && `超过截止日期未公开 ${v.completeness.missing} 项`,
                    v.completeness.pending > 0 && `待公开 ${v.completeness.pending} 项`,
                    `截止日期 ${dateText(v.dueDate)}`,
                  ])
                }
                what="本季度公开情况"
                elderOnly
              />
              <Text style={{ display: 'block', marginTop: '6px' }}>
                应公开 {v.completeness.required} 项：按时公开 {v.completeness.published} 项，逾期公开 {v.completeness.late} 项，
                {v.completeness.missing > 0 ? `超过截止日期未公开 ${v.completeness.missing} 项，` : ''}
                {v.completeness.pending > 0 ? `待公开 ${v.completeness.pending} 项，` : ''}
                截止日期 {dateText(v.dueDate)}。
              </Text>
              <Button
                size="normal"
                style={{ marginTop: '8px' }}
                onClick={() => Taro.navigateTo({ url: `/packages/board/print/index?villageId=${villageId}&quarter=${v.quarter}` })}
              >
                打印公开栏版本
              </Button>
              <Button
                size="normal"
                style={{ marginTop: '8px', marginLeft: '8px' }}
                onClick={() => Taro.navigateTo({ url: `/packages/board/poster/index?villageId=${villageId}` })}
              >
                打印本村二维码海报
              </Button>
            </View>
            <QuarterEntries villageId={villageId} view={v} />
            <RateCard villageId={villageId} view={v} onRated={() => setVersion((n) => n + 1)} />
            <Cell.Group title="监委会督办事项（督）">
              {v.followUps.length === 0 && <Cell title="本季度没有督办事项" />}
              {v.followUps.map((f) => (
                <Cell
                  key={f.id}
                  title={f.text}
                  description={f.closed ? `${f.closedAt ? chinaDay(f.closedAt) : ''} 销号：${f.result}` : `${chinaDay(f.createdAt)} 记录，督办中`}
                  extra={<Tag type={f.closed ? 'success' : 'warning'}>{f.closed ? '已销号' : '督办中'}</Tag>}
                />
              ))}
            </Cell.Group>
          </View>
        )}
      </PageShell>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { FollowUp } from '../../../../types/disclosure';
import PageShell from '../../../components/PageShell';
import TagLine from '../../../components/TagLine';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { disclosureApi } from '../../../services/disclosure';
import { quarterText } from '../../../services/labels';
import { chinaDay } from '../../../services/china-time';
import { TextToSend } from '../../../components/FormHints';
import { FOLLOW_UP } from '../../../../common/limits';

function Point({ f, onClose }: { f: FollowUp; onClose: (result: string) => Promise<void> }) {
  const [result, setResult] = useState('');
  return (
    <View className="card" aria-label={`督办：${f.text}`}>
      <TagLine type={f.closed ? 'success' : 'warning'} tag={f.closed ? '已销号' : '督办中'}>
        <Text>{chinaDay(f.createdAt)} 记录</Text>
      </TagLine>
      <Text className="keep-lines" style={{ display: 'block', fontSize: '18px', margin: '8px 0' }}>
        {f.text}
      </Text>
      {f.closed ? (
        <Text style={{ display: 'block', color: '#237804' }}>
          {f.closedAt ? chinaDay(f.closedAt) : ''} 销号：{f.result}
        </Text>
      ) : (
        <View>
          <TextToSend
            multiline
            value={result}
            onChange={setResult}
            placeholder="办理结果（销号时填写，村民可见）"
            limit={FOLLOW_UP}
            need={`写办理结果（至少 ${FOLLOW_UP.min} 个字）`}
            button="销号"
            onSend={onClose}
          />
        </View>
      )}
    </View>
  );
}

/** 督: the 监委会 records the points to follow up in a quarter and closes each with what was done. */
export default function FollowUpsPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const quarter = params.quarter ?? '';
  const [text, setText] = useState('');
  const [version, setVersion] = useState(0);
  const view = useRequest(`quarter:${villageId}:${quarter}:${version}`, () => disclosureApi.quarter(villageId, quarter));
  const reload = () => setVersion((v) => v + 1);

  const { run } = useAction();
  const failed = '操作没有成功';

  async function add(point: string) {
    await run(() => disclosureApi.followUpAdd(villageId, quarter, point), {
      failed,
      toast: true,
      onDone: () => {
        setText('');
        reload();
      },
    });
  }
  const close = (f: FollowUp) => async (result: string) => {
    await run(() => disclosureApi.followUpClose(villageId, quarter, f.id, result), {
      done: { title: '已销号', icon: 'success' },
      failed,
      toast: true,
      onDone: () => reload(),
    });
  };

  return (
    <View className="page">
      <View className="card">
        <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>{quarterText(quarter)}督办事项</Text>
        <TextToSend
          multiline
          value={text}
          onChange={setText}
          placeholder="新的督办事项（如报告会上村民提出的问题）"
          limit={FOLLOW_UP}
          need={`写督办事项（至少 ${FOLLOW_UP.min} 个字）`}
          button="记录督办事项"
          primary
          onSend={add}
        />
      </View>
      <PageShell
        loading={view.loading}
        error={view.error}
        onRetry={view.reload}
        empty={(view.data?.followUps.length ?? 0) === 0}
        emptyTitle="本季度还没有督办事项"
      >
        {view.data?.followUps.map((f) => (
          <Point key={f.id} f={f} onClose={close(f)} />
        ))}
      </PageShell>
    </View>
  );
}

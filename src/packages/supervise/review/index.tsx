import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { DraftView } from '../../../../types/disclosure';
import Blocks from '../../../components/Blocks';
import PageShell from '../../../components/PageShell';
import TagLine from '../../../components/TagLine';
import NoticeReminders from '../../../components/NoticeReminders';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { disclosureApi } from '../../../services/disclosure';
import { formatFen } from '../../../services/money';
import { openAttachment } from '../../../services/open-file';
import { currentQuarterKey, dateTimeText, previousQuarterKey } from '../../../services/china-time';
import { quarterText } from '../../../services/labels';
import { confirmFirst } from '../../../services/confirm';
import { TextToSend } from '../../../components/FormHints';
import { REVIEW_RETURN_REASON } from '../../../../common/limits';

const STATE_TEXT: Record<DraftView['state'], string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  published: '已公开',
};

function Submitted({
  item,
  onDecide,
}: {
  item: DraftView & { quarter: string };
  onDecide: (decision: 'approve' | 'return', reason?: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  return (
    <View className="card" aria-label={`待审核：${item.title}`}>
      <TagLine type="warning" tag={STATE_TEXT[item.state]}>
        <Text>
          {quarterText(item.quarter)} · {item.category}
          {item.publishedVersion > 0 ? ` · 更正第 ${item.publishedVersion} 版` : ''}
        </Text>
      </TagLine>
      <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600, margin: '8px 0' }}>{item.title}</Text>
      <Text style={{ display: 'block', color: '#595959' }}>公开目录：{item.catalogTitle}</Text>
      <Text style={{ display: 'block', color: '#595959', marginBottom: '8px' }}>
        {item.submitted ? `${item.submitted.by}于 ${dateTimeText(item.submitted.at)} 提交审核` : '提交人未记录'}
      </Text>
      {item.amountFen !== null && <Text style={{ display: 'block' }}>金额：{formatFen(item.amountFen)} 元</Text>}
      <Blocks blocks={item.body} />
      {item.attachments.map((a) => (
        <Text key={a.id} style={{ display: 'block', color: '#1677ff' }} onClick={() => openAttachment(a, item.attachments)}>
          附件：{a.name}（{Math.ceil(a.size / 1024)} KB）
        </Text>
      ))}
      <Button
        type="primary"
        size="large"
        block
        onClick={async () => {
          const sure = await confirmFirst({
            title: '审核通过并公开？',
            content: `“${item.title}”会马上向全村公开。公开后不能撤回，内容有错只能发更正版本并写明原因。`,
            confirmText: '确认公开',
          });
          if (sure) await onDecide('approve');
        }}
      >
        审核通过并公开
      </Button>
      <View style={{ marginTop: '12px' }}>
        <TextToSend
          value={reason}
          onChange={setReason}
          placeholder="退回原因（村干部会看到）"
          limit={REVIEW_RETURN_REASON}
          name="returnReason"
          need={`退回要写原因（至少 ${REVIEW_RETURN_REASON.min} 个字）`}
          button="退回修改"
          onSend={(text) => onDecide('return', text)}
        />
      </View>
    </View>
  );
}

/** The 监委会 reviews what the 两委 submitted: approve (publish) or return with a reason. */
export default function ReviewPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  // Cadres submit the quarter being reported and, for major matters, the current one.
  const quarters = params.quarter ? [params.quarter] : [...new Set([currentQuarterKey(), previousQuarterKey()])];
  const [version, setVersion] = useState(0);
  const list = useRequest(`drafts:${villageId}:${quarters.join(',')}:${version}`, async () => {
    const lists = await Promise.all(quarters.map((q) => disclosureApi.drafts(villageId, q)));
    return lists.flatMap((l, i) => l.items.map((item) => ({ ...item, quarter: quarters[i] })));
  });
  const waiting = list.data?.filter((i) => i.state === 'submitted') ?? [];

  const { run } = useAction();

  const decide = (item: DraftView & { quarter: string }) => async (decision: 'approve' | 'return', reason?: string) => {
    await run(() => disclosureApi.review({ villageId, quarter: item.quarter, itemId: item.itemId, decision, reason }), {
      done: { title: decision === 'approve' ? '已公开' : '已退回', icon: 'success' },
      failed: '操作失败',
      toast: true,
      onDone: () => setVersion((v) => v + 1),
    });
  };

  return (
    <View className="page">
      <NoticeReminders />
      <PageShell
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={waiting.length === 0}
        emptyTitle="没有待审核的内容"
        emptyDescription="村干部提交后会出现在这里。"
      >
        {waiting.map((item) => (
          <Submitted key={`${item.quarter}:${item.itemId}`} item={item} onDecide={decide(item)} />
        ))}
      </PageShell>
    </View>
  );
}

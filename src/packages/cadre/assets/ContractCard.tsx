import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import {
  CONTRACT_KIND_LABEL,
  CONTRACT_STATUS_LABEL,
  type ContractView,
  type Decision,
  PAY_SCHEDULE_LABEL,
  WARNING_KIND_LABEL,
  WARNING_STATE_LABEL,
  type WarningView,
} from '../../../../types/assets';
import TagLine from '../../../components/TagLine';
import { chinaDay } from '../../../services/china-time';
import { formatFen } from '../../../services/money';
import ContractDetail from './ContractDetail';
import { Caution, Line } from './fields';
import RenewCard from './RenewCard';
import TerminateCard from './TerminateCard';

const BODY: Record<'representatives' | 'villagers', string> = { representatives: '村民代表会议', villagers: '村民会议' };

function decisionText(d: Decision): string {
  if (d.kind === 'matter') return `一事一议：${d.title}`;
  return `${BODY[d.body]}（${d.date}）${d.note ? `：${d.note}` : ''}`;
}

function awardText(c: ContractView): string {
  if (c.award.method === 'negotiated') return `协商：${c.award.reason}`;
  return `公开竞价：${c.award.bids.map((b) => `${b.bidder} ${formatFen(b.fen)} 元`).join('；')}`;
}

/**
 * One contract as the 会计 keeps it: term, price, award and decision, what was due and received,
 * its warnings; 续签 while it has not been replaced, 解除 while it runs.
 */
export default function ContractCard({
  villageId,
  contract: c,
  warnings,
  canRenew,
  canTerminate,
  onChanged,
}: {
  villageId: string;
  contract: ContractView;
  warnings: WarningView[];
  canRenew: boolean;
  canTerminate: boolean;
  onChanged: () => void;
}) {
  const [mode, setMode] = useState<'renew' | 'terminate' | null>(null);
  const [open, setOpen] = useState(false);
  const today = chinaDay();
  const settled = c.status === 'renewed' || c.status === 'terminated';
  const price = `${formatFen(c.priceFenPerYear)} 元${c.pricePerMuFen !== null ? `（每亩 ${formatFen(c.pricePerMuFen)} 元）` : ''}`;
  const done = () => {
    setMode(null);
    onChanged();
  };

  return (
    <>
      <View className="card" aria-label={`合同：${c.subject.name} · ${c.counterparty.name}`}>
        <TagLine type={c.arrearsFen > 0 ? 'danger' : c.status === 'active' ? 'success' : 'default'} tag={CONTRACT_STATUS_LABEL[c.status]}>
          <Text className="cadre-assets__name">
            {c.subject.name} · {CONTRACT_KIND_LABEL[c.kind]}给 {c.counterparty.name}
          </Text>
        </TagLine>
        <Line label="合同期" value={`${c.startOn} 至 ${c.endOn}（${c.termText}）`} />
        <Line label="每年价款" value={price} />
        <Line label="付款方式" value={`${PAY_SCHEDULE_LABEL[c.schedule]}${c.depositFen ? `，押金 ${formatFen(c.depositFen)} 元` : ''}`} />
        <Line label="应收（到今天）" value={`${formatFen(c.dueFen)} 元`} />
        <Line label="已收" value={`${formatFen(c.receivedFen)} 元`} />
        <Line label="欠款" value={`${formatFen(c.arrearsFen)} 元`} />
        <Text className="cadre-assets__hint">{awardText(c)}</Text>
        {c.decision ? (
          <Text className="cadre-assets__hint">同意的会议：{decisionText(c.decision)}</Text>
        ) : (
          <Caution text={`没有记录同意这份合同的会议：这是“${WARNING_KIND_LABEL.no_decision}”的警示，监委会和镇里都看得到。`} />
        )}
        {c.terminated && (
          <Text className="cadre-assets__hint">
            已于 {c.terminated.on} 解除：{c.terminated.reason}
          </Text>
        )}
        {c.note && <Text className="cadre-assets__hint">备注：{c.note}</Text>}
        {warnings.map((w) => (
          <Text key={w.id} className="cadre-assets__warning">
            警示·{WARNING_KIND_LABEL[w.kind]}（{WARNING_STATE_LABEL[w.state]}）：{w.text}
          </Text>
        ))}
        {open && <ContractDetail contract={c} today={today} />}
        <View className="cadre-assets__tools">
          <Button size="normal" onClick={() => setOpen(!open)}>
            {open ? '收起分期和收款' : '看分期和收款'}
          </Button>
          {canRenew && !settled && !mode && (
            <Button size="normal" onClick={() => setMode('renew')}>
              续签
            </Button>
          )}
          {canTerminate && c.status === 'active' && !mode && (
            <Button size="normal" onClick={() => setMode('terminate')}>
              解除合同
            </Button>
          )}
        </View>
      </View>
      {mode === 'renew' && <RenewCard villageId={villageId} contract={c} onSaved={done} onCancel={() => setMode(null)} />}
      {mode === 'terminate' && <TerminateCard villageId={villageId} contract={c} onSaved={done} onCancel={() => setMode(null)} />}
    </>
  );
}

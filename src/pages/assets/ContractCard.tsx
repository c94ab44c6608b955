import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { CONTRACT_KIND_LABEL, CONTRACT_STATUS_LABEL, type ContractView } from '../../../types/assets';
import AskBox from '../../components/AskBox';
import TagLine from '../../components/TagLine';
import { dateText } from '../../services/china-time';
import ContractDetails from './ContractDetails';
import { awardText, decisionText, Line, subjectText, yuan } from './words';

/** The award as it happened: every bid, highest first, the winning one marked; or why it was agreed. */
function AwardRecord({ c }: { c: ContractView }) {
  if (c.award.method === 'negotiated') return <Text className="village-assets__award">协商的理由：{c.award.reason}</Text>;
  const bids = [...c.award.bids].sort((a, b) => b.fen - a.fen);
  return (
    <View className="village-assets__award" aria-label="竞价记录">
      {bids.map((b, i) => (
        <Text key={`${b.bidder}:${b.fen}`} className="village-assets__bid">
          {b.bidder} 出价 {yuan(b.fen)}
          {i === 0 ? '（成交）' : ''}
        </Text>
      ))}
    </View>
  );
}

/**
 * One contract: who has what until when for how much, whether it was paid, how it was awarded and
 * who approved it; the payment plan and receipts one tap further; and 问一问.
 */
export default function ContractCard({
  c,
  villageId,
  open,
  picked,
  onToggle,
}: {
  c: ContractView;
  villageId: string;
  open: boolean;
  picked: boolean;
  onToggle: () => void;
}) {
  return (
    <View id={`va-${c.id}`} className={`card${picked ? ' village-assets__picked' : ''}`} aria-label={`合同：${c.subject.name}（${c.counterparty.name}）`}>
      <TagLine type={c.status === 'active' ? 'success' : 'default'} tag={CONTRACT_STATUS_LABEL[c.status]}>
        <Text className="village-assets__name">
          {subjectText(c)} · {CONTRACT_KIND_LABEL[c.kind]}
        </Text>
      </TagLine>
      <Line label="给了谁" value={c.counterparty.name} />
      <Line label="到什么时候" value={`${dateText(c.endOn)}（从${dateText(c.startOn)}起，共${c.termText}）`} />
      <Line label="每年多少钱" value={yuan(c.priceFenPerYear)} />
      {c.pricePerMuFen !== null && <Line label="每亩每年" value={yuan(c.pricePerMuFen)} />}
      <Line label="到今天应交" value={yuan(c.dueFen)} />
      <Line label="已经交了" value={yuan(c.receivedFen)} />
      <Line label="欠款" value={c.arrearsFen > 0 ? yuan(c.arrearsFen) : '没有欠款'} strong={c.arrearsFen > 0 ? 'bad' : 'good'} />
      {c.rentCounted === 'published' && <Text className="muted">交的钱记在村里的账上，那个月的账签字公示以后，这里才算上。</Text>}
      <Line label="怎么定的" value={awardText(c.award)} />
      <AwardRecord c={c} />
      <Line label="谁批准的" value={decisionText(c.decision)} strong={c.decision ? undefined : 'bad'} />
      {open && <ContractDetails c={c} villageId={villageId} />}
      <View className="village-assets__buttons">
        <Button size="normal" onClick={onToggle}>
          {open ? '收起' : '付款计划和收款记录'}
        </Button>
      </View>
      <AskBox villageId={villageId} subject={{ type: 'contract', id: c.id }} button="问一问这份合同" placeholder="想问这份合同什么？" />
    </View>
  );
}

import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { ChoiceButton } from '../../components/ChoiceRow';
import { FieldLabel } from '../../components/FormHints';
import { LimitedInput, LimitedTextArea } from '../../components/Limited';
import { DECISION_CHOICES, SendOrCancel, WarningBox, type DecisionBody } from '../../components/MatterParts';
import { useAction } from '../../hooks/useAction';
import { useRequest } from '../../hooks/useRequest';
import { identityApi } from '../../services/identity';
import { mattersApi, matterUrl } from '../../services/matters';
import { go, verifyUrl } from './helpers';
import { MATTER_SUMMARY, MATTER_TITLE } from '../../../common/limits';

const COSIGN_NOTE = '提交后需要本村 18 周岁以上村民的十分之一、或村民代表的五分之一联名，才会交给两委商议。您自己算第一位联名人。';
// The 书记's proposal is the party branch's: the server sends it straight on to 商议.
const BRANCH_NOTE = '您是村党组织书记：提交后作为村党组织提议，直接交给两委商议。';

/** The same bounds the server checks, said before sending rather than after. */
function proposeProblem(title: string, summary: string): string | null {
  if (title.length < MATTER_TITLE.min || title.length > MATTER_TITLE.max) return `议题名称要 ${MATTER_TITLE.min} 到 ${MATTER_TITLE.max} 个字。`;
  if (summary.length < MATTER_SUMMARY.min || summary.length > MATTER_SUMMARY.max)
    return `要办什么事、为什么，要写 ${MATTER_SUMMARY.min} 到 ${MATTER_SUMMARY.max} 个字。`;
  return null;
}

function ProposeForm({ villageId, branch, onClose }: { villageId: string; branch: boolean; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState<DecisionBody>('representatives');
  const sending = useAction();

  async function submit() {
    const input = { villageId, title: title.trim(), summary: summary.trim(), decisionBody: body };
    const problem = proposeProblem(input.title, input.summary);
    if (problem) return sending.setError(problem);
    await sending.run(() => mattersApi.propose(input), {
      done: '提议已提交',
      failed: '没有提交成功，请稍后再试。',
      onDone: (m) => {
        setTitle('');
        setSummary('');
        onClose();
        Taro.navigateTo({ url: matterUrl(villageId, m.id) });
      },
    });
  }

  return (
    <View>
      <FieldLabel className="matters__label" required text="议题名称" />
      <View className="matters__field">
        <LimitedInput
          value={title}
          onChange={setTitle}
          placeholder={`议题名称（${MATTER_TITLE.min}–${MATTER_TITLE.max} 字）`}
          maxLength={MATTER_TITLE.max}
          name="proposeTitle"
        />
      </View>
      <FieldLabel className="matters__label" required text="要办什么事、为什么" />
      <View className="matters__field">
        <LimitedTextArea
          value={summary}
          onChange={setSummary}
          placeholder={`要办什么事、为什么（${MATTER_SUMMARY.min}–${MATTER_SUMMARY.max} 字）`}
          maxLength={MATTER_SUMMARY.max}
          autoSize
          name="proposeSummary"
        />
      </View>
      <Text className="matters__label">决议由谁表决</Text>
      <View className="matters__choices" aria-label="决议由谁表决">
        {DECISION_CHOICES.map((c) => (
          <ChoiceButton key={c.value} size="large" block tick on={c.value === body} label={c.label} onClick={() => setBody(c.value)} />
        ))}
      </View>
      <Text className="matters__notice">{branch ? BRANCH_NOTE : COSIGN_NOTE}</Text>
      <WarningBox text={sending.error} />
      <SendOrCancel className="matters__actions" text="提交提议" busy={sending.busy} onSend={submit} onCancel={onClose} />
    </View>
  );
}

/**
 * 村民联名提议: open to anyone verified in this village. Others are told why first, not refused
 * after typing a whole proposal.
 */
export default function ProposeCard({ villageId, shown }: { villageId: string; shown: number }) {
  const [open, setOpen] = useState(false);
  const whoReq = useRequest(`matters-whoami:${shown}`, () => identityApi.whoami());
  const mine = whoReq.data?.villages.find((v) => v.villageId === villageId);
  const close = () => setOpen(false);

  if (!open) {
    return (
      <View className="matters__propose-entry">
        <Button type="primary" size="large" block onClick={() => setOpen(true)}>
          我要提议
        </Button>
      </View>
    );
  }
  const closeButton = (
    <Button size="large" block onClick={close}>
      关闭
    </Button>
  );
  let body: ReactNode;
  if (whoReq.loading && !whoReq.data) {
    body = <Text className="matters__hint">正在读取……</Text>;
  } else if (whoReq.data && !whoReq.data.signedIn) {
    body = (
      <View>
        <Text className="matters__notice">请在微信里打开阳光村务，才能提议。</Text>
        <View className="matters__actions">{closeButton}</View>
      </View>
    );
  } else if (whoReq.data && !mine) {
    body = (
      <View>
        <Text className="matters__line">村里要办的事，村民可以联名提议。</Text>
        <Text className="matters__notice">请先在“我的”里完成村民身份认证，才能提议。</Text>
        <View className="matters__actions">
          <Button type="primary" size="large" block onClick={go(verifyUrl(villageId))}>
            去认证村民身份
          </Button>
          {closeButton}
        </View>
      </View>
    );
  } else {
    // Verified here, or the check itself failed: then the server is the judge of the proposal.
    body = <ProposeForm villageId={villageId} branch={!!mine?.roles.includes('secretary')} onClose={close} />;
  }
  return (
    <View className="card matters__propose" aria-label="我要提议">
      <Text className="matters__heading">我要提议</Text>
      {body}
    </View>
  );
}

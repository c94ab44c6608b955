import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { villageApi } from '../../../services/village';
import CodeHistory from './CodeHistory';
import CurrentCode from './CurrentCode';
import { MAX_REASON, MIN_REASON, posterUrl, REASON_PLACEHOLDER } from './helpers';

/**
 * One village: the code on its poster now, the codes it had before, and the two ways to deal with
 * a lost poster. The server decides who may act; a refusal is shown on the card in its words.
 */
export default function VillageCodesCard({ villageId, villageName }: { villageId: string; villageName: string }) {
  const [version, setVersion] = useState(0);
  const [reason, setReason] = useState('');
  const change = useAction();
  const [reissued, setReissued] = useState(false);
  const list = useRequest(`township-codes:${villageId}:${version}`, () => villageApi.codes(villageId));

  const codes = list.data?.codes ?? [];
  // The server sends newest first; the newest enabled code is the one on the poster.
  const current = codes.find((c) => c.enabled);
  const older = codes.filter((c) => c !== current);
  const why = reason.trim();
  const reasonOk = Array.from(why).length >= MIN_REASON;

  /** Asks first, then makes the change; `after` says whether a new code now hangs on the poster. */
  async function confirmed(question: { title: string; content: string; confirmText: string }, work: () => Promise<unknown>, done: string, after: boolean) {
    const { confirm } = await Taro.showModal({ ...question, cancelText: '取消' });
    if (!confirm) return;
    await change.run(work, {
      done,
      failed: '没有成功，请稍后再试。',
      onDone: () => {
        // The reason was for this change; left in the box it could be sent again by mistake.
        setReason('');
        setVersion((v) => v + 1);
        setReissued(after);
      },
    });
  }

  function disable() {
    if (!current) return;
    const code = current.code;
    void confirmed(
      {
        title: `停用${villageName}的二维码？`,
        content: '停用后，旧海报上的码扫了会提示已停用，村民扫码进不了本村，直到重新发码；需要打印新海报。',
        confirmText: '停用',
      },
      () => villageApi.disableCode(villageId, code, why),
      '已停用',
      false,
    );
  }

  function reissue() {
    void confirmed(
      {
        title: `给${villageName}重新发码？`,
        content: '会发一个新码，本村以前的码全部停用。旧海报上的码扫了会提示已停用，需要打印新海报换上。',
        confirmText: '重新发码',
      },
      () => villageApi.issueCode(villageId, why),
      '已重新发码',
      true,
    );
  }

  return (
    <View className="card codes__village" aria-label={`一村一码：${villageName}`}>
      <Text className="codes__name">{villageName}</Text>
      {list.error ? (
        <View className="warning-box" role="alert">
          {list.error.message}
        </View>
      ) : !list.data ? (
        <Text className="codes__note">正在加载…</Text>
      ) : (
        <View>
          <CurrentCode villageName={villageName} code={current} />
          {reissued && current && (
            <View className="codes__reissued">
              <Text className="codes__line">新码已生效。请打印本村海报，换下公开栏上的旧海报。</Text>
              <Button size="large" block type="primary" onClick={() => Taro.navigateTo({ url: posterUrl(`villageId=${villageId}`) })}>
                打印本村海报
              </Button>
            </View>
          )}
          <CodeHistory codes={older} />
          <View className="codes__action" aria-label={`${villageName}停用或重新发码`}>
            <LimitedInput value={reason} onChange={setReason} placeholder={REASON_PLACEHOLDER} maxLength={MAX_REASON} name="reason" />
            {!reasonOk && <Text className="codes__note">先写明原因（至少 {MIN_REASON} 个字），才能停用或重新发码。</Text>}
            <View className="codes__buttons">
              <Button size="large" block loading={change.busy} disabled={change.busy || !reasonOk || !current} onClick={disable}>
                停用此码
              </Button>
              <Button size="large" block type="primary" loading={change.busy} disabled={change.busy || !reasonOk} onClick={reissue}>
                重新发码
              </Button>
            </View>
          </View>
        </View>
      )}
      {change.error && (
        <View className="warning-box" role="alert">
          {change.error}
        </View>
      )}
    </View>
  );
}

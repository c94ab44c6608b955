import { Button } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CodeView } from '../../../../types/village';
import PageShell from '../../../components/PageShell';
import PdfButton from '../../../components/PdfButton';
import { useRequest } from '../../../hooks/useRequest';
import { dateText } from '../../../services/china-time';
import { ApiCallError } from '../../../services/transport';
import { villageApi } from '../../../services/village';
import './index.scss';
import { LimitedInput } from '../../../components/Limited';

/** The server takes 2–200 characters; the page says so before the buttons wake up. */
const MIN_REASON = 2;
const MAX_REASON = 200;
const REASON_PLACEHOLDER = '原因（必填），如：海报丢失';

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);

const posterUrl = (query: string) => `/packages/board/poster/index?${query}`;

function CurrentCode({ villageName, code }: { villageName: string; code: CodeView | undefined }) {
  if (!code) {
    return (
      // Said in words and marked with a bar, so it reads the same without colour.
      <View className="warning-box">
        <Text>已停用，还没有新码</Text>
      </View>
    );
  }
  return (
    <View className="codes__current">
      {code.imageUrl && (
        <View className="codes__image" role="img" aria-label={`${villageName}现在用的二维码`}>
          <Image src={code.imageUrl} mode="aspectFit" style={{ width: '100%', height: '100%' }} />
        </View>
      )}
      <View className="codes__current-text">
        <Text className="codes__state">✓ 在用</Text>
        <Text className="codes__line">码号：{code.code}</Text>
        <Text className="codes__line">发码日期：{dateText(code.issuedAt)}</Text>
      </View>
    </View>
  );
}

/** Codes that no longer lead anywhere, newest first, so the township can say when and why. */
function History({ codes }: { codes: CodeView[] }) {
  if (codes.length === 0) return null;
  return (
    <View className="codes__history" aria-label="以前的码">
      <Text className="codes__subtitle">以前的码（{codes.length} 个）</Text>
      {codes.map((c) => (
        <View key={c.code} className="codes__history-item">
          <Text className="codes__line">
            {c.code}
            {c.enabled ? ' · 仍然可扫（重新发码会一并停用）' : ` · 已停用${c.disabledAt ? `于 ${dateText(c.disabledAt)}` : ''}`}
          </Text>
          {!c.enabled && <Text className="codes__note">原因：{c.reason ?? '没有记录'}</Text>}
        </View>
      ))}
    </View>
  );
}

/**
 * One village: the code on its poster now, the codes it had before, and the two ways to deal with
 * a lost poster. The server decides who may act; a refusal is shown on the card in its words.
 */
function VillageCodes({ villageId, villageName }: { villageId: string; villageName: string }) {
  const [version, setVersion] = useState(0);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [reissued, setReissued] = useState(false);
  const list = useRequest(`township-codes:${villageId}:${version}`, () => villageApi.codes(villageId));

  const codes = list.data?.codes ?? [];
  // The server sends newest first; the newest enabled code is the one on the poster.
  const current = codes.find((c) => c.enabled);
  const older = codes.filter((c) => c !== current);
  const why = reason.trim();
  const reasonOk = Array.from(why).length >= MIN_REASON;

  async function run(question: { title: string; content: string; confirmText: string }, work: () => Promise<unknown>, done: string) {
    const { confirm } = await Taro.showModal({ ...question, cancelText: '取消' });
    if (!confirm) return false;
    setBusy(true);
    setRefusal(null);
    try {
      await work();
      // No icon: WeChat cuts a toast with an icon to seven characters.
      Taro.showToast({ title: done, icon: 'none', duration: 2000 });
      // The reason was for this change; left in the box it could be sent again by mistake.
      setReason('');
      setVersion((v) => v + 1);
      return true;
    } catch (e) {
      setRefusal(messageOf(e, '没有成功，请稍后再试。'));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function disable() {
    if (!current) return;
    const code = current.code;
    void run(
      {
        title: `停用${villageName}的二维码？`,
        content: '停用后，旧海报上的码扫了会提示已停用，村民扫码进不了本村，直到重新发码；需要打印新海报。',
        confirmText: '停用',
      },
      () => villageApi.disableCode(villageId, code, why),
      '已停用',
    ).then((ok) => ok && setReissued(false));
  }

  function reissue() {
    void run(
      {
        title: `给${villageName}重新发码？`,
        content: '会发一个新码，本村以前的码全部停用。旧海报上的码扫了会提示已停用，需要打印新海报换上。',
        confirmText: '重新发码',
      },
      () => villageApi.issueCode(villageId, why),
      '已重新发码',
    ).then((ok) => ok && setReissued(true));
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
          <History codes={older} />
          <View className="codes__action" aria-label={`${villageName}停用或重新发码`}>
            <LimitedInput value={reason} onChange={setReason} placeholder={REASON_PLACEHOLDER} maxLength={MAX_REASON} name="reason" />
            {!reasonOk && <Text className="codes__note">先写明原因（至少 {MIN_REASON} 个字），才能停用或重新发码。</Text>}
            <View className="codes__buttons">
              <Button size="large" block loading={busy} disabled={busy || !reasonOk || !current} onClick={disable}>
                停用此码
              </Button>
              <Button size="large" block type="primary" loading={busy} disabled={busy || !reasonOk} onClick={reissue}>
                重新发码
              </Button>
            </View>
          </View>
        </View>
      )}
      {refusal && (
        <View className="warning-box" role="alert">
          {refusal}
        </View>
      )}
    </View>
  );
}

/**
 * 一村一码 for the 镇管理员: when a poster is torn down or its photo misused, stop its code or
 * issue a new one (which stops every older one), then print the new poster.
 */
export default function TownshipCodesPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const villages = useRequest(townshipId ? `township-code-villages:${townshipId}` : null, () => villageApi.posters(townshipId));

  const missing = townshipId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个镇，请从“我的”页面进入。' };
  const error = missing ?? villages.error ?? null;
  const denied = error?.code === 'PERMISSION_DENIED' || error?.code === 'UNAUTHENTICATED';
  const list = villages.data?.posters ?? [];

  return (
    <View className="page codes">
      <PageShell
        loading={!error && villages.loading}
        error={error}
        onRetry={missing ? undefined : villages.reload}
        renderError={(e) =>
          denied ? (
            <View className="card" role="alert">
              <Text className="codes__name">只有镇管理员可以停用和重新发码</Text>
              <Text className="codes__note">{e.message}</Text>
            </View>
          ) : null
        }
        empty={!!villages.data && list.length === 0}
        emptyTitle="镇里还没有村"
      >
        <View className="card">
          <Text className="codes__intro">
            海报被撕、二维码被拍走冒用时：停用此码，或重新发码（以前的码全部停用）。旧海报上的码扫了会提示已停用，需要打印新海报贴到公开栏。
          </Text>
          <Button size="large" block onClick={() => Taro.navigateTo({ url: posterUrl(`townshipId=${townshipId}`) })}>
            打印全镇各村海报
          </Button>
          <PdfButton make={() => villageApi.postersPdf(townshipId)} label="生成全镇海报 PDF（每村一页）" primary={false} />
        </View>
        {list.map((v) => (
          <VillageCodes key={v.villageId} villageId={v.villageId} villageName={v.villageName} />
        ))}
      </PageShell>
    </View>
  );
}

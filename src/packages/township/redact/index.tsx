import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Alert from '../../../components/Alert';
import Blocks from '../../../components/Blocks';
import PageShell from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { disclosureApi, itemUrl } from '../../../services/disclosure';
import { LimitedTextArea } from '../../../components/Limited';
import { DISCLOSURE_REASON } from '../../../../common/limits';

/**
 * 删去个人信息 (镇管理员): a published item that shows full ID or mobile numbers is masked in
 * every version, and attachments that show them can be deleted. The reason is shown to villagers
 * beside the item and recorded on the village's audit chain with the fingerprints before and after.
 */
export default function RedactPage() {
  const { params } = useRouter();
  const ref = { villageId: params.villageId ?? '', quarter: params.quarter ?? '', itemId: decodeURIComponent(params.itemId ?? '') };
  const item = useRequest(`redact-item:${ref.villageId}:${ref.quarter}:${ref.itemId}`, () => disclosureApi.item(ref));
  const [reason, setReason] = useState('');
  const [remove, setRemove] = useState<string[]>([]);
  const { busy, error, setError, run: runAction } = useAction();
  const [done, setDone] = useState<string | null>(null);

  async function run() {
    if (reason.trim().length < DISCLOSURE_REASON.min) return setError(`请写明为什么删去（至少 ${DISCLOSURE_REASON.min} 个字），村民会看到。`);
    const { confirm } = await Taro.showModal({
      title: '删去个人信息',
      content: `所有版本里的身份证号和手机号都会改成打码的形式${remove.length ? `，并永久删除选中的 ${remove.length} 个附件` : ''}。原来的内容不能恢复。`,
    });
    if (!confirm) return;
    await runAction(() => disclosureApi.redact(ref, reason.trim(), remove), {
      failed: '没有处理成功，请稍后再试。',
      onDone: (res) => {
        setDone(`已处理 ${res.versions} 个版本${res.removed.length ? `，删除附件：${res.removed.join('、')}` : ''}。`);
        item.reload();
      },
    });
  }

  const latest = item.data?.latest;
  return (
    <View className="page">
      <PageShell loading={item.loading} error={item.error} onRetry={item.reload}>
        {latest && (
          <View>
            <View className="card">
              <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600 }}>{latest.title}</Text>
              <Blocks blocks={latest.body} />
            </View>
            {latest.attachments.length > 0 && (
              <Cell.Group title="附件里有个人信息的，选中后会永久删除">
                {latest.attachments.map((a) => {
                  const on = remove.includes(a.id);
                  return (
                    <Cell
                      key={a.id}
                      title={`${on ? '✓ 删除 ' : ''}${a.name}`}
                      extra={on ? '不删' : '删除'}
                      onClick={() => setRemove((list) => (on ? list.filter((x) => x !== a.id) : [...list, a.id]))}
                    />
                  );
                })}
              </Cell.Group>
            )}
            <View className="card">
              <Text style={{ display: 'block', fontWeight: 600, marginBottom: '8px' }}>为什么删去（会向村民显示）</Text>
              <LimitedTextArea
                value={reason}
                onChange={setReason}
                placeholder="例如：补贴名单里登了完整的身份证号"
                maxLength={DISCLOSURE_REASON.max}
                autoSize
                name="reason"
              />
            </View>
            {error && <Alert text={error} />}
            {done && (
              <View className="card" role="status">
                {done}
              </View>
            )}
            <View style={{ padding: '0 16px', display: 'flex', flexDirection: 'column', gap: '12px' }}>
              <Button type="danger" size="large" block loading={busy} disabled={busy} onClick={run}>
                删去个人信息
              </Button>
              <Button size="large" block onClick={() => Taro.navigateTo({ url: itemUrl(ref) })}>
                查看村民看到的样子
              </Button>
            </View>
          </View>
        )}
      </PageShell>
    </View>
  );
}

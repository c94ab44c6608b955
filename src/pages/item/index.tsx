import { Button, Cell, Image, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Attachment, ItemRef } from '../../../types/disclosure';
import Blocks, { rowsNamed } from '../../components/Blocks';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { disclosureApi, ticketsApi } from '../../services/disclosure';
import { formatFen } from '../../services/money';
import { openAttachment } from '../../services/open-file';
import { ApiCallError } from '../../services/transport';
import { askToBeTold } from '../../services/subscribe';
import { useElderMode } from '../../services/elder';
import { chinaDay } from '../../services/china-time';
import { LimitedInput, LimitedTextArea } from '../../components/Limited';
import { StillNeeded } from '../../components/FormHints';

/** The digest's first hex digits, enough to compare by eye with the notice board's. */
const DIGEST_SHOWN = 16;

function Attachments({ list }: { list: Attachment[] }) {
  if (list.length === 0) return null;
  const images = list.filter((a) => a.mime !== 'application/pdf');
  return (
    <Cell.Group title="附件">
      {list.map((a) =>
        a.mime === 'application/pdf' ? (
          <Cell key={a.id} title={a.name} description={`PDF 文件，${Math.ceil(a.size / 1024)} KB`} extra="打开 ›" onClick={() => openAttachment(a)} />
        ) : (
          <View key={a.id}>
            <Cell title={a.name} description="图片，点按放大" extra="放大 ›" onClick={() => openAttachment(a, images)} />
            <View aria-label={`图片附件：${a.name}`} role="img" onClick={() => openAttachment(a, images)} style={{ padding: '0 16px 12px' }}>
              <Image src={a.url} mode="widthFix" width="100%" />
            </View>
          </View>
        ),
      )}
    </Cell.Group>
  );
}

/** 询: a verified villager asks the 监委会 about this item; the answer comes to 我的. */
function AskCard({ target: r }: { target: ItemRef }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  async function send() {
    setSending(true);
    try {
      await askToBeTold('ticket');
      await ticketsApi.ask({ villageId: r.villageId, subject: { type: 'disclosure', quarter: r.quarter, itemId: r.itemId }, text: text.trim() });
      setText('');
      Taro.showToast({ title: '已交给村务监督委员会，答复会出现在“我的”', icon: 'none', duration: 3000 });
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiCallError ? e.message : '没有提交成功', icon: 'none', duration: 3000 });
    } finally {
      setSending(false);
    }
  }
  return (
    <View className="card" aria-label="向监委会提问">
      <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>对这一项有疑问？</Text>
      <Text style={{ display: 'block', color: '#595959', margin: '4px 0' }}>问题会交给村务监督委员会，答复后在“我的”里通知您。</Text>
      <LimitedTextArea value={text} onChange={setText} placeholder="写下您的问题" maxLength={500} />
      <StillNeeded items={[text.trim().length < 4 && '写下问题（至少 4 个字）']} />
      <Button type="primary" size="large" block loading={sending} disabled={text.trim().length < 4} onClick={send}>
        提交问题
      </Button>
    </View>
  );
}

/** One published item: the latest version (or an earlier one), why each version changed, and ways to ask and check. */
export default function ItemPage() {
  const [elder] = useElderMode();
  const { params } = useRouter();
  const ref = { villageId: params.villageId ?? '', quarter: params.quarter ?? '', itemId: decodeURIComponent(params.itemId ?? '') };
  const [version, setVersion] = useState<number | undefined>();
  const { data, error, loading, reload } = useRequest(`item:${ref.villageId}:${ref.quarter}:${ref.itemId}:${version ?? 'latest'}`, () =>
    disclosureApi.item(ref, version),
  );
  // The verified villager's own name is in the field from its first render: set by an effect just
  // after the field mounted, it reached Taro's H5 input before the input had drawn itself, which
  // threw "Cannot read properties of undefined (reading 'value') at watchValue".
  const [typed, setName] = useState<string | null>(null);
  const name = typed ?? data?.viewerName ?? '';
  const shown = data?.latest;
  const newest = data ? Math.max(...data.versions.map((v) => v.version)) : 0;
  // Only a list of people can be searched for a name: not 月度收支明细, whose rows are months.
  const hasNames = shown?.nameColumns.some((c) => c.length > 0) ?? false;
  const found = shown ? rowsNamed(shown.body, name, shown.nameColumns) : 0;

  return (
    <View className={`page${elder ? ' elder' : ''}`}>
      <PageShell loading={loading} error={error} onRetry={reload}>
        {data && shown && (
          <View>
            <View className="card">
              <View style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
                <View style={{ flexShrink: 0 }}>
                  <Tag type="primary">{data.category}</Tag>
                </View>
                <Text>
                  第 {shown.version} 版{shown.version === newest ? '（最新）' : '（旧版本）'} · {chinaDay(shown.approvedAt)} 经
                  {shown.approvedBy ?? '村务监督委员会'}审核公开
                </Text>
              </View>
              <Text style={{ display: 'block', fontSize: '22px', fontWeight: 600, margin: '12px 0' }}>{shown.title}</Text>
              {shown.reason && <Text style={{ display: 'block', color: '#ad6800' }}>本版更正原因：{shown.reason}</Text>}
              {shown.amountFen !== null && <Text style={{ display: 'block', fontSize: '20px' }}>金额：{formatFen(shown.amountFen)} 元</Text>}
              {hasNames && (
                <View aria-label="查找我的名字" style={{ margin: '12px 0' }}>
                  <LimitedInput value={name} onChange={setName} placeholder="查找我的名字：输入姓名" maxLength={20} name="findName" />
                  {name.trim() !== '' && (
                    <Text style={{ display: 'block', marginTop: '4px' }}>
                      {found > 0 ? `找到 ${found} 行写着“${name.trim()}”，已用 ★ 标出。` : `名单里没有“${name.trim()}”。`}
                    </Text>
                  )}
                </View>
              )}
              <Blocks blocks={shown.body} highlight={hasNames ? name : undefined} nameColumns={shown.nameColumns} />
            </View>
            <Attachments list={shown.attachments} />
            {data.versions.length > 1 && (
              <Cell.Group title="全部版本（公开后不能修改，更正会产生新版本）">
                {[...data.versions].reverse().map((v) => (
                  <Cell
                    key={v.version}
                    title={`第 ${v.version} 版${v.version === shown.version ? ' · 正在查看' : ''}`}
                    description={`${chinaDay(v.approvedAt)}${v.reason ? ` · 更正原因：${v.reason}` : ' · 首次公开'}`}
                    onClick={() => setVersion(v.version)}
                  />
                ))}
              </Cell.Group>
            )}
            {shown.redactions.map((r) => (
              <View key={r.at} className="card" aria-label="删去个人信息的说明">
                <Text style={{ display: 'block', color: '#ad6800' }}>
                  {chinaDay(r.at)} {r.by}删去了其中的个人信息：{r.reason}
                  {r.removedAttachments.length ? `（删除附件 ${r.removedAttachments.join('、')}）` : ''}
                </Text>
              </View>
            ))}
            {data.viewerCanRedact && (
              <Cell.Group>
                <Cell
                  title="镇管理员：删去其中的个人信息"
                  description="身份证号、手机号改成打码形式，有个人信息的附件可以删除，原因会向村民显示。"
                  extra="处理 ›"
                  onClick={() => Taro.navigateTo({ url: `/packages/township/redact/index?villageId=${ref.villageId}&quarter=${ref.quarter}&itemId=${encodeURIComponent(ref.itemId)}` })}
                />
              </Cell.Group>
            )}
            <Cell.Group>
              <Cell
                title="校验这一版是否被改动过"
                description={`数字指纹 ${shown.digest.slice(0, DIGEST_SHOWN)}…`}
                extra="校验 ›"
                onClick={() =>
                  Taro.navigateTo({
                    url: `/packages/board/check/index?villageId=${ref.villageId}&quarter=${ref.quarter}&itemId=${encodeURIComponent(ref.itemId)}&version=${shown.version}`,
                  })
                }
              />
            </Cell.Group>
            <AskCard target={ref} />
          </View>
        )}
      </PageShell>
    </View>
  );
}

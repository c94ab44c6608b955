import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { chinaDay } from '../../services/china-time';
import { disclosureApi } from '../../services/disclosure';
import { useElderMode } from '../../services/elder';
import AskCard from './AskCard';
import Attachments from './Attachments';
import VersionCard from './VersionCard';

/** The digest's first hex digits, enough to compare by eye with the notice board's. */
const DIGEST_SHOWN = 16;

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

  return (
    <View className={`page${elder ? ' elder' : ''}`}>
      <PageShell loading={loading} error={error} onRetry={reload}>
        {data && shown && (
          <View>
            <VersionCard category={data.category} shown={shown} newest={newest} name={name} onName={setName} />
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
                  onClick={() =>
                    Taro.navigateTo({
                      url: `/packages/township/redact/index?villageId=${ref.villageId}&quarter=${ref.quarter}&itemId=${encodeURIComponent(ref.itemId)}`,
                    })
                  }
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

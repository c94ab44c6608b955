import { Cell, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Blocks from '../../components/Blocks';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { disclosureApi } from '../../services/disclosure';
import { formatFen } from '../../services/money';

/** One published item: the latest version (or an earlier one), and why each version changed. */
export default function ItemPage() {
  const { params } = useRouter();
  const ref = { villageId: params.villageId ?? '', quarter: params.quarter ?? '', itemId: decodeURIComponent(params.itemId ?? '') };
  const [version, setVersion] = useState<number | undefined>();
  const { data, error, loading, reload } = useRequest(`item:${ref.villageId}:${ref.quarter}:${ref.itemId}:${version ?? 'latest'}`, () =>
    disclosureApi.item(ref, version),
  );
  const shown = data?.latest;
  const newest = data ? Math.max(...data.versions.map((v) => v.version)) : 0;

  return (
    <View className="page">
      <PageShell loading={loading} error={error} onRetry={reload}>
        {data && shown && (
          <View>
            <View className="card">
              <View style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
                <View style={{ flexShrink: 0 }}>
                  <Tag type="primary">{data.category}</Tag>
                </View>
                <Text>
                  第 {shown.version} 版{shown.version === newest ? '（最新）' : '（旧版本）'} · {shown.approvedAt.slice(0, 10)} 经村务监督委员会审核公开
                </Text>
              </View>
              <Text style={{ display: 'block', fontSize: '22px', fontWeight: 600, margin: '12px 0' }}>{shown.title}</Text>
              {shown.reason && <Text style={{ display: 'block', color: '#ad6800' }}>本版更正原因：{shown.reason}</Text>}
              {shown.amountFen !== null && <Text style={{ display: 'block', fontSize: '20px' }}>金额：{formatFen(shown.amountFen)} 元</Text>}
              <Blocks blocks={shown.body} />
            </View>
            {data.versions.length > 1 && (
              <Cell.Group title="全部版本（公开后不能修改，更正会产生新版本）">
                {[...data.versions].reverse().map((v) => (
                  <Cell
                    key={v.version}
                    title={`第 ${v.version} 版${v.version === shown.version ? ' · 正在查看' : ''}`}
                    description={`${v.approvedAt.slice(0, 10)}${v.reason ? ` · 更正原因：${v.reason}` : ' · 首次公开'}`}
                    onClick={() => setVersion(v.version)}
                  />
                ))}
              </Cell.Group>
            )}
          </View>
        )}
      </PageShell>
    </View>
  );
}

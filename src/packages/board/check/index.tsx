import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { disclosureApi } from '../../../services/disclosure';
import { formatChinaTime } from '../../../services/china-time';

const yes = (ok: boolean, good: string, bad: string) => (ok ? `✓ ${good}` : `✗ ${bad}`);

/**
 * 校验: anyone can check that a published version is what the 监委会 approved. The server
 * recomputes the content's digest, compares it with the one recorded at approval and with
 * the audit record, and walks the village's whole hash chain.
 */
export default function CheckPage() {
  const { params } = useRouter();
  const ref = { villageId: params.villageId ?? '', quarter: params.quarter ?? '', itemId: decodeURIComponent(params.itemId ?? '') };
  const version = params.version ? Number(params.version) : undefined;
  const { data, error, loading, reload } = useRequest(`verify:${ref.villageId}:${ref.quarter}:${ref.itemId}:${version ?? ''}`, () =>
    disclosureApi.verify(ref, version),
  );

  return (
    <View className="page">
      <PageShell loading={loading} error={error} onRetry={reload}>
        {data && (
          <View>
            <View className="card" aria-label="校验结果">
              <Text style={{ display: 'block', fontSize: '22px', fontWeight: 600, color: data.holds ? '#237804' : '#a8071a' }}>
                {data.holds ? '✓ 校验通过：哈希链完整，内容与审核公开时一致' : '✗ 哈希链已断开：这一版的内容或记录被改动过'}
              </Text>
              <Text style={{ display: 'block', marginTop: '8px' }}>
                {data.title}（第 {data.version} 版，{formatChinaTime(data.approvedAt)} 审核公开）
              </Text>
            </View>
            <Cell.Group title="逐项检查">
              <Cell
                title={yes(data.contentIntact, '内容与审核时的数字指纹一致', '内容已被改动：与审核时的数字指纹不符')}
                description="按现在保存的内容重新计算数字指纹，与审核公开时记下的比对。"
              />
              <Cell
                title={yes(data.recordIntact, `审计链第 ${data.recordSeq ?? '—'} 条记录着这个数字指纹`, '审计链上的审核记录与这一版对不上')}
                description="每次审核公开都在本村的审计链上记下这一版的数字指纹。"
              />
              <Cell
                title={yes(data.chain.ok, `审计链各条记录环环相扣（共 ${data.chain.length} 条）`, `审计链在第 ${data.chain.brokenAt?.seq ?? '?'} 条断开`)}
                description={data.chain.ok ? '本村每一次操作的记录环环相扣，任何一条被改动都会被发现。' : `原因：${data.chain.brokenAt?.reason ?? ''}`}
              />
            </Cell.Group>
            <View className="card">
              <Text style={{ display: 'block', fontWeight: 600 }}>数字指纹（SHA-256）</Text>
              <Text style={{ display: 'block', wordBreak: 'break-all', fontFamily: 'monospace' }} aria-label="审核时的数字指纹">
                {data.digest}
              </Text>
              {!data.contentIntact && (
                <Text style={{ display: 'block', wordBreak: 'break-all', fontFamily: 'monospace', color: '#a8071a', marginTop: '8px' }}>
                  现在的内容算出：{data.recomputed}
                </Text>
              )}
            </View>
            <Button size="large" block onClick={reload}>
              重新校验
            </Button>
          </View>
        )}
      </PageShell>
    </View>
  );
}

import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { disclosureApi } from '../../../services/disclosure';
import { formatChinaTime } from '../../../services/china-time';
import { verifyExtends } from '../../../services/merkle';
import { villageApi } from '../../../services/village';
import { useElderMode } from '../../../services/elder';

const yes = (ok: boolean, good: string, bad: string) => (ok ? `✓ ${good}` : `✗ ${bad}`);
const grouped = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? hex;
/** The fingerprint's first hex digits, as the notice board prints them. */
const PRINTED_DIGITS = 16;

/**
 * 校验 at a head printed on the notice board (its code carries `H<token>`): whether the village's
 * history still extends what was printed. The server says, and this phone checks the proof itself.
 */
function HeadCheck({ token }: { token: string }) {
  const { data, error, loading, reload } = useRequest(`check-head:${token}`, () => villageApi.checkHead(token));
  const provedHere = !!data?.holds && !!data.current && !!data.proof && verifyExtends(data.size, data.current.size, data.root, data.current.root, data.proof);
  const holds = !!data?.holds && provedHere;
  return (
    <PageShell loading={loading} error={error} onRetry={reload}>
      {data && (
        <View>
          <View className="card" aria-label="核对结果" role={holds ? undefined : 'alert'}>
            <Text style={{ display: 'block', fontSize: '22px', fontWeight: 600, color: holds ? '#237804' : '#a8071a' }}>
              {holds
                ? `✓ ${data.villageName}截至第 ${data.size} 条的记录，和公开栏上印的一样，没有被改动过`
                : `✗ ${data.villageName}的记录和公开栏上印的对不上：第 ${data.size} 条之前的记录被改动过。已自动报告镇里。`}
            </Text>
          </View>
          <Cell.Group title="逐项检查">
            <Cell title="公开栏上印的指纹" description={grouped(data.root.slice(0, PRINTED_DIGITS))} />
            <Cell
              title={yes(holds, `现在的记录共 ${data.current?.size ?? '—'} 条，包含当时的全部记录`, '现在的记录不包含当时印出的那些记录')}
              description="这部手机用服务器给的证明重新算了一遍，没有只听服务器的。"
            />
          </Cell.Group>
          <Button size="large" block onClick={reload}>
            重新核对
          </Button>
        </View>
      )}
    </PageShell>
  );
}

/**
 * 校验: anyone can check that a published version is what the 监委会 approved. The server
 * recomputes the content's digest, compares it with the one recorded at approval and with
 * the audit record, and walks the village's whole hash chain.
 */
export default function CheckPage() {
  const { params } = useRouter();
  // Villagers arrive here from an item page or the notice board: 长辈模式 follows them.
  const [elder] = useElderMode();
  const scene = decodeURIComponent(params.scene ?? '');
  if (/^H[0-9a-f]{24}$/.test(scene)) {
    return (
      <View className={`page${elder ? ' elder' : ''}`}>
        <HeadCheck token={scene.slice(1)} />
      </View>
    );
  }
  return <ItemCheck elder={elder} />;
}

function ItemCheck({ elder }: { elder: boolean }) {
  const { params } = useRouter();
  const ref = { villageId: params.villageId ?? '', quarter: params.quarter ?? '', itemId: decodeURIComponent(params.itemId ?? '') };
  const version = params.version ? Number(params.version) : undefined;
  const { data, error, loading, reload } = useRequest(`verify:${ref.villageId}:${ref.quarter}:${ref.itemId}:${version ?? ''}`, () =>
    disclosureApi.verify(ref, version),
  );

  return (
    <View className={`page${elder ? ' elder' : ''}`}>
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
                description="数字指纹包括标题、正文、表格、金额、附件、更正原因、审核人和审核时间，每次审核公开都记在本村的审计链上。"
              />
              <Cell
                title={yes(data.attachmentsIntact, '附件文件与公开时一致', '附件文件被改动过或不见了')}
                description="把每个附件的文件重新算一遍指纹，与公开时记下的比对。"
              />
              <Cell
                title={yes(data.chain.ok, `审计链各条记录环环相扣（共 ${data.chain.length} 条）`, `审计链在第 ${data.chain.brokenAt?.seq ?? '?'} 条断开`)}
                description={data.chain.ok ? '本村每一次操作的记录环环相扣，任何一条被改动都会被发现。' : `原因：${data.chain.brokenAt?.reason ?? ''}`}
              />
            </Cell.Group>
            {data.problems.length > 0 && (
              <View className="warning-box" role="alert">
                {data.problems.join('；')}
              </View>
            )}
            {data.redactions.map((r) => (
              <View key={r.at} className="card" aria-label="删去个人信息的记录">
                <Text style={{ display: 'block', fontWeight: 600 }}>{formatChinaTime(r.at)} 删去了其中的个人信息</Text>
                <Text style={{ display: 'block' }}>
                  {r.by}：{r.reason}
                  {r.removedAttachments.length ? `（并删去附件：${r.removedAttachments.join('、')}）` : ''}
                </Text>
                <Text style={{ display: 'block', color: '#595959' }}>删去前后的数字指纹都记在审计链上，所以仍然可以校验。</Text>
              </View>
            ))}
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

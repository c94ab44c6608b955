import { Image } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { PosterView } from '../../../../types/village';
import HeadStamp from '../../../components/HeadStamp';
import PageShell from '../../../components/PageShell';
import PrintToolbar from '../../../components/PrintToolbar';
import { useRequest } from '../../../hooks/useRequest';
import { villageApi } from '../../../services/village';
import '../print/index.scss';
import './index.scss';

function Poster({ p }: { p: PosterView }) {
  return (
    <View className="poster" aria-label={`海报：${p.villageName}`}>
      <Text className="poster__title">{p.villageName}村务公开</Text>
      <Text className="poster__place">
        {p.county}
        {p.townshipName} · 阳光村务
      </Text>
      {p.imageUrl ? (
        <View className="poster__code" role="img" aria-label={`${p.villageName}的二维码，用微信扫一扫`}>
          <Image src={p.imageUrl} width="100%" height="100%" />
        </View>
      ) : (
        <Text className="poster__missing">本村的二维码已停用，请联系镇里重新发码。</Text>
      )}
      <Text className="poster__scan">用微信扫一扫，就能：</Text>
      <View className="poster__actions">
        {p.actions.map((a) => (
          <Text key={a} style={{ display: 'block' }}>
            · {a}
          </Text>
        ))}
      </View>
      <Text className="poster__contact">
        {p.supervisor ? `村务监督委员会主任：${p.supervisor.name}${p.hotline ? `，监督电话：${p.hotline}` : ''}` : '村务监督委员会主任：暂未登记'}
      </Text>
      {p.head && <HeadStamp head={p.head} />}
    </View>
  );
}

/**
 * 一村一码海报 for the notice board: one village (villageId), or every village of a township
 * (townshipId) to print in one go, a sheet each.
 */
export default function PosterPage() {
  const { params } = useRouter();
  const townshipId = params.townshipId ?? '';
  const villageId = params.villageId ?? '';
  const list = useRequest(`posters:${townshipId}:${villageId}`, async () =>
    townshipId ? (await villageApi.posters(townshipId)).posters : [await villageApi.poster(villageId)],
  );

  return (
    <View className="print-page">
      <PrintToolbar
        ready={!!list.data}
        label={`打印${list.data && list.data.length > 1 ? `全部 ${list.data.length} 张` : ''}`}
        pdf={() => (townshipId ? villageApi.postersPdf(townshipId) : villageApi.posterPdf(villageId))}
      />
      <PageShell loading={list.loading} error={list.error} onRetry={list.reload}>
        {list.data?.map((p) => (
          <Poster key={p.villageId} p={p} />
        ))}
      </PageShell>
    </View>
  );
}

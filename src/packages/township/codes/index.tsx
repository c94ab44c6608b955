import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import PageShell, { isDenied } from '../../../components/PageShell';
import PdfButton from '../../../components/PdfButton';
import { useRequest } from '../../../hooks/useRequest';
import { villageApi } from '../../../services/village';
import { posterUrl } from './helpers';
import VillageCodesCard from './VillageCodesCard';
import './index.scss';

/**
 * 一村一码 for the 镇管理员: when a poster is torn down or its photo misused, stop its code or
 * issue a new one (which stops every older one), then print the new poster.
 */
export default function TownshipCodesPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const villages = useRequest(townshipId ? `township-code-villages:${townshipId}` : null, () => villageApi.posters(townshipId));

  const missing = townshipId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个镇，请从“我的”页面进入。' };
  const error = missing ?? villages.error ?? null;
  const denied = !!error && isDenied(error);
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
          <VillageCodesCard key={v.villageId} villageId={v.villageId} villageName={v.villageName} />
        ))}
      </PageShell>
    </View>
  );
}

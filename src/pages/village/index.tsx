import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import InvalidCode from '../../components/InvalidCode';
import PageShell from '../../components/PageShell';
import VillageHome from '../../components/VillageHome';
import { useRequest } from '../../hooks/useRequest';
import { rememberVillage } from '../../services/memory';
import { ApiCallError } from '../../services/transport';
import { codeFromScene } from '../../services/scene';
import { villageApi } from '../../services/village';
import { useElderMode } from '../../services/elder';

/** Errors that mean "this code leads nowhere" rather than "try again". */
const INVALID_CODE_ERRORS = new Set(['INVALID_ARGUMENT', 'NOT_FOUND', 'FAILED_PRECONDITION']);

/** 一村一码: the page a village's QR code opens. */
export default function VillagePage() {
  const [elder] = useElderMode();
  const { params } = useRouter();
  const code = codeFromScene(params.scene);

  // One call on a cold scan: code → village → the reporting quarter's entries (village.home).
  // The key leaves 长辈模式 out, so switching it never reloads; the simple home lists no entries.
  const { data, error, loading, reload } = useRequest(`code:${code ?? ''}`, async () => {
    if (!code) throw new ApiCallError('INVALID_ARGUMENT', '没有读到二维码内容。');
    const home = await villageApi.home({ code }, !elder);
    rememberVillage(home.village.id);
    return home;
  });

  useEffect(() => {
    if (data) Taro.setNavigationBarTitle({ title: data.village.name });
  }, [data]);

  return (
    <View className={`page${elder ? ' elder' : ''}`}>
      <PageShell
        loading={loading}
        error={error}
        onRetry={reload}
        renderError={(e) => (e.code && INVALID_CODE_ERRORS.has(e.code) ? <InvalidCode code={code} /> : null)}
      >
        {data && <VillageHome village={data.village} disclosed={data.disclosed} />}
      </PageShell>
    </View>
  );
}

import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import PageShell from '../../../components/PageShell';
import PrintToolbar from '../../../components/PrintToolbar';
import { useRequest } from '../../../hooks/useRequest';
import { disclosureApi } from '../../../services/disclosure';
import { villageApi } from '../../../services/village';
import { loadBoard } from './board';
import Sheet from './Sheet';
import './index.scss';

/** 公开栏打印: one village's quarter on A4 paper, for the physical notice board. */
export default function BoardPrintPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const board = useRequest(`board:${villageId}:${params.quarter ?? ''}`, () => loadBoard(villageId, params.quarter));
  // The history's head is drawn apart (a code is made for each new head): the sheet does not wait
  // for it, but printing does, so the paper always carries it.
  const head = useRequest(`head-link:${villageId}`, () => villageApi.headLink(villageId));

  return (
    <View className="print-page">
      <PrintToolbar ready={!!board.data && !head.loading} pdf={() => disclosureApi.boardPdf(villageId, board.data?.view.quarter ?? '')} />
      <PageShell loading={board.loading} error={board.error} onRetry={board.reload}>
        {board.data && <Sheet board={board.data} head={head.data ?? null} />}
      </PageShell>
    </View>
  );
}

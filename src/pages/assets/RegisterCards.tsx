import { Image, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { AssetView, ResourceView } from '../../../types/assets';
import AskBox from '../../components/AskBox';
import TagLine from '../../components/TagLine';
import { dateText } from '../../services/china-time';
import { assetLabels, muText, resourceLabels } from '../../services/assets';
import { openAttachment } from '../../services/open-file';
import { Line, yuan } from './words';

type Pick = (id: string) => void;

function ContractLink({ id, onPick }: { id: string | null; onPick: Pick }) {
  if (!id) return null;
  return (
    <View className="village-assets__link" role="link" onClick={() => onPick(id)}>
      看它的合同 ›
    </View>
  );
}

/** One asset on the 资产台账: what, where, worth, in what state since when, who keeps it. */
export function AssetCard({ a, villageId, picked, onPick }: { a: AssetView; villageId: string; picked: boolean; onPick: Pick }) {
  const said = assetLabels(a);
  return (
    <View id={`va-${a.id}`} className={`card${picked ? ' village-assets__picked' : ''}`} aria-label={`资产：${a.name}`}>
      <TagLine type={a.state === 'idle' ? 'warning' : a.state === 'scrapped' ? 'default' : 'success'} tag={said.state}>
        <Text className="village-assets__name">{a.name}</Text>
      </TagLine>
      <Line label="类别" value={`${said.kind}（${said.use}）`} />
      <Line label="在哪里" value={a.location} />
      <Line label="原值" value={yuan(a.originalFen)} />
      <Line label="购建时间" value={dateText(a.acquiredOn)} />
      {a.state === 'idle' && <Line label="闲置起" value={dateText(a.stateSince)} strong="bad" />}
      <Line label="谁管着" value={a.keeper} />
      {a.note && <Text className="village-assets__item keep-lines">备注：{a.note}</Text>}
      {a.photos.length > 0 && (
        <View className="village-assets__thumbs">
          {a.photos.map((p, i) => (
            <View key={p.id} className="village-assets__thumb" role="img" aria-label={`${a.name}的照片 ${i + 1}`} onClick={() => openAttachment(p, a.photos)}>
              <Image src={p.url} mode="aspectFill" width="100%" height="100%" />
            </View>
          ))}
        </View>
      )}
      <ContractLink id={a.contractId} onPick={onPick} />
      <AskBox villageId={villageId} subject={{ type: 'asset', id: a.id }} button="问一问这项资产" placeholder="想问这项资产什么？" />
    </View>
  );
}

/** One piece of land or water on the 资源台账: kind, area, where, let out or not. */
export function LandCard({ r, villageId, picked, onPick }: { r: ResourceView; villageId: string; picked: boolean; onPick: Pick }) {
  const piece = r.landKind === 'water' ? '片水面' : '块地';
  const said = resourceLabels(r);
  return (
    <View id={`va-${r.id}`} className={`card${picked ? ' village-assets__picked' : ''}`} aria-label={`资源：${r.name}`}>
      <TagLine type={r.state === 'uncontracted' ? 'warning' : 'success'} tag={said.state}>
        <Text className="village-assets__name">{r.name}</Text>
        <Tag type="default">{said.landKind}</Tag>
      </TagLine>
      <Line label="面积" value={muText(r.areaMu100)} />
      <Line label="在哪里" value={r.location} />
      {r.note && <Text className="village-assets__item keep-lines">备注：{r.note}</Text>}
      <ContractLink id={r.contractId} onPick={onPick} />
      <AskBox villageId={villageId} subject={{ type: 'asset', id: r.id }} button={`问一问这${piece}`} placeholder={`想问这${piece}什么？`} />
    </View>
  );
}

import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { type ReactNode, useState } from 'react';
import type { AssetView, ResourceView } from '../../../../types/assets';
import TagLine from '../../../components/TagLine';
import { assetLabels, muText, resourceLabels } from '../../../services/assets';
import { formatFen } from '../../../services/money';
import AssetFormCard from './AssetFormCard';
import ContractFormCard from './ContractFormCard';
import ResourceFormCard from './ResourceFormCard';

/** What the 会计 may do from a register's card; each opens its form under the card. */
export interface RegisterTools {
  villageId: string;
  canEdit: boolean;
  canContract: boolean;
  /** The record's contract still runs: a new one waits for 续签 or 解除 there. */
  letOut: boolean;
  onChanged: () => void;
}

type Mode = 'edit' | 'contract' | null;

/** The card, its buttons, and the form opened from it. */
function Item({
  label,
  head,
  lines,
  tools,
  form,
}: {
  label: string;
  head: ReactNode;
  lines: string[];
  tools: RegisterTools & { contractLabel: string };
  form: (mode: Exclude<Mode, null>, close: () => void, saved: () => void) => ReactNode;
}) {
  const [mode, setMode] = useState<Mode>(null);
  const saved = () => {
    setMode(null);
    tools.onChanged();
  };
  return (
    <>
      <View className="card" aria-label={label}>
        {head}
        {lines.map((l) => (
          <Text key={l} className="cadre-assets__line">
            {l}
          </Text>
        ))}
        {!mode && (tools.canEdit || (tools.canContract && !tools.letOut)) && (
          <View className="cadre-assets__tools">
            {tools.canEdit && (
              <Button size="normal" onClick={() => setMode('edit')}>
                修改
              </Button>
            )}
            {tools.canContract && !tools.letOut && (
              <Button size="normal" type="primary" onClick={() => setMode('contract')}>
                {tools.contractLabel}
              </Button>
            )}
          </View>
        )}
      </View>
      {mode && form(mode, () => setMode(null), saved)}
    </>
  );
}

export function AssetCard({ asset: a, tools }: { asset: AssetView; tools: RegisterTools }) {
  const subject = { type: 'asset' as const, id: a.id, name: a.name };
  const said = assetLabels(a);
  return (
    <Item
      label={`资产：${a.name}`}
      head={
        <TagLine type={a.state === 'idle' ? 'warning' : a.state === 'leased' ? 'success' : 'default'} tag={said.state}>
          <Text className="cadre-assets__name">{a.name}</Text>
        </TagLine>
      }
      lines={[
        `${said.use} · ${said.kind}${a.location ? ` · ${a.location}` : ''}`,
        `原值 ${formatFen(a.originalFen)} 元，${a.acquiredOn} 购置；${said.state}自 ${a.stateSince}`,
        ...(a.keeper ? [`保管人：${a.keeper}`] : []),
        ...(a.note ? [`备注：${a.note}`] : []),
      ]}
      // A scrapped asset is not let out.
      tools={{ ...tools, canContract: tools.canContract && a.state !== 'scrapped', contractLabel: '出租（登记合同）' }}
      form={(mode, close, saved) =>
        mode === 'edit' ? (
          <AssetFormCard villageId={tools.villageId} asset={a} onSaved={saved} onCancel={close} />
        ) : (
          <ContractFormCard villageId={tools.villageId} subject={subject} onSaved={saved} onCancel={close} />
        )
      }
    />
  );
}

export function ResourceCard({ resource: r, tools }: { resource: ResourceView; tools: RegisterTools }) {
  const subject = { type: 'resource' as const, id: r.id, name: r.name };
  const said = resourceLabels(r);
  return (
    <Item
      label={`资源：${r.name}`}
      head={
        <TagLine type={r.state === 'contracted' ? 'success' : 'default'} tag={said.state}>
          <Text className="cadre-assets__name">{r.name}</Text>
        </TagLine>
      }
      lines={[`${said.landKind} ${muText(r.areaMu100)}${r.location ? ` · ${r.location}` : ''}`, ...(r.note ? [`备注：${r.note}`] : [])]}
      tools={{ ...tools, contractLabel: '发包（登记合同）' }}
      form={(mode, close, saved) =>
        mode === 'edit' ? (
          <ResourceFormCard villageId={tools.villageId} resource={r} onSaved={saved} onCancel={close} />
        ) : (
          <ContractFormCard villageId={tools.villageId} subject={subject} onSaved={saved} onCancel={close} />
        )
      }
    />
  );
}

import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { RosterImportMode } from '../../../../types/roster';
import { MODES } from './helpers';

/** 补充与更新 removes nobody; 全量替换 removes whoever the file leaves out. Each says so under its button. */
export default function ModeChooser({ mode, onChoose }: { mode: RosterImportMode; onChoose: (mode: RosterImportMode) => void }) {
  return (
    <View className="roster-import__modes" aria-label="导入方式">
      {MODES.map((m) => (
        <View key={m.value} className="roster-import__mode">
          <Button size="large" block type={mode === m.value ? 'primary' : 'default'} aria-pressed={mode === m.value} onClick={() => onChoose(m.value)}>
            {mode === m.value ? `✓ ${m.label}` : m.label}
          </Button>
          <Text className="roster-import__mode-note">{m.note}</Text>
        </View>
      ))}
    </View>
  );
}

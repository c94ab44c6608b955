import { Picker, Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  /** Visible label, also the field's accessible name. */
  label: string;
  /** YYYY-MM-DD, or '' before one is chosen. */
  value: string;
  onChange: (value: string) => void;
  /** Earliest and latest day offered (YYYY-MM-DD). */
  start?: string;
  end?: string;
  required?: boolean;
  /** What the tap target says before a day is chosen (mini-program). */
  prompt?: string;
}

/**
 * A day chosen on the phone's own calendar rather than typed: "2026-10-8", "10月8日" and
 * "2026.10.08" were all typed into the old text box and only one of them was a date. The range
 * keeps the choice inside what the form accepts (a ledger row's month, a vote's future).
 */
export function DateField({ label, value, onChange, start, end, required, prompt = '点这里选日期' }: Props) {
  const title = (
    <Text className="date-field__label">
      {label}
      {required && <RequiredMark />}
    </Text>
  );
  if (process.env.TARO_ENV === 'h5') {
    return (
      <label className="date-field">
        {title}
        {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: HTML-AAM gives <input type="date"> no role, but ARIA in HTML allows aria-required on it; a native `required` would bring the browser's own validation bubble */}
        <input
          className="date-field__native"
          type="date"
          aria-label={label}
          aria-required={required || undefined}
          min={start}
          max={end}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      </label>
    );
  }
  return (
    <View className="date-field">
      {title}
      <Picker mode="date" value={value || start || ''} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View className="date-field__picker" aria-label={label}>
          {value || prompt} ›
        </View>
      </Picker>
    </View>
  );
}

/** The red star beside a label, read out as 必填. */
export function RequiredMark() {
  return (
    <Text className="required-mark" aria-label="必填">
      *
    </Text>
  );
}

// A choice among the provider's indirect resellers, with a first option for "none" or "all".
// Resellers are named by tenant ID or, where the API wants it (reseller of record), MPN ID.
import { Select } from '@fluentui/react-components';

import type { Reseller } from '../api/partner';

interface Props {
  resellers: Reseller[];
  value: string;
  onChange: (value: string) => void;
  /** The text of the empty choice (a message, already translated). */
  emptyLabel: string;
  by?: 'id' | 'mpnId';
  name?: string;
  disabled?: boolean;
}

export function ResellerSelect({ resellers, value, onChange, emptyLabel, by = 'id', name, disabled }: Props) {
  return (
    <Select name={name} value={value} disabled={disabled} onChange={(_, d) => onChange(d.value)}>
      <option value="">{emptyLabel}</option>
      {resellers.map((r) => (
        <option key={r.id} value={r[by]}>
          {r.name}
        </option>
      ))}
    </Select>
  );
}

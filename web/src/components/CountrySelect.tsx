// A country, named in the user's language (Intl.DisplayNames), among those the portal offers.
import { Select } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';

export const COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'RU', 'TW', 'JP', 'AU'];

interface Props {
  value: string;
  onChange: (value: string) => void;
  name?: string;
  disabled?: boolean;
}

export function CountrySelect({ value, onChange, name, disabled }: Props) {
  const intl = useIntl();
  const names = useMemo(() => new Intl.DisplayNames([intl.locale], { type: 'region' }), [intl.locale]);
  return (
    <Select name={name} value={value} disabled={disabled} onChange={(_, d) => onChange(d.value)}>
      {COUNTRIES.map((c) => (
        <option key={c} value={c}>
          {names.of(c)}
        </option>
      ))}
    </Select>
  );
}

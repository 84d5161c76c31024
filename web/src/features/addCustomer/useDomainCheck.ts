// The live domain check: asks the API whether the prefix is taken, 400 ms after the user stops
// typing, and only for a prefix that passes the local rules.
import { useEffect, useState } from 'react';

import { domainStatus } from './api';

export type DomainState = 'idle' | 'checking' | 'taken' | 'free';

export function useDomainCheck(prefix: string, valid: boolean): DomainState {
  const [state, setState] = useState<DomainState>('idle');
  useEffect(() => {
    if (!prefix || !valid) {
      setState('idle');
      return;
    }
    let current = true;
    setState('checking');
    const timer = setTimeout(() => {
      domainStatus(prefix).then((s) => current && setState(s ?? 'idle'));
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [prefix, valid]);
  return state;
}

// The signed-in partner's own facts, which several pages need: its programs (GET
// /v1/profiles/mpn without mpnId) and, for an indirect provider, its resellers.
import { getJson, type Collection } from './client';

export interface Profile {
  partnerName: string;
  mpnId: string;
  programs: string[];
}

export interface Reseller {
  id: string;
  name: string;
  mpnId: string;
}

export function ownProfile(): Promise<Profile> {
  return getJson('/v1/profiles/mpn');
}

export const isProvider = (p: Profile | null) => p !== null && p.programs.includes('indirect_provider');
/** Only direct-bill partners and indirect providers create customers and place orders. */
export const sellsDirectly = (p: Profile | null) =>
  p !== null && p.programs.some((program) => program === 'indirect_provider' || program === 'direct_bill');

export async function listResellers(): Promise<Reseller[]> {
  const page = await getJson<Collection<Reseller>>(
    '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf',
  );
  return page.items;
}

// Which partnership pages the signed-in partner's programs call for (GET /v1/profiles/mpn, read
// with /v1/me by the session): Indirect resellers for providers, Indirect providers for resellers.
import type { Me } from '../../session/session';

export const isIndirectProvider = (me: Me): boolean => me.programs?.includes('indirect_provider') ?? false;
export const isIndirectReseller = (me: Me): boolean => me.programs?.includes('indirect_reseller') ?? false;

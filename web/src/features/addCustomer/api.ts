// The calls behind Add customer (docs/api.md: customers, agreements, offers, orders). Each write
// carries an MS-RequestId, so that a retry after a lost answer is replayed, not repeated.
import { ApiError, getJson, send, type Collection } from '../../api/client';
import type { Line } from './model';

export interface Offer {
  id: string;
  name: string;
  minimumQuantity: number;
  maximumQuantity: number;
  isAvailableForPurchase: boolean;
  isTrial: boolean;
  billing: string;
  termDurations: string[];
}

export interface CreatedCustomer {
  id: string;
  companyProfile: { domain: string };
  userCredentials: { userName: string; password: string };
}

/** 'taken', 'free', or null when the answer was neither (left to the server at Submit). */
export async function domainStatus(prefix: string): Promise<'taken' | 'free' | null> {
  try {
    await send(`/v1/domains/${encodeURIComponent(prefix)}`, { method: 'HEAD' });
    return 'taken';
  } catch (e) {
    return e instanceof ApiError && e.status === 404 ? 'free' : null;
  }
}

export async function listOffers(country: string): Promise<Offer[]> {
  const page = await getJson<Collection<Offer>>(`/v1/offers?country=${encodeURIComponent(country)}`);
  return page.items.filter((o) => o.isAvailableForPurchase && o.billing === 'license' && !o.isTrial);
}

const requestId = () => ({ 'MS-RequestId': crypto.randomUUID() });

export async function createCustomer(body: object): Promise<CreatedCustomer> {
  return (await send('/v1/customers', { method: 'POST', body, headers: requestId() })).json();
}

/** The partner attests the customer's acceptance of the MCA, which orders require. */
export async function confirmAgreement(
  customerId: string,
  contact: { firstName: string; lastName: string; email: string },
): Promise<void> {
  await send(`/v1/customers/${customerId}/agreements`, {
    method: 'POST',
    headers: requestId(),
    body: {
      primaryContact: contact,
      dateAgreed: new Date().toISOString().slice(0, 10),
      type: 'MicrosoftCustomerAgreement',
    },
  });
}

export async function placeOrder(customerId: string, lines: Line[]): Promise<void> {
  await send(`/v1/customers/${customerId}/orders`, {
    method: 'POST',
    headers: requestId(),
    body: {
      lineItems: lines.map((l) => ({
        offerId: l.offerId,
        quantity: l.quantity,
        ...(l.resellerMpnId ? { partnerIdOnRecord: l.resellerMpnId } : {}),
      })),
    },
  });
}

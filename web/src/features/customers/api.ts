// The customer calls the Customers page makes (docs/api.md, "Customers").
import { getJson, send, type Collection } from '../../api/client';
import type { Locale } from '../../i18n/locales';

/**
 * What the portal reads of a customer: a list item of GET /v1/customers (Partner Center's list
 * shape, no billing profile) or GET /v1/customers/{id}. The billing profile is read on its own
 * (profiles/billing, with its ETag).
 */
export interface Customer {
  id: string;
  companyProfile: { tenantId: string; domain: string; companyName: string };
  relationshipToPartner: string;
  associatedPartnerId?: string;
}

export type SearchField = 'CompanyName' | 'Domain';

/** One page of the list: the first for `filter`, or the one after `continuation`. */
export interface PageQuery {
  size: number;
  search?: { field: SearchField; value: string };
  resellerId?: string;
  continuation?: string;
}

export function listCustomers(q: PageQuery): Promise<Collection<Customer>> {
  if (q.continuation) {
    // The token carries the filter and the page size.
    return getJson('/v1/customers?seekOperation=Next', { 'MS-ContinuationToken': q.continuation });
  }
  const params = new URLSearchParams({ size: String(q.size) });
  const filter = q.resellerId
    ? { Field: 'IndirectReseller', Value: q.resellerId, Operator: 'starts_with' }
    : q.search?.value
      ? { Field: q.search.field, Value: q.search.value, Operator: 'starts_with' }
      : undefined;
  if (filter) params.set('filter', JSON.stringify(filter));
  return getJson(`/v1/customers?${params}`);
}

/** The CSV of every customer, as a file the browser saves. */
export async function exportCustomers(): Promise<Blob> {
  return (await send('/v1/customers/export')).blob();
}

export interface RelationshipRequest {
  url: string;
  email: { locale: string; subject: string; body: string };
}

const EMAIL_LOCALES: Record<Locale, string> = { en: 'en-US', ru: 'ru-RU', 'zh-TW': 'zh-TW' };

export function requestRelationship(delegatedAdmin: boolean, locale: Locale): Promise<RelationshipRequest> {
  const params = new URLSearchParams({
    delegatedAdmin: String(delegatedAdmin),
    locale: EMAIL_LOCALES[locale],
  });
  return getJson(`/v1/customers/relationshiprequests?${params}`);
}

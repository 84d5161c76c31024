// The activity log (docs/api.md, "Activity log"): GET /v1/auditrecords for a date range (the API
// reaches 90 days back) and at most one filter, newest first; the next page with the
// continuation token, which carries the range and the filter.
import { getJson, type Collection } from '../../api/client';

export interface AuditRecord {
  id: string;
  partnerId: string;
  customerId: string;
  customerName: string;
  userPrincipalName: string;
  applicationId: string;
  resourceType: string;
  resourceOldValue: string;
  resourceNewValue: string;
  operationType: string;
  originalCorrelationId: string;
  operationDate: string;
  operationStatus: string;
  customizedData: { key: string; value: string }[];
}

/** The filters the API takes: CustomerId equals, ResourceType equals, CompanyName substring. */
export type FilterField = 'CompanyName' | 'CustomerId' | 'ResourceType';

export interface LogQuery {
  start: Date;
  end: Date;
  size: number;
  filter?: { field: FilterField; value: string };
}

/** The resource types the server records (src/domain: AppendAudit's resource_type). */
export const RESOURCE_TYPES = [
  'customer',
  'customer_billing_profile',
  'customer_user',
  'license',
  'agreement',
  'order',
  'subscription',
  'transfer',
  'self_serve_policy',
  'partner_relationship',
  'partner_customer_relationship',
  'partner_customer_dap',
  'partner_user',
  'app_registration',
  'partner',
];

/** How far back the API reads (AuditService: startDate within the last 90 days). */
export const MAX_DAYS_BACK = 90;

export function listRecords(q: LogQuery): Promise<Collection<AuditRecord>> {
  const params = new URLSearchParams({
    startDate: q.start.toISOString(),
    endDate: q.end.toISOString(),
    size: String(q.size),
  });
  if (q.filter?.value) {
    const operator = q.filter.field === 'CompanyName' ? 'substring' : 'equals';
    params.set('filter', JSON.stringify({ Field: q.filter.field, Value: q.filter.value, Operator: operator }));
  }
  return getJson(`/v1/auditrecords?${params}`);
}

export function nextRecords(continuation: string): Promise<Collection<AuditRecord>> {
  return getJson('/v1/auditrecords?seekOperation=Next', { 'MS-ContinuationToken': continuation });
}

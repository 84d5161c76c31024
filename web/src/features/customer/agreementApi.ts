// The customer's acceptance of the Microsoft Customer Agreement (docs/api.md, "Customer
// agreements and customer permissions"): the attestations every related partner made, and a new
// one — which orders need (403 code 13605 without any).
import { getJson, send, type Collection } from '../../api/client';

export const MCA = 'MicrosoftCustomerAgreement';

export interface AgreementContact {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string;
}

export interface Agreement {
  userId: string;
  primaryContact: AgreementContact;
  dateAgreed: string;
  templateId: string;
  type: string;
  agreementLink: string;
}

const path = (customerId: string) => `/v1/customers/${encodeURIComponent(customerId)}/agreements`;

export async function listAgreements(customerId: string): Promise<Agreement[]> {
  const page = await getJson<Collection<Agreement>>(`${path(customerId)}?agreementType=${MCA}`);
  return page.items;
}

export async function confirmAgreement(
  customerId: string,
  contact: AgreementContact,
  dateAgreed: string,
): Promise<Agreement> {
  const res = await send(path(customerId), {
    method: 'POST',
    headers: { 'MS-RequestId': crypto.randomUUID() },
    body: { primaryContact: contact, dateAgreed, type: MCA },
  });
  return res.json();
}

/** YYYY-MM-DD of a date in local time. */
const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The latest date the customer can have agreed on: today, as the user's calendar says, but not
 * after today in UTC — the server's clock ("not in the future") — whichever is earlier.
 */
export function today(now = new Date()): string {
  const local = localDay(now);
  const utc = now.toISOString().slice(0, 10);
  return local < utc ? local : utc;
}

export type AgreementField = 'firstName' | 'lastName' | 'email' | 'phoneNumber' | 'dateAgreed';

export interface AgreementForm {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string;
  dateAgreed: string;
}

/** Field → catalog key of what is wrong with it (the server's rules, agreement_service.cpp). */
export function checkAgreement(f: AgreementForm, latest: string): Partial<Record<AgreementField, string>> {
  const problems: Partial<Record<AgreementField, string>> = {};
  for (const field of ['firstName', 'lastName', 'email', 'dateAgreed'] as const) {
    if (!f[field].trim()) problems[field] = 'customer.agreement.error.required';
  }
  if (f.email.trim() && !/^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(f.email.trim())) {
    problems.email = 'customer.agreement.error.email';
  }
  if (f.phoneNumber.trim().length > 25 || /[^+0-9 ().-]/.test(f.phoneNumber)) {
    problems.phoneNumber = 'customer.agreement.error.phone';
  }
  if (f.dateAgreed && !/^\d{4}-\d{2}-\d{2}$/.test(f.dateAgreed)) {
    problems.dateAgreed = 'customer.agreement.error.date';
  } else if (f.dateAgreed > latest) {
    problems.dateAgreed = 'customer.agreement.error.future';
  }
  return problems;
}

/** The form field a server refusal names ("The field 'primaryContact.email' …"), if any. */
export function agreementFieldOf(description: string): AgreementField | undefined {
  const path = /field '([^']+)'/.exec(description)?.[1] ?? '';
  const last = path.split('.').pop() ?? '';
  return (['firstName', 'lastName', 'email', 'phoneNumber', 'dateAgreed'] as string[]).includes(last)
    ? (last as AgreementField)
    : undefined;
}

/** A catalog key for the server refusals the portal can word in the user's language. */
export function knownRefusal(description: string): string | undefined {
  if (/not one of your own domain/.test(description)) return 'customer.agreement.error.ownDomain';
  if (/microsoft\.com/.test(description)) return 'customer.agreement.error.microsoft';
  if (/in the future/.test(description)) return 'customer.agreement.error.future';
  return undefined;
}

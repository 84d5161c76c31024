// What the Add customer wizard collects, its checks as the user types (the server's rules,
// src/domain/customer/customer_validation.cpp, so that most mistakes show before Submit), and
// the request bodies it becomes.
export interface Account {
  companyName: string;
  domain: string; // the prefix: "contoso" for contoso.onmicrosoft.com
  firstName: string;
  lastName: string;
  email: string;
  country: string;
  addressLine1: string;
  city: string;
  state: string;
  postalCode: string;
  phoneNumber: string;
  /** Providers: the indirect reseller the customer is created for (its tenant ID), or ''. */
  resellerId: string;
}

export type AccountField = keyof Account;

export const emptyAccount = (country: string): Account => ({
  companyName: '',
  domain: '',
  firstName: '',
  lastName: '',
  email: '',
  country,
  addressLine1: '',
  city: '',
  state: '',
  postalCode: '',
  phoneNumber: '',
  resellerId: '',
});

export interface Line {
  offerId: string;
  quantity: number;
  /** Providers: the MPN ID of the reseller of record, or ''. */
  resellerMpnId: string;
}

const REQUIRED: AccountField[] = [
  'companyName',
  'domain',
  'firstName',
  'lastName',
  'email',
  'addressLine1',
  'city',
  'postalCode',
];

/** Field → catalog key of what is wrong with it. */
export type Problems = Partial<Record<AccountField, string>>;

export function checkAccount(a: Account): Problems {
  const problems: Problems = {};
  for (const field of REQUIRED) {
    if (!a[field].trim()) problems[field] = 'addCustomer.error.required';
  }
  const domain = a.domain.trim().toLowerCase();
  if (domain && !/^[a-z0-9]([a-z0-9-]{0,25}[a-z0-9])?$/.test(domain)) {
    problems.domain = 'addCustomer.error.domain';
  }
  if (a.email.trim() && !/^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(a.email.trim())) {
    problems.email = 'addCustomer.error.email';
  }
  if (a.state.trim().length > 2) problems.state = 'addCustomer.error.state';
  if (a.phoneNumber && /[^+0-9 ().-]/.test(a.phoneNumber)) problems.phoneNumber = 'addCustomer.error.phone';
  return problems;
}

/** The account field a server error names ("The field 'billingProfile.email' …"), if any. */
export function fieldOfServerError(description: string): AccountField | undefined {
  const path = /field '([^']+)'/.exec(description)?.[1] ?? '';
  const last = path.split('.').pop() ?? '';
  if (path === 'associatedPartnerId') return 'resellerId';
  return (last in emptyAccount('') ? last : undefined) as AccountField | undefined;
}

export function customerBody(a: Account, language: string) {
  const culture = `${language}-${a.country}`;
  return {
    companyProfile: { domain: a.domain.trim().toLowerCase() },
    billingProfile: {
      firstName: a.firstName.trim(),
      lastName: a.lastName.trim(),
      email: a.email.trim(),
      culture,
      language,
      companyName: a.companyName.trim(),
      defaultAddress: {
        country: a.country,
        city: a.city.trim(),
        state: a.state.trim(),
        addressLine1: a.addressLine1.trim(),
        postalCode: a.postalCode.trim(),
        phoneNumber: a.phoneNumber.trim(),
      },
    },
    ...(a.resellerId ? { associatedPartnerId: a.resellerId } : {}),
  };
}

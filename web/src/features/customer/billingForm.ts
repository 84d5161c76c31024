// The billing profile as the wizard's account form edits it, and back: the same fields, the
// same checks as the user types (addCustomer/model.ts).
import type { Account } from '../addCustomer/model';
import type { BillingProfile } from './api';

export function toAccount(p: BillingProfile, domain: string): Account {
  const a = p.defaultAddress;
  return {
    companyName: p.companyName,
    domain: domain.split('.')[0],
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    country: a.country,
    addressLine1: a.addressLine1,
    city: a.city,
    state: a.state ?? '',
    postalCode: a.postalCode,
    phoneNumber: a.phoneNumber ?? '',
    resellerId: '',
  };
}

export function toBillingProfile(a: Account, original: BillingProfile): BillingProfile {
  return {
    ...original,
    companyName: a.companyName.trim(),
    firstName: a.firstName.trim(),
    lastName: a.lastName.trim(),
    email: a.email.trim(),
    defaultAddress: {
      ...original.defaultAddress,
      addressLine1: a.addressLine1.trim(),
      city: a.city.trim(),
      state: a.state.trim(),
      postalCode: a.postalCode.trim(),
      phoneNumber: a.phoneNumber.trim(),
    },
  };
}

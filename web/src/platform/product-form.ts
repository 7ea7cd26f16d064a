import type { PlatformProductFragment, ProductCreateInput, ProductLanguage, ProductState } from '../gql/graphql';

/** The product dialog's fields, as typed. */
export interface ProductForm {
  name: string;
  description: string;
  price: string;
  currency: string;
  expiringDays: string;
  trialDays: string;
  language: ProductLanguage;
  state: ProductState;
}

export const emptyProductForm: ProductForm = { name: '', description: '', price: '', currency: 'CNY', expiringDays: '30', trialDays: '0', language: 'ZH_CN', state: 'ON_SALE' };

export function formOf(p: PlatformProductFragment): ProductForm {
  return { name: p.name, description: p.description, price: p.price, currency: p.currency, expiringDays: String(p.expiringDays), trialDays: String(p.trialDays), language: p.language, state: p.state };
}

/** Which fields are not usable as typed (the server checks again and has the last word). */
export function productFormErrors(f: ProductForm): Partial<Record<keyof ProductForm, true>> {
  const errors: Partial<Record<keyof ProductForm, true>> = {};
  if (!f.name.trim()) errors.name = true;
  if (!/^\d+(\.\d{1,2})?$/.test(f.price.trim())) errors.price = true;
  if (!/^[A-Za-z]{3}$/.test(f.currency.trim())) errors.currency = true;
  if (!/^\d+$/.test(f.expiringDays.trim()) || Number(f.expiringDays) < 1) errors.expiringDays = true;
  if (!/^\d+$/.test(f.trialDays.trim())) errors.trialDays = true;
  return errors;
}

/** The form as the API's product input: trimmed text, whole-number days, an upper-case currency code. */
export function productInput(f: ProductForm): ProductCreateInput {
  return {
    name: f.name.trim(),
    description: f.description.trim(),
    price: f.price.trim(),
    currency: f.currency.trim().toUpperCase(),
    expiringDays: Number(f.expiringDays),
    trialDays: Number(f.trialDays),
    language: f.language,
    state: f.state,
  };
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { PlatformProductFragment, ProductLanguage, ProductState } from '../gql/graphql';
import { Button } from '../core/ui/button';
import { Dialog } from '../core/ui/dialog';
import { useErrorText } from '../core/ui/error-text';
import { Field, Select, TextArea } from '../core/ui/field';
import { useToast } from '../core/ui/toast';
import { CreateProductMutation, UpdateProductMutation } from './platform.operations';
import { emptyProductForm, formOf, productFormErrors, productInput, type ProductForm } from './product-form';

const LANGUAGES = ['ZH_CN', 'EN'] as const satisfies readonly ProductLanguage[];
const STATES = ['ON_SALE', 'OFF_SALE', 'DRAFT'] as const satisfies readonly ProductState[];

/** Creates a product, or edits `product`; closes when saved. */
export function ProductDialog({ open, product, onClose }: { open: boolean; product: PlatformProductFragment | null; onClose(): void }) {
  const { t } = useTranslation('platform');
  return (
    <Dialog open={open} title={product ? t('editProduct', { name: product.name }) : t('newProduct')} onClose={onClose}>
      <ProductFormFields key={product?.id ?? 'new'} product={product} onSaved={onClose} />
    </Dialog>
  );
}

function ProductFormFields({ product, onSaved }: { product: PlatformProductFragment | null; onSaved(): void }) {
  const { t } = useTranslation('platform');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const toast = useToast();
  const [form, setForm] = useState<ProductForm>(product ? formOf(product) : emptyProductForm);
  const [tried, setTried] = useState(false);
  const [createRes, create] = useMutation(CreateProductMutation);
  const [updateRes, update] = useMutation(UpdateProductMutation);
  const errors = tried ? productFormErrors(form) : {};
  const set = (key: keyof ProductForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const busy = createRes.fetching || updateRes.fetching;
  const error = createRes.error ?? updateRes.error;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(productFormErrors(form)).length) return;
    const input = productInput(form);
    const r = product ? await update({ id: product.id, input }) : await create({ input });
    if (!r.error) {
      toast(t('productSaved', { name: input.name }));
      onSaved();
    }
  };
  const invalid = (key: keyof ProductForm) => (errors[key] ? t(key) : null);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field label={t('name')} value={form.name} onChange={set('name')} error={invalid('name')} required />
      <TextArea label={t('description')} value={form.description} onChange={set('description')} rows={2} />
      <Field label={t('price')} value={form.price} onChange={set('price')} inputMode="decimal" hint={t('priceHint')} error={invalid('price')} required />
      <Field label={t('currency')} value={form.currency} onChange={set('currency')} maxLength={3} error={invalid('currency')} />
      <Field label={t('expiringDays')} value={form.expiringDays} onChange={set('expiringDays')} inputMode="numeric" error={invalid('expiringDays')} />
      <Field label={t('trialDays')} value={form.trialDays} onChange={set('trialDays')} inputMode="numeric" error={invalid('trialDays')} />
      <Select label={t('language')} value={form.language} onChange={set('language')} options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
      <Select label={t('state')} value={form.state} onChange={set('state')} options={STATES.map((s) => ({ value: s, label: t(`productStates.${s}`) }))} />
      {error && <p role="alert">{errorText(error)}</p>}
      <Button type="submit" variant="primary" disabled={busy}>
        {tc('save')}
      </Button>
    </form>
  );
}

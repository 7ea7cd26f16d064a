import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../core/ui/button';
import { Field, Select, TextArea } from '../core/ui/field';
import type { AdminStaffFieldsFragment, LanguageResponse, OutputLength, StaffUpdateInput, Tone } from '../gql/graphql';
import { Checkbox } from './checkbox';

const TONES: Tone[] = ['FRIENDLY_AND_SINCERE', 'PROFESSIONAL_AND_CAUTIOUS', 'CLEAR_AND_DIRECT'];
const LENGTHS: OutputLength[] = ['CONCISE', 'NORMAL_LENGTH', 'DETAILED'];
const LANGUAGES: LanguageResponse[] = ['CHINESE', 'ENGLISH'];

export type PersonaInput = StaffUpdateInput & { name: string; orgName: string };

/** The persona: who the staff is and how it answers. */
export function StaffForm({ staff, busy, onSubmit }: { staff?: AdminStaffFieldsFragment; busy: boolean; onSubmit(input: PersonaInput): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [name, setName] = useState(staff?.name ?? '');
  const [orgName, setOrgName] = useState(staff?.orgName ?? '');
  const [description, setDescription] = useState(staff?.description ?? '');
  const [greetings, setGreetings] = useState(staff?.greetings ?? '');
  const [tone, setTone] = useState<Tone>(staff?.tone ?? 'FRIENDLY_AND_SINCERE');
  const [outputLength, setOutputLength] = useState<OutputLength>(staff?.outputLength ?? 'NORMAL_LENGTH');
  const [languageResponse, setLanguageResponse] = useState<LanguageResponse>(staff?.languageResponse ?? 'CHINESE');
  const [humanFirst, setHumanFirst] = useState(staff?.humanFirst ?? false);
  const [phrases, setPhrases] = useState((staff?.handoffPhrases ?? []).join('\n'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const handoffPhrases = phrases.split('\n').map((p) => p.trim()).filter(Boolean);
    onSubmit({ name: name.trim(), orgName: orgName.trim(), description, greetings, tone, outputLength, languageResponse, humanFirst, handoffPhrases });
  };
  return (
    <form className="admin-form" aria-label={t('persona.form')} onSubmit={submit}>
      <Field label={t('staff.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} />
      <Field label={t('staff.orgName')} value={orgName} onChange={(e) => setOrgName(e.target.value)} required maxLength={64} />
      <TextArea label={t('persona.description')} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
      <TextArea label={t('persona.greetings')} value={greetings} onChange={(e) => setGreetings(e.target.value)} rows={2} />
      <Select label={t('persona.tone')} value={tone} onChange={(e) => setTone(e.target.value as Tone)} options={TONES.map((v) => ({ value: v, label: t(`persona.tones.${v}`) }))} />
      <Select
        label={t('persona.outputLength')}
        value={outputLength}
        onChange={(e) => setOutputLength(e.target.value as OutputLength)}
        options={LENGTHS.map((v) => ({ value: v, label: t(`persona.lengths.${v}`) }))}
      />
      <Select
        label={t('persona.languageResponse')}
        value={languageResponse}
        onChange={(e) => setLanguageResponse(e.target.value as LanguageResponse)}
        options={LANGUAGES.map((v) => ({ value: v, label: t(`persona.languages.${v}`) }))}
      />
      <TextArea label={t('persona.handoffPhrases')} hint={t('persona.handoffPhrasesHint')} value={phrases} onChange={(e) => setPhrases(e.target.value)} rows={2} />
      <Checkbox label={t('persona.humanFirst')} checked={humanFirst} onChange={(e) => setHumanFirst(e.target.checked)} />
      <Button variant="primary" type="submit" disabled={busy}>
        {staff ? tc('save') : t('staff.create')}
      </Button>
    </form>
  );
}

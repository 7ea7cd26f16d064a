import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Field } from '../core/ui/field';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Page } from '../core/ui/page';
import { useToast } from '../core/ui/toast';
import type { AdminStaffFieldsFragment, BusinessHoursInput } from '../gql/graphql';
import { AdminCreateStaff, AdminStaff, AdminUpdateStaff } from './admin-operations';
import { BusinessHoursEditor } from './business-hours-editor';
import { CopyButton } from './copy-button';
import { launcherSnippet } from './launcher-snippet';
import { StaffForm, type PersonaInput } from './staff-form';
import { TryOutPane } from './try-out-pane';

/** A new staff: the persona form; saving opens the staff's page. */
export function StaffCreatePage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useErrorText();
  const [{ fetching }, create] = useMutation(AdminCreateStaff);
  const submit = async (input: PersonaInput) => {
    const r = await create({ input });
    if (!r.data) return toast(errorText(r.error) ?? '', 'error');
    toast(t('staff.created', { name: r.data.createStaff.name }));
    navigate(`/admin/staff/${r.data.createStaff.id}`);
  };
  return (
    <Page title={t('staff.create')}>
      <StaffForm busy={fetching} onSubmit={(input) => void submit(input)} />
    </Page>
  );
}

/** One staff: persona beside a live try-out chat, its addresses, and business hours. */
export function StaffEditPage() {
  const { t } = useTranslation('admin');
  const id = Number(useParams().staffId);
  const [{ data, fetching, error }] = useQuery({ query: AdminStaff, variables: { id } });
  const staff = data?.staff;
  return (
    <Page
      title={staff ? t('staff.editTitle', { name: staff.name }) : t('staff.title')}
      actions={
        staff && (
          <Link className="btn" to={`/admin/knowledge?staff=${id}`}>
            {t('staff.knowledge')}
          </Link>
        )
      }
    >
      <QueryState fetching={fetching && !staff} error={error} />
      {staff && <StaffDetails key={staff.id} staff={staff} />}
    </Page>
  );
}

function StaffDetails({ staff }: { staff: AdminStaffFieldsFragment }) {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const errorText = useErrorText();
  const [{ fetching }, update] = useMutation(AdminUpdateStaff);
  const save = async (input: PersonaInput | { businessHours: BusinessHoursInput | null }, ok: string) => {
    const r = await update({ id: staff.id, input });
    toast(r.error ? (errorText(r.error) ?? '') : ok, r.error ? 'error' : 'info');
  };
  const snippet = launcherSnippet(staff.chatUrl, staff.serialNo);
  return (
    <>
      <div className="admin-split">
        <section className="admin-panel" aria-labelledby="persona-title">
          <h2 id="persona-title">{t('persona.title')}</h2>
          <StaffForm staff={staff} busy={fetching} onSubmit={(input) => void save(input, t('persona.saved'))} />
        </section>
        <TryOutPane staffId={staff.id} />
      </div>
      <section className="admin-panel" aria-labelledby="share-title">
        <h2 id="share-title">{t('share.title')}</h2>
        <Field label={t('share.chatUrl')} value={staff.chatUrl} readOnly />
        <CopyButton text={staff.chatUrl} label={t('share.copyChatUrl')} />
        <Field label={t('share.snippet')} hint={t('share.snippetHint')} value={snippet} readOnly />
        <CopyButton text={snippet} label={t('share.copySnippet')} />
      </section>
      <BusinessHoursEditor hours={staff.businessHours} busy={fetching} onSave={(businessHours) => void save({ businessHours }, t('hours.saved'))} />
    </>
  );
}

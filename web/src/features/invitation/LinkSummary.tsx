// What the link itself says, for someone the API cannot tell more (a visitor not signed in, a
// customer user who is not the Global admin): the link names its partners by ID only.
import { Text, makeStyles, tokens } from '@fluentui/react-components';

import { PHONE } from '../../components/layout';
import { useT } from '../../i18n/LanguageProvider';
import type { Invitation } from './api';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    [PHONE]: { gridTemplateColumns: '1fr' },
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, wordBreak: 'break-all' },
});

export function LinkSummary({ invitation }: { invitation: Invitation }) {
  const styles = useStyles();
  const t = useT();
  const joint = invitation.invType === 'IndirectResellerRelationship';
  const rows: [string, string][] = [
    [t('invitation.link.kind'), t(joint ? 'invitation.link.kind.joint' : 'invitation.link.kind.reseller')],
    [t(joint ? 'invitation.link.reseller' : 'invitation.link.partner'), invitation.partnerId],
  ];
  if (invitation.msppId !== '0') rows.push([t('invitation.link.mpnId'), invitation.msppId]);
  if (joint) rows.push([t('invitation.link.provider'), invitation.indirectCSPId]);
  rows.push([
    t('invitation.link.adminRights'),
    t(invitation.DAP ? 'invitation.link.adminRights.yes' : 'invitation.link.adminRights.no'),
  ]);
  return (
    <>
      <dl className={styles.list}>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <Text as="p">{t('invitation.link.namesLater')}</Text>
    </>
  );
}

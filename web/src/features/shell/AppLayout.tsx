// The signed-in frame: header (product, language, user, sign out), the menu the user's roles
// allow, and the page. At phone width the menu becomes a row under the header.
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { NavLink, Outlet } from 'react-router';

import { NAVIGATION } from '../../app/navigation';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { PHONE } from '../../components/layout';
import { useT } from '../../i18n/LanguageProvider';
import { useMe, useSession } from '../../session/SessionProvider';
import { LanguageSwitch } from './LanguageSwitch';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'grid', gridTemplateRows: 'auto 1fr' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  product: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase500,
    marginRight: 'auto',
    alignSelf: 'center',
  },
  user: { alignSelf: 'center', wordBreak: 'break-all' },
  headerField: { '& label': { color: tokens.colorNeutralForegroundOnBrand } },
  body: { display: 'grid', gridTemplateColumns: '220px 1fr', [PHONE]: { gridTemplateColumns: '1fr' } },
  nav: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalM,
    [PHONE]: { borderRight: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  navList: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    [PHONE]: { flexDirection: 'row', flexWrap: 'wrap' },
  },
  link: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  main: { padding: tokens.spacingHorizontalL, minWidth: 0 },
});

export function AppLayout() {
  const styles = useStyles();
  const t = useT();
  const me = useMe();
  const { signOut } = useSession();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text className={styles.product}>{t('shell.product')}</Text>
        <div className={styles.headerField}>
          <LanguageSwitch userId={me.id} />
        </div>
        <Text className={styles.user}>
          <VisuallyHidden>{t('shell.signedInAs')} </VisuallyHidden>
          {me.userPrincipalName}
        </Text>
        <Button onClick={() => void signOut()}>{t('shell.signOut')}</Button>
      </header>
      <div className={styles.body}>
        <nav className={styles.nav} aria-label={t('shell.nav.label')}>
          <ul className={styles.navList}>
            {NAVIGATION.filter((item) => item.visible(me)).map((item) => (
              <li key={item.path}>
                <NavLink
                  to={item.path}
                  className={({ isActive }) => mergeClasses(styles.link, isActive && styles.active)}
                >
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main className={styles.main} id="main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}

// A user's licenses: the products the customer bought (with units available, assigned and in
// total) as checkboxes — check to assign, clear to remove, one update each — and the licenses the
// user holds. The API's refusal (none left, no usage location) shows under that product. A role
// that may not assign licenses sees them with the boxes disabled and the reason.
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';

import { ErrorBar } from '../../components/ErrorBar';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import {
  listSubscribedSkus,
  listUserLicenses,
  updateLicenses,
  type CustomerUser,
  type License,
  type SubscribedSku,
} from './usersApi';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  products: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: 'none',
  },
  product: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  units: { paddingLeft: tokens.spacingHorizontalXXL },
  held: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

interface Props {
  customerId: string;
  user: CustomerUser;
  onClose: () => void;
}

export function LicensesDialog({ customerId, user, onClose }: Props) {
  const styles = useStyles();
  const t = useT();
  const me = useMe();
  const mayChange = can(me, 'manageLicenses');
  const [skus, setSkus] = useState<SubscribedSku[] | null>(null);
  const [held, setHeld] = useState<License[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, unknown>>({});

  const load = useCallback(
    () =>
      Promise.all([listSubscribedSkus(customerId), listUserLicenses(customerId, user.id)])
        .then(([s, l]) => {
          setSkus(s);
          setHeld(l);
        })
        .catch(setLoadError),
    [customerId, user.id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const holds = (skuId: string) => held?.some((l) => l.productSku.id === skuId) ?? false;

  const toggle = async (skuId: string, assign: boolean) => {
    setBusy(skuId);
    setErrors((e) => ({ ...e, [skuId]: null }));
    try {
      await updateLicenses(customerId, user.id, assign ? { assign: [skuId] } : { remove: [skuId] });
      await load();
    } catch (e) {
      setErrors((all) => ({ ...all, [skuId]: e }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('customer.licenses.title', { name: user.displayName })}</DialogTitle>
          <DialogContent className={styles.content}>
            {loadError ? (
              <ErrorBar error={loadError} />
            ) : !skus || !held ? (
              <Spinner label={t('shell.loading')} />
            ) : (
              <>
                {skus.length === 0 ? (
                  <Text>{t('customer.licenses.noProducts')}</Text>
                ) : (
                  <fieldset className={styles.products} aria-label={t('customer.licenses.products')}>
                    {skus.map((sku, i) => (
                      <div key={sku.productSku.id} className={styles.product}>
                        <Checkbox
                          label={sku.productSku.name}
                          checked={holds(sku.productSku.id)}
                          disabled={!mayChange || busy !== null}
                          aria-describedby={`units-${i}`}
                          onChange={(_, d) => void toggle(sku.productSku.id, d.checked === true)}
                        />
                        <Text id={`units-${i}`} size={200} className={styles.units}>
                          {t('customer.licenses.units', {
                            available: sku.availableUnits,
                            assigned: sku.consumedUnits,
                            total: sku.totalUnits,
                          })}
                        </Text>
                        <ErrorBar error={errors[sku.productSku.id]} />
                      </div>
                    ))}
                  </fieldset>
                )}
                {!mayChange && <Text>{t('customer.licenses.readOnly')}</Text>}
                <Subtitle2 as="h3">{t('customer.licenses.held')}</Subtitle2>
                {held.length === 0 ? (
                  <Text>{t('customer.licenses.none')}</Text>
                ) : (
                  <ul className={styles.held} aria-label={t('customer.licenses.held')}>
                    {held.map((l) => (
                      <li key={l.productSku.id}>{l.productSku.name}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('customer.licenses.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

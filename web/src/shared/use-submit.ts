import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translatedFieldErrors } from './field-message.ts';

/**
 * Runs a form's save and keeps what the server said: the field errors to show beside each field (by the field's
 * path under body.), and the error itself for the general message.
 */
export function useSubmit<T>(save: () => Promise<T>, onDone: (result: T) => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      onDone(await save());
    } catch (e) {
      setError(e);
      setErrors(translatedFieldErrors(e, t));
    } finally {
      setBusy(false);
    }
  };
  // Field errors show beside their fields; anything else is the form's general message.
  const generalError = Object.keys(errors).length === 0 ? error : null;
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  return { busy, error, errors, generalError, submit, handleSubmit };
}

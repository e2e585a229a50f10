import { useState } from 'react';
import { api } from '../api/client.ts';

/** Deletes by URL, then refreshes; a refusal is kept to be shown above the list. */
export function useDelete(refresh: () => unknown) {
  const [error, setError] = useState<unknown>(null);
  const remove = async (url: string) => {
    setError(null);
    try {
      await api.delete(url);
      void refresh();
    } catch (e) {
      setError(e);
    }
  };
  return { error, remove };
}

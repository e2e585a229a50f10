import type { Dispatch, SetStateAction } from 'react';

/**
 * Props for a text field of a form kept as one object of strings: its value, its change, and the server's
 * error for it. The error key defaults to the field's name (the server names it body.<name>).
 */
export function bindText<V extends Record<string, unknown>>(
  values: V,
  setValues: Dispatch<SetStateAction<V>>,
  errors: Record<string, string>,
  label: (name: string) => string,
) {
  return (name: keyof V & string, options: { required?: boolean; errorKey?: string } = {}) => ({
    label: label(name),
    required: options.required,
    value: String(values[name] ?? ''),
    error: errors[options.errorKey ?? name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
  });
}

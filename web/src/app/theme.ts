import { createTheme } from '@mantine/core';

// Dense, like the back-office tools the ADV lives in all day: small controls, tight tables.
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontSizes: { md: '0.9rem' },
  components: {
    Table: { defaultProps: { verticalSpacing: 4, horizontalSpacing: 'xs', fz: 'sm' } },
    TextInput: { defaultProps: { size: 'xs' } },
    NumberInput: { defaultProps: { size: 'xs' } },
    Select: { defaultProps: { size: 'xs' } },
    Textarea: { defaultProps: { size: 'xs' } },
    PasswordInput: { defaultProps: { size: 'xs' } },
    Button: { defaultProps: { size: 'xs' } },
  },
});

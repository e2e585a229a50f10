/** A text shown to the assistant in French (the working language) and English (the UI switch). */
export type Bilingual = { fr: string; en: string };

export type CompanyTable = {
  id: number;
  name: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
  siret: string | null;
  vatNumber: string | null;
  gln: string | null;
  phone: string | null;
  email: string | null;
  legalNotice: string | null;
};

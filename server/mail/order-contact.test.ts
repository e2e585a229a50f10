import { describe, expect, it } from 'vitest';
import { chooseOrderRecipient } from './order-contact.ts';

const contact = (name: string, role: string | null, email: string | null) => ({ name, role, email });

describe('chooseOrderRecipient', () => {
  it('takes the contact whose role says orders, whatever the case and accents, before the account’s email', () => {
    const contacts = [
      contact('Cellule litiges', 'Service pénalités / litiges', 'litiges@cap.example'),
      contact('Sophie Garnier', 'Approvisionneur épicerie', 'appro@cap.example'),
    ];
    expect(chooseOrderRecipient({ email: 'accueil@cap.example' }, contacts)).toEqual({
      email: 'appro@cap.example',
      name: 'Sophie Garnier',
      reason: 'order-contact',
    });
    for (const role of ['Service COMMANDES', 'Acheteur / appro', 'Orders desk', 'Gestionnaire des commandes']) {
      expect(chooseOrderRecipient({ email: null }, [contact('X', role, 'x@cap.example')])?.reason).toBe('order-contact');
    }
  });

  it('of two order contacts, the first one (as the desk entered them)', () => {
    const contacts = [
      contact('Sophie', 'Approvisionneur épicerie', 'epicerie@cap.example'),
      contact('Karim', 'Approvisionneur surgelés', 'surgeles@cap.example'),
    ];
    expect(chooseOrderRecipient({ email: null }, contacts)?.email).toBe('epicerie@cap.example');
  });

  it('skips an order contact without a usable email, then falls back to the account’s email, then the first contact with one', () => {
    const noMail = contact('Yann', 'Approvisionneur', null);
    const boss = contact('Marie Martin', "Chef d'entreprise", ' marie@martin.example ');
    expect(chooseOrderRecipient({ email: 'contact@martin.example' }, [noMail, boss])).toEqual({
      email: 'contact@martin.example',
      name: null,
      reason: 'customer-email',
    });
    expect(chooseOrderRecipient({ email: 'not an address' }, [noMail, boss])).toEqual({
      email: 'marie@martin.example',
      name: 'Marie Martin',
      reason: 'first-contact',
    });
    expect(chooseOrderRecipient({ email: null }, [noMail, contact('Z', 'Commandes', '')])).toBeNull();
  });
});

import type { Bilingual } from '../shared/bilingual.ts';
import { TYPOLOGIES, type Typology } from '../customers/customer-enums.ts';

/** The call screens that show a script: the risk call, the complaint, the satisfaction interview. */
export const CALL_SCRIPT_SCREENS = ['risk', 'complaint', 'satisfaction'] as const;
export type CallScriptScreen = (typeof CALL_SCRIPT_SCREENS)[number];

/** The four moves of a call, in the order she makes them. */
export const CALL_SCRIPT_PARTS = ['opening', 'questions', 'calming', 'closing'] as const;
export type CallScriptPart = (typeof CALL_SCRIPT_PARTS)[number];

/** One script's text, a part per move; a part holds one sentence per line. */
export type CallScriptText = Record<CallScriptPart, string>;

const both = (fr: string, en: string): Bilingual => ({ fr, en });
type Parts = Record<CallScriptPart, Bilingual>;

/**
 * How each kind of customer is spoken to: the artisan baker is the owner, busy at dawn, and speaks of his oven and
 * his flour; the chain's buyer speaks of service rates, the EDI order and penalties; the industrial buyer of
 * specifications, lots and his production plan; the wholesaler of his own customers' rounds and of full pallets;
 * the food-service chef of tomorrow's menu. Each screen's script is the typology's voice on that call's subject.
 */
const RISK: Record<Typology, Parts> = {
  GMS_CENTRALE: {
    opening: both(
      "Bonjour, ici l'ADV des Moulins Delaunay. Je vous appelle avant la livraison, au sujet de votre commande EDI.",
      'Hello, this is the Moulins Delaunay order desk. I am calling ahead of the delivery about your EDI order.',
    ),
    questions: both(
      'Quelle quantité vous faut-il au minimum pour tenir le taux de service de vos magasins ?\nPouvez-vous recevoir en deux fois, ou un produit de substitution référencé ?',
      'What is the least quantity your stores need to keep their service rate?\nCan you take two deliveries, or a listed substitute product?',
    ),
    calming: both(
      'Je comprends l’enjeu pour vos linéaires. Je vous envoie la réponse à commande corrigée dans l’heure, pour que vos magasins soient prévenus.',
      'I understand what is at stake for your shelves. I will send the corrected order response within the hour so your stores are told.',
    ),
    closing: both(
      'Je récapitule la solution retenue et je vous confirme par la réponse EDI. Merci de votre réactivité.',
      'Let me sum up the chosen solution; I will confirm it in the EDI response. Thank you for answering so quickly.',
    ),
  },
  GROSSISTE: {
    opening: both(
      'Bonjour, ici l’ADV des Moulins Delaunay, je vous appelle pour votre commande avant son départ.',
      'Hello, this is the Moulins Delaunay order desk, calling about your order before it leaves.',
    ),
    questions: both(
      'Quelles tournées de vos clients dépendent de cette livraison ?\nPréférez-vous une palette complète plus tard ou une livraison partielle tout de suite ?',
      'Which of your customers’ rounds depend on this delivery?\nWould you rather have a full pallet later or a part delivery now?',
    ),
    calming: both(
      'Je vous propose la solution qui protège vos propres clients d’abord ; je vous confirme les dates par écrit.',
      'I will offer the option that protects your own customers first, and confirm the dates in writing.',
    ),
    closing: both(
      'Je note votre choix et je vous envoie l’accusé corrigé. Bonne journée.',
      'I note your choice and send you the corrected acknowledgement. Have a good day.',
    ),
  },
  ARTISAN: {
    opening: both(
      'Bonjour, ici les Moulins Delaunay. Je vous appelle tout de suite pour votre farine, avant la tournée.',
      'Hello, this is Moulins Delaunay. I am calling straight away about your flour, before the round.',
    ),
    questions: both(
      'Combien de sacs vous faut-il pour tenir jusqu’à la prochaine livraison ?\nUne autre farine de la même famille vous dépannerait-elle ?',
      'How many sacks do you need to last until the next delivery?\nWould another flour of the same kind tide you over?',
    ),
    calming: both(
      'Je sais que votre fournil ne peut pas attendre : on trouve une solution ensemble maintenant.',
      'I know your bakehouse cannot wait: let us find a solution together now.',
    ),
    closing: both(
      'C’est noté, le chauffeur passe comme convenu. Merci et bonne fournée.',
      'That is noted; the driver comes as agreed. Thank you, and good baking.',
    ),
  },
  INDUSTRIE: {
    opening: both(
      'Bonjour, ici l’ADV des Moulins Delaunay, au sujet de votre commande et de votre plan de production.',
      'Hello, this is the Moulins Delaunay order desk, about your order and your production plan.',
    ),
    questions: both(
      'Quelle quantité est indispensable à votre prochaine production ?\nUn lot différent ou une substitution est-il accepté par votre cahier des charges ?',
      'What quantity does your next production run need at the least?\nDoes your specification allow another lot or a substitute?',
    ),
    calming: both(
      'Je vous transmets les certificats du lot proposé et je reste votre interlocutrice jusqu’à la livraison.',
      'I will send you the certificates of the proposed lot and stay your contact until the delivery.',
    ),
    closing: both(
      'Je confirme par écrit la quantité, le lot et la date. Merci.',
      'I will confirm the quantity, lot and date in writing. Thank you.',
    ),
  },
  RHD: {
    opening: both(
      'Bonjour, ici les Moulins Delaunay, je vous appelle pour votre livraison de demain.',
      'Hello, this is Moulins Delaunay, calling about tomorrow’s delivery.',
    ),
    questions: both(
      'De quoi avez-vous besoin pour votre service ?\nUn produit équivalent vous convient-il pour ce service-là ?',
      'What do you need for your service?\nWould an equivalent product do for that service?',
    ),
    calming: both(
      'Je comprends, votre carte ne peut pas attendre : je vous garantis l’essentiel pour le service.',
      'I understand your menu cannot wait: I will make sure you have what the service needs.',
    ),
    closing: both('C’est noté, je vous confirme par e-mail. Bon service.', 'Noted, I will confirm by email. Have a good service.'),
  },
};

const COMPLAINT: Record<Typology, Parts> = {
  GMS_CENTRALE: {
    opening: both(
      'Bonjour, ici l’ADV des Moulins Delaunay. J’ai bien reçu votre réclamation et je la prends en charge.',
      'Hello, this is the Moulins Delaunay order desk. I have your complaint and I am handling it.',
    ),
    questions: both(
      'Quels magasins et quelle livraison sont concernés ?\nDes réserves ont-elles été portées sur le bon de livraison ?\nAvez-vous des photos ?',
      'Which stores and which delivery are concerned?\nWere reserves written on the delivery note?\nDo you have photos?',
    ),
    calming: both(
      'Je comprends l’impact sur vos magasins. Je vous donne le délai de réponse prévu aux CGV et je m’y tiens.',
      'I understand the impact on your stores. I give you the answer time the terms of sale set, and I will keep to it.',
    ),
    closing: both(
      'Je récapitule ce qui est constaté et la suite : avoir, remplacement ou reprise. Vous recevez la réponse écrite.',
      'Let me sum up what was found and what comes next: credit note, replacement or return. You will get the written answer.',
    ),
  },
  GROSSISTE: {
    opening: both(
      'Bonjour, ici l’ADV des Moulins Delaunay, je vous rappelle pour votre réclamation.',
      'Hello, this is the Moulins Delaunay order desk, calling back about your complaint.',
    ),
    questions: both(
      'Quelles palettes et quels lots sont touchés ?\nVos propres clients ont-ils été livrés avec ces produits ?',
      'Which pallets and lots are affected?\nWere your own customers delivered with these goods?',
    ),
    calming: both(
      'Je comprends, vous devez répondre à vos clients : je vous donne de quoi le faire dès aujourd’hui.',
      'I understand you must answer your own customers: I will give you what you need today.',
    ),
    closing: both(
      'Je note la solution et je vous l’envoie par écrit. Merci de nous l’avoir signalé.',
      'I note the solution and send it to you in writing. Thank you for telling us.',
    ),
  },
  ARTISAN: {
    opening: both(
      'Bonjour, ici les Moulins Delaunay. Je suis désolée pour ce souci, racontez-moi.',
      'Hello, this is Moulins Delaunay. I am sorry about the trouble; tell me what happened.',
    ),
    questions: both(
      'Combien de sacs sont abîmés ?\nPouvez-vous encore travailler avec ce que vous avez ?\nPouvez-vous m’envoyer une photo ?',
      'How many sacks are damaged?\nCan you still work with what you have?\nCan you send me a photo?',
    ),
    calming: both(
      'Je comprends, c’est embêtant en pleine fournée.\nSi je résume bien : … Est-ce bien ça ?\nOn ne laisse pas votre fournil sans farine.',
      'I understand, that is a nuisance in the middle of a bake.\nLet me sum it up: … Is that right?\nWe will not leave your bakehouse without flour.',
    ),
    closing: both(
      'Je vous remplace les sacs à la prochaine tournée. Merci de votre patience.',
      'I will replace the sacks on the next round. Thank you for your patience.',
    ),
  },
  INDUSTRIE: {
    opening: both(
      'Bonjour, ici l’ADV des Moulins Delaunay, au sujet de votre non-conformité.',
      'Hello, this is the Moulins Delaunay order desk, about your non-conformity report.',
    ),
    questions: both(
      'Quel lot, quelle date de fabrication, quel écart au cahier des charges ?\nLe lot est-il bloqué chez vous ?',
      'Which lot, which production date, what departs from the specification?\nIs the lot on hold at your site?',
    ),
    calming: both(
      'Notre qualité analyse le lot ; je vous donne un délai de retour précis et je vous tiens informé.',
      'Our quality team analyses the lot; I give you a precise time for our answer and keep you informed.',
    ),
    closing: both(
      'Je vous confirme par écrit l’analyse et la solution. Merci.',
      'I will confirm the analysis and the solution in writing. Thank you.',
    ),
  },
  RHD: {
    opening: both(
      'Bonjour, ici les Moulins Delaunay, je vous appelle pour votre réclamation.',
      'Hello, this is Moulins Delaunay, calling about your complaint.',
    ),
    questions: both(
      'Qu’avez-vous reçu, et qu’est-ce qui manque pour votre service ?\nAvez-vous une photo ?',
      'What did you receive, and what is missing for your service?\nDo you have a photo?',
    ),
    calming: both(
      'Je comprends, votre service passe en premier : je vous propose tout de suite une solution.',
      'I understand your service comes first: I will offer you a solution right now.',
    ),
    closing: both('C’est noté, je vous confirme par e-mail. Bon service.', 'Noted, I will confirm by email. Have a good service.'),
  },
};

const SATISFACTION: Record<Typology, Parts> = {
  GMS_CENTRALE: {
    opening: both(
      'Bonjour, ici l’ADV des Moulins Delaunay. Auriez-vous dix minutes pour notre point trimestriel de satisfaction ?',
      'Hello, this is the Moulins Delaunay order desk. Would you have ten minutes for our quarterly satisfaction review?',
    ),
    questions: both(
      'Sur 10 : ponctualité des livraisons, qualité, réponse de l’ADV, facilité de commande (EDI), note globale.\nQu’attendez-vous de nous pour le prochain trimestre ?',
      'Out of 10: delivery punctuality, quality, how the desk answers, ease of ordering (EDI), overall.\nWhat do you expect from us next quarter?',
    ),
    calming: both(
      'Merci de le dire franchement. Je transmets à mon responsable, qui vous rappellera.',
      'Thank you for saying so plainly. I will pass it to my manager, who will call you back.',
    ),
    closing: both(
      'Merci pour ces retours ; nous en reparlons au prochain point trimestriel.',
      'Thank you for the feedback; we will talk again at the next quarterly review.',
    ),
  },
  GROSSISTE: {
    opening: both(
      'Bonjour, ici l’ADV des Moulins Delaunay. Avez-vous quelques minutes pour nous dire comment se passe notre service ?',
      'Hello, this is the Moulins Delaunay order desk. Do you have a few minutes to tell us how our service is going?',
    ),
    questions: both(
      'Sur 10 : ponctualité, qualité, réponse de l’ADV, facilité de commande, note globale.\nVos clients vous remontent-ils quelque chose sur nos produits ?',
      'Out of 10: punctuality, quality, how the desk answers, ease of ordering, overall.\nDo your customers say anything about our products?',
    ),
    calming: both('Je note précisément et je transmets à mon responsable.', 'I note it precisely and pass it to my manager.'),
    closing: both('Merci, à la prochaine commande.', 'Thank you; speak at the next order.'),
  },
  ARTISAN: {
    opening: both(
      'Bonjour, ici les Moulins Delaunay. Vous avez deux minutes ? On fait notre petit point de l’année sur nos farines et nos livraisons.',
      'Hello, this is Moulins Delaunay. Do you have two minutes? It is our yearly chat about our flours and deliveries.',
    ),
    questions: both(
      'Sur 10 : le chauffeur passe-t-il à l’heure ? La farine vous donne-t-elle satisfaction au fournil ? On vous répond bien au téléphone ? Commander, c’est simple ? Et au global ?',
      'Out of 10: does the driver come on time? Is the flour right in your bakehouse? Do we answer you well on the phone? Is ordering easy? And overall?',
    ),
    calming: both(
      'Merci de me le dire. Je le transmets à mon responsable, qui vous rappelle cette semaine.',
      'Thank you for telling me. I will pass it to my manager, who will call you back this week.',
    ),
    closing: both('Merci beaucoup, et bonne fournée !', 'Thank you very much, and good baking!'),
  },
  INDUSTRIE: {
    opening: both(
      'Bonjour, ici l’ADV des Moulins Delaunay, pour notre revue semestrielle de satisfaction.',
      'Hello, this is the Moulins Delaunay order desk, for our half-yearly satisfaction review.',
    ),
    questions: both(
      'Sur 10 : respect des dates, conformité au cahier des charges, réactivité de l’ADV, facilité de commande, note globale.\nDes points à inscrire à votre prochain audit fournisseur ?',
      'Out of 10: dates kept, conformity to the specification, desk responsiveness, ease of ordering, overall.\nAnything for your next supplier audit?',
    ),
    calming: both(
      'Je consigne l’écart et mon responsable revient vers vous avec un plan d’action.',
      'I record the gap and my manager will come back to you with an action plan.',
    ),
    closing: both('Merci, je vous adresse le compte rendu par écrit.', 'Thank you; I will send you the minutes in writing.'),
  },
  RHD: {
    opening: both(
      'Bonjour, ici les Moulins Delaunay. Deux minutes pour nous dire comment se passent nos livraisons ?',
      'Hello, this is Moulins Delaunay. Two minutes to tell us how our deliveries are going?',
    ),
    questions: both(
      'Sur 10 : ponctualité, qualité, réponse de l’ADV, facilité de commande, note globale.',
      'Out of 10: punctuality, quality, how the desk answers, ease of ordering, overall.',
    ),
    calming: both('Merci de le dire, mon responsable vous rappelle.', 'Thank you for saying so; my manager will call you back.'),
    closing: both('Merci et bon service !', 'Thank you, and have a good service!'),
  },
};

const DEFAULTS: Record<CallScriptScreen, Record<Typology, Parts>> = { risk: RISK, complaint: COMPLAINT, satisfaction: SATISFACTION };

/** The script Carnet ships for a typology on a screen, in the language asked. */
export function defaultCallScript(typology: Typology, screen: CallScriptScreen, lang: keyof Bilingual): CallScriptText {
  const parts = DEFAULTS[screen][typology];
  return { opening: parts.opening[lang], questions: parts.questions[lang], calming: parts.calming[lang], closing: parts.closing[lang] };
}

/** A script as the screens read it: every part in both languages, and who rewrote it if a manager did. */
export type CallScript = {
  typology: Typology;
  screen: CallScriptScreen;
  text: Record<keyof Bilingual, CallScriptText>;
  edited: { by: number | null; byName: string | null; at: string } | null;
};

/**
 * Every typology × screen, the manager's text where he wrote one, else the default. A manager writes in the desk's
 * language and his words are shown as he wrote them whatever the UI's language: a script is what she says on the
 * phone to a French customer, not an interface label to translate.
 */
export function callScripts(
  saved: readonly ({
    typology: string;
    screen: string;
    updatedBy: number | null;
    updatedByName: string | null;
    updatedAt: string;
  } & CallScriptText)[],
): CallScript[] {
  return TYPOLOGIES.flatMap((typology) =>
    CALL_SCRIPT_SCREENS.map((screen): CallScript => {
      const row = saved.find((s) => s.typology === typology && s.screen === screen);
      if (!row)
        return {
          typology,
          screen,
          text: { fr: defaultCallScript(typology, screen, 'fr'), en: defaultCallScript(typology, screen, 'en') },
          edited: null,
        };
      const text = { opening: row.opening, questions: row.questions, calming: row.calming, closing: row.closing };
      return {
        typology,
        screen,
        text: { fr: text, en: text },
        edited: { by: row.updatedBy, byName: row.updatedByName, at: row.updatedAt },
      };
    }),
  );
}

/** The audit's entity id of a script: its place in the typology × screen grid (the table's key is the pair). */
export function callScriptAuditId(typology: Typology, screen: CallScriptScreen): number {
  return TYPOLOGIES.indexOf(typology) * CALL_SCRIPT_SCREENS.length + CALL_SCRIPT_SCREENS.indexOf(screen) + 1;
}

/** A part's sentences, one per non-blank line: how the screens lay a part out. */
export function scriptLines(part: string): string[] {
  return part
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

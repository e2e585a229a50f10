import { type Metric, type MetricKind, SHARE_METRICS } from './metric-keys.ts';

export type MetricDefinition = { kind: MetricKind; fr: { label: string; help: string }; en: { label: string; help: string } };

/**
 * The one written definition of every figure, in French and English: the screens show `help` on hover, the weekly
 * report and docs/reports.md quote it. Its implementation is core/reports/figures.ts (figuresOf and the verdicts).
 *
 * Common ground. A delivered order counts in the period of its delivery report (Paris date); a backorder (the rest
 * of a short order, created by the delivery) does not count again: its shortfall already counts against the order
 * it came from. A line counts when the delivery report settled it (delivered, carried to a backorder, or cut
 * short); a line the customer cancelled before delivery does not. Complaints, penalty notices, calls and interviews
 * count in the period they were received, made or held in; a risk in the period it was resolved in. Rates are
 * fractions; none when nothing was counted. Order taking (confirmed on time, touchless, channel) is judged on the
 * same delivered orders, so that it sits beside their service figures.
 */
export const DEFINITIONS: Record<Metric, MetricDefinition> = {
  orders: d(
    'count',
    ['Commandes livrées', 'Commandes dont la livraison a été déclarée dans la période (hors reliquats).'],
    ['Orders delivered', 'Orders whose delivery was reported in the period (backorders excluded).'],
  ),
  lines: d(
    'count',
    ['Lignes livrées', 'Lignes des commandes livrées, réglées par la déclaration de livraison.'],
    ['Lines delivered', 'Lines of the delivered orders settled by the delivery report.'],
  ),
  linesComplete: d(
    'count',
    ['Lignes complètes', 'Lignes dont toute la quantité commandée a été reçue.'],
    ['Complete lines', 'Lines whose whole ordered quantity was received.'],
  ),
  serviceRate: d(
    'rate',
    ['Taux de service', 'Lignes livrées complètes ÷ lignes livrées, ligne par ligne comme à la réception du client.'],
    ['Service rate', 'Lines delivered complete ÷ lines delivered, judged line by line as the customer does at receipt.'],
  ),
  quantityOrdered: d(
    'count',
    ['Quantité commandée', 'Unités de vente commandées sur les lignes livrées.'],
    ['Quantity ordered', 'Sale units ordered on the delivered lines.'],
  ),
  quantityDelivered: d(
    'count',
    ['Quantité livrée', 'Unités de vente reçues, au plus la quantité commandée.'],
    ['Quantity delivered', 'Sale units received, at most the quantity ordered.'],
  ),
  fillRate: d(
    'rate',
    ['Taux de remplissage', 'Quantité livrée ÷ quantité commandée, en unités de vente.'],
    ['Fill rate', 'Quantity delivered ÷ quantity ordered, in sale units.'],
  ),
  ordersOnTime: d(
    'count',
    ['Commandes à l’heure', 'Commandes livrées au plus tard à la date promise (à défaut, la date demandée).'],
    ['Orders on time', 'Orders delivered no later than the promised date (else the requested one).'],
  ),
  onTime: d(
    'rate',
    ['Taux de ponctualité', 'Commandes à l’heure ÷ commandes livrées. Sans date promise ni demandée, la commande est à l’heure.'],
    ['On-time rate', 'Orders on time ÷ orders delivered. With no promised nor requested date, the order is on time.'],
  ),
  ordersInFull: d(
    'count',
    ['Commandes complètes', 'Commandes dont toutes les lignes sont complètes.'],
    ['Orders in full', 'Orders whose every line is complete.'],
  ),
  inFull: d(
    'rate',
    ['Taux de complétude', 'Commandes complètes ÷ commandes livrées.'],
    ['In-full rate', 'Orders in full ÷ orders delivered.'],
  ),
  ordersOtif: d(
    'count',
    ['Commandes OTIF', 'Commandes à la fois à l’heure et complètes.'],
    ['OTIF orders', 'Orders both on time and in full.'],
  ),
  otif: d(
    'rate',
    ['OTIF', 'Commandes livrées à l’heure et complètes ÷ commandes livrées (par commande).'],
    ['OTIF', 'Orders delivered on time and in full ÷ orders delivered (counted per order).'],
  ),
  leadTimeDays: d(
    'average',
    ['Délai commande-livraison (j)', 'Jours calendaires de la réception de la commande à sa livraison, en moyenne.'],
    ['Order lead time (days)', 'Calendar days from receiving the order to delivering it, on average.'],
  ),
  lateDays: d(
    'average',
    ['Retard moyen (j)', 'Jours de retard sur la date due, en moyenne sur les commandes en retard.'],
    ['Average delay (days)', 'Days late against the due date, averaged over the late orders.'],
  ),
  backorders: d(
    'count',
    ['Reliquats', 'Lignes dont le manquant a été reporté sur un reliquat.'],
    ['Backorders', 'Lines whose missing part was carried to a backorder.'],
  ),
  ordersConfirmedOnTime: d(
    'count',
    ['Commandes confirmées à temps', 'Commandes livrées confirmées avant l’heure limite qui s’appliquait à elles.'],
    ['Orders confirmed on time', 'Delivered orders confirmed before the cut-off that applied to them.'],
  ),
  confirmedOnTime: d(
    'rate',
    [
      'Confirmées avant l’heure limite',
      'Commandes confirmées avant l’heure limite de leur point de livraison, le jour où elles sont traitées (reçues un jour ouvré avant l’heure limite : ce jour-là ; sinon le jour ouvré suivant) ÷ commandes livrées dont la confirmation est enregistrée.',
    ],
    [
      'Confirmed before the cut-off',
      'Orders confirmed before their delivery point’s cut-off on the day they are processed (received on a working day before the cut-off: that day; else the next working day) ÷ delivered orders with a confirmation on record.',
    ],
  ),
  ordersTouchless: d(
    'count',
    ['Commandes sans intervention', 'Commandes EDI et portail que personne de l’ADV n’a créées, modifiées, approuvées ni confirmées.'],
    ['Touchless orders', 'EDI and portal orders nobody of the desk created, changed, approved or confirmed.'],
  ),
  touchless: d(
    'rate',
    [
      'Taux sans intervention',
      'Commandes EDI et portail confirmées sans que personne de l’ADV ne les crée, modifie, approuve ni confirme ÷ commandes EDI et portail livrées.',
    ],
    [
      'Touchless rate',
      'EDI and portal orders confirmed with nobody of the desk creating, changing, approving or confirming them ÷ EDI and portal orders delivered.',
    ],
  ),
  channelPhone: d(
    'rate',
    ['Part téléphone', 'Commandes prises par téléphone ÷ commandes livrées.'],
    ['Phone share', 'Orders taken by phone ÷ orders delivered.'],
  ),
  channelEmail: d(
    'rate',
    ['Part e-mail', 'Commandes reçues par e-mail ÷ commandes livrées.'],
    ['Email share', 'Orders received by email ÷ orders delivered.'],
  ),
  channelFax: d(
    'rate',
    ['Part fax', 'Commandes reçues par fax ÷ commandes livrées.'],
    ['Fax share', 'Orders received by fax ÷ orders delivered.'],
  ),
  channelEdi: d(
    'rate',
    ['Part EDI', 'Commandes reçues par EDI ÷ commandes livrées.'],
    ['EDI share', 'Orders received by EDI ÷ orders delivered.'],
  ),
  channelPortal: d(
    'rate',
    ['Part portail', 'Commandes passées sur le portail client ÷ commandes livrées.'],
    ['Portal share', 'Orders placed on the customer portal ÷ orders delivered.'],
  ),
  complaints: d('count', ['Réclamations', 'Réclamations reçues dans la période.'], ['Complaints', 'Complaints received in the period.']),
  complaintsPerThousandLines: d(
    'average',
    ['Réclamations pour 1 000 lignes', 'Réclamations reçues × 1 000 ÷ lignes livrées dans la période.'],
    ['Complaints per 1,000 lines', 'Complaints received × 1,000 ÷ lines delivered in the period.'],
  ),
  complaintsAnsweredOnTime: d(
    'rate',
    [
      'Réponses dans les délais',
      'Réclamations répondues avant l’échéance de réponse ÷ réclamations répondues ou dont l’échéance est passée.',
    ],
    ['Answered in time', 'Complaints answered by their answer-by time ÷ complaints answered or past that time.'],
  ),
  complaintAnswerHours: d(
    'average',
    ['Délai de réponse (h)', 'Heures de la réception à la réponse, en moyenne sur les réclamations répondues.'],
    ['Time to answer (hours)', 'Hours from receipt to answer, averaged over the answered complaints.'],
  ),
  complaintResolveDays: d(
    'average',
    ['Délai de résolution (j)', 'Jours de la réception à la résolution, en moyenne sur les réclamations résolues.'],
    ['Time to resolve (days)', 'Days from receipt to resolution, averaged over the resolved complaints.'],
  ),
  penalties: d(
    'count',
    ['Pénalités notifiées', 'Avis de pénalité logistique reçus dans la période.'],
    ['Penalties notified', 'Logistic penalty notices received in the period.'],
  ),
  penaltiesCents: d(
    'cents',
    ['Montant réclamé', 'Total réclamé par les avis de pénalité reçus.'],
    ['Amount claimed', 'Total claimed by the penalty notices received.'],
  ),
  penaltiesContested: d(
    'count',
    ['Pénalités contestées', 'Avis reçus dans la période que nous avons contestés.'],
    ['Penalties contested', 'Notices received in the period that we contested.'],
  ),
  penaltiesWon: d(
    'count',
    ['Pénalités gagnées', 'Avis retirés par le client, ou réglés à zéro après contestation.'],
    ['Penalties won', 'Notices withdrawn by the customer, or settled at nothing after we contested.'],
  ),
  penaltiesPaidCents: d(
    'cents',
    ['Pénalités payées', 'Montant accepté des avis réglés (jamais déduit d’une facture : L441-17).'],
    ['Penalties paid', 'Accepted amount of the settled notices (never deducted from an invoice: L441-17).'],
  ),
  risksAvoided: d(
    'count',
    ['Risques évités', 'Risques résolus dans la période au plus tard à la date promise de la commande, avant d’échouer.'],
    ['Risks avoided', 'Risks resolved in the period no later than the order’s promised date, before they failed.'],
  ),
  exposureAvoidedCents: d(
    'cents',
    [
      'Pénalités évitées',
      'Exposition aux pénalités (clause du client, plafond L441-17) des risques résolus avant d’échouer, dans la période de leur résolution.',
    ],
    [
      'Penalties avoided',
      'Penalty exposure (the customer’s clause, L441-17 cap) of the risks resolved before they failed, in the period they were resolved in.',
    ],
  ),
  calls: d('count', ['Appels', 'Appels passés et reçus dans la période.'], ['Calls', 'Calls made and received in the period.']),
  callMinutes: d(
    'count',
    ['Minutes d’appel', 'Durée totale des appels, en minutes.'],
    ['Call minutes', 'Total length of the calls, in minutes.'],
  ),
  interviews: d(
    'count',
    ['Entretiens de satisfaction', 'Entretiens et questions de fin de réclamation tenus dans la période.'],
    ['Satisfaction interviews', 'Interviews and end-of-complaint questions held in the period.'],
  ),
  satisfaction: d(
    'average',
    ['Satisfaction', 'Note globale moyenne des entretiens (sur 10).'],
    ['Satisfaction', 'Average overall score of the interviews (out of 10).'],
  ),
};

function d(kind: MetricKind, [frLabel, frHelp]: [string, string], [enLabel, enHelp]: [string, string]): MetricDefinition {
  return { kind, fr: { label: frLabel, help: frHelp }, en: { label: enLabel, help: enHelp } };
}

/**
 * What a figure's drill-down lists unless asked: a rate's misses (the orders that missed OTIF), else every row it is
 * made of (a count's, a sum's, and a channel's share: its own orders rather than every other channel's).
 */
export const defaultDrillOnly = (metric: Metric): 'missed' | 'all' =>
  DEFINITIONS[metric].kind === 'rate' && !SHARE_METRICS.includes(metric) ? 'missed' : 'all';

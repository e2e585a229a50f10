import type { Rule } from './check-input.ts';
import { num, say, source } from './format.ts';

/**
 * More than one vehicle carries: floor (pallets) or payload (weight), whichever is reached first — flour and
 * sugar fill a truck by weight at about 24 pallets, frozen bread by floor at 33. A second truck is planned or
 * the order split (warning): the message says which limit binds.
 */
export const truckCapacity: Rule = ({ priced, ctx }) => {
  const { maxPallets, maxWeightG } = ctx.terms.truck;
  const { pallets, weightG } = priced.totals;
  const overFloor = pallets > maxPallets;
  const overWeight = weightG > maxWeightG;
  if (!overFloor && !overWeight) return [];
  const tonnes = (g: number) => num(Math.round(g / 10_000) / 100);
  return [
    {
      rule: 'truck-capacity',
      severity: 'warning',
      message: say([
        ['Chargement de ', 'Load of '],
        num(pallets),
        [' palettes et ', ' pallets and '],
        tonnes(weightG),
        [' t : au-delà', ' t: beyond'],
        overWeight ? say([[' de la charge utile de ', ' the payload of '], tonnes(maxWeightG), ' t']) : '',
        overWeight && overFloor ? [' et', ' and'] : '',
        overFloor ? say([[' des ', ' the '], num(maxPallets), [' palettes au sol', ' floor pallets']]) : '',
        [" d'un camion ", ' of one truck '],
        source(ctx.terms, 'truck'),
        [' ; prévoir un second véhicule ou scinder la commande.', '; plan a second vehicle or split the order.'],
      ]),
      data: {
        pallets,
        weightG,
        maxPallets,
        maxWeightG,
        binding: overWeight && (!overFloor || weightG / maxWeightG >= pallets / maxPallets) ? 'weight' : 'pallets',
      },
    },
  ];
};

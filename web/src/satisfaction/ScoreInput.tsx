import { NumberInput, type NumberInputProps } from '@mantine/core';

/** A satisfaction score, 0 to 10 in whole points, typed (the arrows are there for the mouse); blank: not given. */
export function ScoreInput({
  score,
  onScore,
  ...props
}: { score: number | null; onScore: (score: number | null) => void } & Omit<NumberInputProps, 'value' | 'onChange'>) {
  return (
    <NumberInput
      min={0}
      max={10}
      clampBehavior="strict"
      allowDecimal={false}
      allowNegative={false}
      placeholder="0–10"
      value={score ?? ''}
      onChange={(v) => onScore(typeof v === 'number' ? v : null)}
      {...props}
    />
  );
}

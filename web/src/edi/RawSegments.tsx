import { Box, Code, ScrollArea } from '@mantine/core';

/** The message's raw segments, one a line with its index in the file, those in `highlight` marked. */
export function RawSegments({ segments, highlight }: { segments: { index: number; text: string }[]; highlight: Set<number> }) {
  return (
    <ScrollArea.Autosize mah={320} type="auto">
      <Code block p={0} data-testid="edi-raw">
        {segments.map((s) => (
          <Box
            key={s.index}
            component="div"
            px="xs"
            data-highlight={highlight.has(s.index) || undefined}
            style={{
              background: highlight.has(s.index) ? 'var(--mantine-color-orange-1)' : undefined,
              fontWeight: highlight.has(s.index) ? 700 : undefined,
              whiteSpace: 'pre',
            }}
          >
            <span style={{ color: 'var(--mantine-color-dimmed)', display: 'inline-block', width: '3.5em' }}>{s.index}</span>
            {s.text}
          </Box>
        ))}
      </Code>
    </ScrollArea.Autosize>
  );
}

/**
 * The text of a PDF order form, line by line as it is printed: unpdf gives positioned text items, grouped here
 * into lines by their height on the page (a table's row is one line, its cells three spaces apart), pages one
 * after the other.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractTextItems } = await import('unpdf');
  const { items } = await extractTextItems(new Uint8Array(bytes));
  const pages: string[] = [];
  for (const page of items) {
    const rows: { y: number; cells: { x: number; str: string }[] }[] = [];
    for (const item of page) {
      if (!item.str.trim()) continue;
      const tolerance = Math.max(2, item.height / 2);
      let row = rows.find((r) => Math.abs(r.y - item.y) <= tolerance);
      if (!row) rows.push((row = { y: item.y, cells: [] }));
      row.cells.push({ x: item.x, str: item.str });
    }
    rows.sort((a, b) => b.y - a.y);
    pages.push(
      rows
        .map((r) =>
          r.cells
            .sort((a, b) => a.x - b.x)
            .map((c) => c.str.trim())
            .join('   '),
        )
        .join('\n'),
    );
  }
  return pages.join('\n\n');
}

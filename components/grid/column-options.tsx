/** The options of a "which column" select: all columns, then each data column by its title. */
export function ColumnOptions({ columns }: { columns: readonly { col: number; title: string }[] }) {
  return (
    <>
      <option value="">All columns</option>
      {columns
        .filter((c) => c.col >= 0)
        .map((c) => (
          <option key={c.col} value={c.col}>
            {c.title}
          </option>
        ))}
    </>
  );
}

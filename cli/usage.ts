/** The short usage, printed after a usage error. */
export const USAGE = `Usage:
  npx trainset export <file.csv> [--out DIR] [--text COL] [--labels A,B] [--stratify COL[,COL]|none]
                      [--test-size 0.2|N] [--seed 42] [--system TEXT] [--json-style python|compact]
                      [--encoding E] [--delimiter D]
  npx trainset check <file.csv> [--json] [--text COL] [--labels A,B] [--stratify COL[,COL]|none]
                     [--test-size 0.2|N] [--encoding E] [--delimiter D]
  npx trainset --help
`;

/** The full help. */
export const HELP = `Usage:
  npx trainset export <file.csv> [--out DIR] [--text COL] [--labels A,B] [--stratify COL[,COL]|none]
                      [--test-size 0.2|N] [--seed 42] [--system TEXT] [--json-style python|compact]
                      [--encoding E] [--delimiter D]
  npx trainset check <file.csv> [--json] [--text COL] [--labels A,B] [--stratify COL[,COL]|none]
                     [--test-size 0.2|N] [--encoding E] [--delimiter D]
  npx trainset --help

Turns a labelled CSV into chat-format train.jsonl and validation.jsonl, split and stratified like
scikit-learn's train_test_split. With the defaults the files are byte for byte what the notebook
(pandas read_csv + json.dumps + train_test_split(test_size=0.2, stratify=category, random_state=42))
writes; where the notebook would write NaN or numbers instead of your labels, or crash, Trainset
refuses with a message that names the row and column.

Options for export:
  --out DIR            where to write train.jsonl and validation.jsonl (default: current directory)
  --text COL           column with the user message (default: inquiry)
  --labels A,B         label columns, in the order of the assistant's JSON keys
                       (default: category,sub_category); write a comma inside a name as \\,
  --stratify COL[,COL] column(s) to stratify by, or none (default: the first label column)
  --test-size 0.2|N    validation share (0 < x < 1) or row count; 40 and 40.0 differ, as in Python
                       (default: 0.2)
  --seed N             random seed, 0 to 4294967295 (default: 42)
  --system TEXT        system prompt (default: the notebook's)
  --json-style S       python: json.dumps defaults, ASCII-escaped (default); compact: UTF-8, no spaces
  --encoding E         utf-8, utf-16le, utf-16be or windows-1252 (default: detected)
  --delimiter D        one character, or tab (default: detected from the header)

Exit status: 0 files written; 1 refused (nothing is written or overwritten); 2 usage error.

check runs the quality checks on the same columns and reports what would hurt the fine-tune: empty
and NA cells, stray spaces, garbled text, duplicates and conflicting labels, label variants and
hierarchy drift, classes too small to split, imbalance, very short or long texts, personal data,
too few examples. It takes the column, split and reading options of export (--seed is accepted
and changes nothing), plus:
  --json               print exactly one JSON object: {"rows": N, "checks": [{"id", "severity",
                       "count", "rows", "message", "fixes"?, "details"?}, ...]}

Exit status of check: 0 no errors (warnings may be listed); 1 an error-level finding, or a file
that cannot be read at all; 2 usage error.
`;

/** A mistake in how the command was called (exit 2, with the usage text). */
export class UsageError extends Error {}

/** The files could not be written (exit 1; the message says where and why). */
export class WriteError extends Error {}

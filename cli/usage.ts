/** The short usage, printed after a usage error. */
export const USAGE = `Usage:
  npx trainset export <file.csv|book.xlsx> [more files…] [--combine all|shared] [--out DIR] [--text COL] [--labels A,B]
                      [--stratify COL[,COL]|none] [--test-size 0.2|N] [--seed 42] [--system TEXT]
                      [--json-style python|compact] [--target T] [--encoding E] [--delimiter D]
                      [--no-header] [--sheet NAME] [--keep-near-duplicates-together]
  npx trainset check <file.csv|book.xlsx> [more files…] [--combine all|shared] [--sheet NAME] [--json] [--text COL] [--labels A,B] [--stratify COL[,COL]|none]
                     [--test-size 0.2|N] [--target T] [--system TEXT] [--json-style S]
                     [--encoding E] [--delimiter D] [--no-header] [--model ID|none] [--price USD]
                     [--threshold NAME=VALUE ...] [--no-suspect] [--keep-near-duplicates-together]
  npx trainset export --project <NAME.trainset> [--out DIR]
  npx trainset check --project <NAME.trainset> [--json] [--no-suspect]
  npx trainset check <file.jsonl> [--json] [--stratify COL[,COL]|none] [--test-size 0.2|N]
                     [--target T] [--system TEXT] [--json-style S] [--encoding E]
                     [--threshold NAME=VALUE ...] [--no-suspect]
  npx trainset verify <DIR> [--input file.csv]
  npx trainset --help
`;

/** The full help: the usage, then what each command does. */
export const HELP = `${USAGE}
Turns a labelled CSV into chat-format train.jsonl and validation.jsonl (or another service's layout:
--target), split and stratified like scikit-learn's train_test_split. With the defaults the files are byte for byte what the notebook
(pandas read_csv + json.dumps + train_test_split(test_size=0.2, stratify=category, random_state=42))
writes; where the notebook would write NaN or numbers instead of your labels, or crash, Trainset
refuses with a message that names the row and column.

Beside the two files export writes manifest.json: the tool and its version, every setting, the
input's name, size, sha256 and row count, and each file's size, sha256, lines and examples per
class (the app's "Download both (.zip)" holds the same). verify checks it.

Options for export:
  --out DIR            where to write train.jsonl, validation.jsonl and manifest.json (default:
                       current directory)
  --text COL           column with the user message (default: inquiry)
  --labels A,B         label columns, in the order of the assistant's JSON keys
                       (default: category,sub_category); write a comma inside a name as \\,
  --stratify COL[,COL] column(s) to stratify by, or none (default: the first label column)
  --test-size 0.2|N    validation share (0 < x < 1) or row count; 40 and 40.0 differ, as in Python
                       (default: 0.2)
  --seed N             random seed, 0 to 4294967295 (default: 42)
  --system TEXT        system prompt (default: the notebook's)
  --json-style S       python: json.dumps defaults, ASCII-escaped (default); compact: UTF-8, no spaces
  --target T           the service the files are for, which decides each line's layout and the
                       limits and rules check applies (lib/export/targets.ts, with sources):
                         openai (default): {"messages": [system, user, assistant]}, the notebook's;
                           also read by Azure OpenAI and Mistral. OpenAI stops new fine-tuning
                           jobs on 6 January 2027
                         together: the same layout, for Together AI (starts with system or user,
                           roles alternate)
                         fireworks: the same layout, for Fireworks (3 to 3,000,000 examples)
                         huggingface: the same layout, for Hugging Face TRL, Unsloth, Axolotl
                         sharegpt: {"conversations": [{"from": "system"|"human"|"gpt", "value"}]},
                           for LLaMA-Factory and similar trainers
                         bedrock-nova: {"schemaVersion": "bedrock-conversation-2024", "system",
                           "messages"}, for Amazon Nova on Amazon Bedrock
                         vertex-gemini: {"systemInstruction", "contents"}, for Gemini on Vertex AI
                         alpaca: {"instruction", "input", "output"}, for open-source trainers
                         bedrock-claude-haiku: {"system", "messages"}, for Claude 3 Haiku on Amazon
                           Bedrock (legacy: past its end of life in most regions since 10 September
                           2026; the layout --target bedrock wrote before)
                       an empty --system leaves out the system field or turn of sharegpt,
                       bedrock-nova, vertex-gemini and bedrock-claude-haiku
  --encoding E         utf-8, utf-16le, utf-16be or windows-1252 (default: detected)
  --delimiter D        one character, or tab (default: detected from the header)
  --no-header          the file has no header row: its first line is data row 1 and the columns
                       are named "column 1", "column 2", … (pandas' header=None); name them in
                       --text and --labels, e.g. --text "column 1" --labels "column 2"
  --sheet NAME         the sheet of an Excel workbook (.xlsx) to read; needed when several sheets
                       have cells. A workbook is read as the CSV Excel would save from the sheet:
                       text as typed, numbers and dates as the cells show them, formulas as their
                       saved values, a merged range's value in its top-left cell only. Line numbers
                       in messages are the sheet's row numbers. An .xls or a password-protected
                       workbook is refused: save it as .xlsx (without a password) or as CSV.
  more files…          several files are one dataset (pd.concat of each file read on its own):
                       their rows appended in the order given, a last column "source" naming
                       each row's file (without its extension: usable as the label, e.g.
                       --labels source, when the label is only in the file names)
  --combine all|shared when the files' columns differ: keep every column (a file's missing
                       cells empty) or only the columns all files have. Without it, files whose
                       columns differ are refused with what differs
  --keep-near-duplicates-together
                       not the notebook's split (off by default): copies and near-copies of an
                       inquiry (similarity 0.8, as the near-duplicate check) go to the same file.
                       Starts from scikit-learn's split and moves each group it cut in two whole
                       to the file holding most of it, trading a row of the same class back into
                       its place: same file sizes, same per-class counts while such rows exist

  --project FILE       a project saved by the app (Export › Download project): write the files the
                       app would download from that session, from its file, edits and settings
                       (the column, split and format options are the project's and cannot be given)

Exit status: 0 files written; 1 refused (nothing is written or overwritten); 2 usage error.

verify DIR reads DIR/manifest.json and hashes the files it lists again: "All 2 files match" and exit
0, or each file that differs (size or sha256) or is missing, and exit 1.
  --input FILE         also check that FILE is the input the export was made from (its sha256),
                       and export it again in memory with the manifest's settings: the bytes must
                       be those of the files in DIR (when the files were made from rows edited in
                       the app, the input alone cannot make them: only its hash is checked)
Exit status of verify: 0 everything matches; 1 a file differs or is missing, the input is another
file or exports to other bytes, or manifest.json is damaged; 2 usage error (no such folder, no
manifest.json in it, no such input file).

check runs the quality checks on the same columns and reports what would hurt the fine-tune: empty
and NA cells, stray spaces, garbled text, duplicates and conflicting labels, label variants and
hierarchy drift, classes too small to split, imbalance, very short or long texts, personal data,
too few examples, the published limits of the --target's service (its minimum number of
examples, its maximum numbers of examples and file sizes, its token limit per example), and
suspect labels: rows whose label a text classifier trained on the other rows (5-fold cross-
validation on the label combinations) confidently disagrees with, most suspicious first, each
with the label it suggests (labels with fewer than 5 rows are not judged). It takes
the column, split, format (--target, --system, --json-style) and reading options of export (--seed,
--test-size and --keep-near-duplicates-together decide the split whose leakage it reports), plus:
  --json               print exactly one JSON object: {"rows": N, "ran": [every check id that
                       ran], "checks": [{"id", "severity", "count", "rows", "message", "fixes"?,
                       "details"?}, ...], "tokens": {...}}; suspect-label's object also has
                       "suggestions": [{"row", "label": {column: value}, "given", "confidence"}]
                       in the order of its "rows", most suspicious first
  --no-suspect         skip suspect-label (about 3 s per 100,000 rows)
  --project FILE       check a project's rows as edited, with its settings, thresholds and
                       "Not a typo" words, as the app's Issues panel does
  --threshold N=V      change a number a check compares against, e.g. --threshold fewClassRows=5
                       (repeatable). Names, defaults and why: lib/quality/thresholds.ts, or the
                       app's Issues panel > Thresholds. The target's and the model's limits are the
                       defaults of minTrainExamples, fewTrainExamples and maxTokens.
  --model ID|none      count tokens and estimate the training cost for this OpenAI model (default:
                       none, which keeps check fast; e.g. --model gpt-4o-mini-2024-07-18):
                       whole examples, system prompt and answer included, counted with the
                       model's tokenizer as OpenAI's data-preparation notebook does and compared
                       with its token limit per example; the cost bills the training file (the
                       validation file is free) for the notebook's default epochs (3, more for
                       small files, fewer for large ones). Models: gpt-4o-mini-2024-07-18,
                       gpt-4o-2024-08-06, gpt-4.1-2025-04-14, gpt-4.1-mini-2025-04-14,
                       gpt-4.1-nano-2025-04-14, gpt-3.5-turbo-0125, gpt-3.5-turbo-1106,
                       gpt-3.5-turbo-0613. none: tokens are estimated at 4 characters each and no
                       cost is given (tokenizing takes about 10 s per million rows).
                       OpenAI stops new fine-tuning jobs on 6 January 2027.
  --price USD          training price in US dollars per 1,000,000 tokens (default: the model's, as
                       listed on OpenAI's pricing page); alone, it prices gpt-4o-mini-2024-07-18
  With --json, "tokens" is null with --model none, otherwise {"model", "encoding", "examples",
  "totalTokens", "maxTokens" (the model's limit per example), "perExample": {"mean", "median",
  "max"}, "longest": [{"row", "tokens"}, ...] (the 10 longest), "overLimit": [rows], "train":
  {"examples", "totalTokens"} or null, "billedOn": "train" (or "all" when the split cannot be made),
  "epochs", "billedTokens", "pricePerMillion", "priceDate", "priceSource", "estimatedCost" (USD)}.

check also reads a JSONL training file, told by its content as the app tells it (its first character
is {, whatever the file is called; a name ending in .jsonl also says so), in any layout --target
writes: the first example's keys say which (messages: OpenAI chat; conversations: ShareGPT;
schemaVersion or a system list: Bedrock Nova; system text and messages: Claude 3 Haiku; contents:
Vertex AI; instruction and output: Alpaca), and a line in another layout is a layout_mismatch
error. For the chat layout it runs OpenAI's format checks on every line and counts them as its
data-preparation notebook does (data_type, missing_messages_list, message_missing_key,
message_unrecognized_key, unrecognized_role, missing_content, example_missing_assistant_message;
plus invalid_json for a line that is not JSON and invalid_weight for a weight other than 0 or 1, or
one on a message that is not the assistant's; the role tool is accepted); for another layout, the
same kinds in its terms. With --target together or bedrock-claude-haiku it also checks the
service's rules on the order of messages (first_role, alternation, last_role), by line. Then it
runs the quality checks on the examples read as a table: the user message is the text (inquiry),
the keys of the assistant's JSON answers are the labels, stratified by the first (free-text answers
are one assistant column, not stratified); a conversation gives its first user message and last
answer. --text, --labels and --delimiter do not apply. With --json the object also has "format":
{"examples", "errors": {kind: count}, "findings": [{"line", "example", "kind", "message"}, ...]
(the first 100), "warnings", "notes", "truncated", "labelKeys", "systemPrompts", "multiTurn",
"layout", "targetRules": {"target", "counts", "findings", "truncated"} or null}.

Exit status of check: 0 no errors (warnings may be listed); 1 an error-level finding, a format error
in a JSONL file or a break of the target's rules, or a file that cannot be read at all; 2 usage error.
`;

/** A mistake in how the command was called (exit 2, with the usage text). */
export class UsageError extends Error {}

/** The files could not be written (exit 1; the message says where and why). */
export class WriteError extends Error {}

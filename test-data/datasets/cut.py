#!/usr/bin/env python3
"""Cut the samples in this folder from the full datasets in ../shared/datasets (see README.md).

    python3 test-data/datasets/cut.py [path/to/shared/datasets]

Records are copied as raw bytes (BOM, quoting and line endings as in the source file), in file
order; which records are kept is decided on the rows Python's csv module reads.
"""

import csv
import io
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', '..', 'shared', 'datasets'))


def records(raw: bytes) -> list[bytes]:
    """The file's records as raw bytes, each with its own line ending (a quote toggles quoting)."""
    out, start, quoted = [], 0, False
    for i, b in enumerate(raw):
        if b == 0x22:
            quoted = not quoted
        elif b == 0x0A and not quoted:
            out.append(raw[start : i + 1])
            start = i + 1
    if start < len(raw):
        out.append(raw[start:])
    return out


def read(path: str, delimiter: str = ',') -> tuple[bytes, list[bytes], list[list[str]]]:
    """BOM, raw records and the rows csv reads from them (checked to be the same rows as the whole file's)."""
    raw = open(os.path.join(SOURCE, path), 'rb').read()
    bom = b'\xef\xbb\xbf' if raw.startswith(b'\xef\xbb\xbf') else b''
    recs = records(raw[len(bom) :])
    rows = [next(csv.reader(io.StringIO(r.decode('utf-8'), newline=''), delimiter=delimiter)) for r in recs]
    assert rows == list(csv.reader(io.StringIO(raw[len(bom) :].decode('utf-8'), newline=''), delimiter=delimiter)), path
    return bom, recs, rows


def write(path: str, bom: bytes, recs: list[bytes], keep: list[int], final_newline: bool = True) -> None:
    """Writes the records at `keep` (sorted, so in file order)."""
    body = b''.join(recs[i] for i in sorted(set(keep)))
    if not final_newline:
        body = body.rstrip(b'\r\n')
    out = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, 'wb') as f:
        f.write(bom + body)


def first_per_label(rows: list[list[str]], col: int, k: int, start: int = 1) -> list[int]:
    """The indexes of the first k rows of every value of column `col`."""
    seen: dict[str, int] = {}
    keep = []
    for i in range(start, len(rows)):
        label = rows[i][col]
        seen[label] = seen.get(label, 0) + 1
        if seen[label] <= k:
            keep.append(i)
    return keep


def case_key(text: str) -> str:
    return ' '.join(text.lower().split())


def repeats_of(rows: list[list[str]], kept: list[int], text: int) -> list[int]:
    """Later rows whose text repeats a kept row's, ignoring case, spacing and end punctuation."""
    key = lambda t: re.sub(r'[\s.!?…,;:]+$', '', case_key(t))
    keys = {key(rows[i][text]) for i in kept}
    first = min(kept)
    return [i for i in range(first, len(rows)) if i not in kept and key(rows[i][text]) in keys]


def bitext(path: str, text: str, k: int, extra=lambda row: False) -> None:
    bom, recs, rows = read(path)
    header = rows[0]
    kept = first_per_label(rows, header.index('intent'), k)
    kept += repeats_of(rows, kept, header.index(text))
    kept += [i for i in range(1, len(rows)) if extra(rows[i])]
    write(path, bom, recs, [0] + kept)


def main() -> None:
    # Bitext: the first rows of every intent, plus the later rows that repeat one of them.
    bitext('bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv', 'utterance', 20)
    bitext('bitext-intent/Bitext_Sample_Customer_Service_Validation_Dataset.csv', 'utterance', 5)
    bitext('bitext-intent/Bitext_Sample_Customer_Service_Testing_Dataset.csv', 'utterance', 5)
    bitext('bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv', 'instruction', 2)
    # bom-crlf: also the utterances with spaces at either end (one of them is ",terrible service ").
    bitext('bitext-intent-bom-crlf/Bitext_Sample_Customer_Service_Training_Dataset.csv', 'utterance', 10, lambda row: row[1] != row[1].strip(' '))

    # Banking77: the first rows of every category, plus every text with a line break, spaces at
    # either end or a no-break space.
    for name, k in (('train.csv', 5), ('test.csv', 2)):
        bom, recs, rows = read(f'banking77/{name}')
        odd = [i for i in range(1, len(rows)) if rows[i][0] != rows[i][0].strip() or '\n' in rows[i][0] or '\u00a0' in rows[i][0]]
        write(f'banking77/{name}', bom, recs, [0] + first_per_label(rows, 1, k) + odd)

    # HWU64: every per-intent file, with its first rows plus the raw crowd answers that are
    # mojibake (non-ASCII) or the word "null".
    for folder, k in (('kfold1-trainset', 5), ('kfold1-testset', 2)):
        for name in sorted(os.listdir(os.path.join(SOURCE, 'hwu64', folder))):
            path = f'hwu64/{folder}/{name}'
            bom, recs, rows = read(path, ';')
            user = rows[0].index('answer_from_user')
            odd = [i for i in range(1, len(rows)) if rows[i][user] == 'null' or not rows[i][user].isascii()]
            write(path, bom, recs, list(range(0, k + 1)) + odd)
    path = 'hwu64/watson-kfold1/WatsonNluIntentsMerged_2018_03_22-13_01_25_169.csv'
    bom, recs, rows = read(path)
    write(path, bom, recs, first_per_label(rows, 1, 3, start=0))

    # CFPB: the first 25 complaints, plus the taxonomy drift: the legacy product "Credit card" and
    # the sub-issue "Company closed your account" (under two issue spellings). No final newline, as
    # in the source.
    path = 'cfpb-complaints-sample/Consumer_Complaints.csv'
    bom, recs, rows = read(path)
    header = rows[0]
    drift = [i for i in range(1, len(rows)) if rows[i][header.index('Product')] == 'Credit card' or rows[i][header.index('Sub-issue')] == 'Company closed your account']
    write(path, bom, recs, list(range(0, 26)) + drift, final_newline=False)

    # CLINC150: domains.json whole; of data_full.json, in every split the first pair of each
    # intent, plus every pair whose text has another intent elsewhere. Written as the source is
    # (4-space indent, ", " separators, ASCII escapes, no final newline).
    with open(os.path.join(SOURCE, 'clinc150/domains.json'), 'rb') as f:
        domains = f.read()
    os.makedirs(os.path.join(HERE, 'clinc150'), exist_ok=True)
    with open(os.path.join(HERE, 'clinc150/domains.json'), 'wb') as f:
        f.write(domains)
    with open(os.path.join(SOURCE, 'clinc150/data_full.json'), 'rb') as f:
        data = json.loads(f.read())
    intents_of: dict[str, set[str]] = {}
    for pairs in data.values():
        for t, i in pairs:
            intents_of.setdefault(t, set()).add(i)
    sample = {}
    for split, pairs in data.items():
        seen: dict[str, int] = {}
        kept = []
        for t, i in pairs:
            seen[i] = seen.get(i, 0) + 1
            if seen[i] <= 1 or len(intents_of[t]) > 1:
                kept.append([t, i])
        sample[split] = kept
    with open(os.path.join(HERE, 'clinc150/data_full.json'), 'wb') as f:
        f.write(json.dumps(sample, indent=4, ensure_ascii=True, separators=(', ', ': ')).encode('ascii'))


if __name__ == '__main__':
    main()

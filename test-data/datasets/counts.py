#!/usr/bin/env python3
"""The counts that lib/csv/datasets.test.ts and lib/quality/datasets.test.ts expect of the samples,
worked out here with Python's csv and json modules, independently of the TypeScript code.

    python3 test-data/datasets/counts.py [folder]
"""

import collections
import csv
import io
import json
import os
import re
import sys

# The folder to count: this one, or another with the same layout (e.g. ../shared/datasets, to compare with SOURCES.md).
HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))


def rows(path: str, delimiter: str = ',') -> list[list[str]]:
    with open(os.path.join(HERE, path), newline='', encoding='utf-8-sig') as f:
        return list(csv.reader(f, delimiter=delimiter))


def table(*paths: str, delimiter: str = ',') -> tuple[list[str], list[list[str]]]:
    body = []
    for p in paths:
        r = rows(p, delimiter)
        header = r[0]
        body += r[1:]
    return header, body


def folder(d: str) -> list[str]:
    return [f'{d}/{f}' for f in sorted(os.listdir(os.path.join(HERE, d)))]


def duplicates(header, body, text, labels) -> dict:
    """The test's referenceDuplicates: case-only (lower-cased, whitespace collapsed, stripped) and,
    with the labels, also ignoring end punctuation; blank texts and "null" are skipped."""
    t, ls = header.index(text), [header.index(l) for l in labels]
    case_only, ours, a, b = set(), set(), 0, 0
    for row in body:
        s = row[t]
        if s.strip() == '' or s == 'null':
            continue
        k1 = ' '.join(s.lower().split())
        a += k1 in case_only
        case_only.add(k1)
        k2 = re.sub(r'[\s.!?…,;:]+$', '', k1) + '\0' + '\0'.join(row[i] for i in ls)
        b += k2 in ours
        ours.add(k2)
    return {'caseOnly': a, 'ours': b}


SPACES = '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000'
TRIM = ' \t\n\v\f\r\u2028\u2029\ufeff' + SPACES

out = {}

# lib/csv/datasets.test.ts
csv_files = [
    'bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv',
    'bitext-intent/Bitext_Sample_Customer_Service_Validation_Dataset.csv',
    'bitext-intent/Bitext_Sample_Customer_Service_Testing_Dataset.csv',
    'bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv',
    'bitext-intent-bom-crlf/Bitext_Sample_Customer_Service_Training_Dataset.csv',
    'banking77/train.csv',
    'banking77/test.csv',
    'cfpb-complaints-sample/Consumer_Complaints.csv',
    'hwu64/watson-kfold1/WatsonNluIntentsMerged_2018_03_22-13_01_25_169.csv',
]
# Data rows: records after the header (the header-less Watson file loses its first row to it).
out['rows'] = {f: len(rows(f)) - 1 for f in csv_files}

h, b = table('bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv')
raw = open(os.path.join(HERE, 'bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv'), 'rb').read()
responses = [r[h.index('response')] for r in b]
out['llm responses with CRLF'] = sum('\r\n' in r for r in responses)
# Every record (header included) ends in a bare LF: all CRs of the file are in CRLFs inside the
# quoted responses, and the file's bare LFs are the records' ends plus those inside responses.
assert raw.count(b'\r') == raw.count(b'\r\n') == sum(r.count('\r\n') for r in responses)
assert raw.count(b'\n') - raw.count(b'\r\n') == len(b) + 1 + sum(r.count('\n') - r.count('\r\n') for r in responses)
out['llm record endings'] = {'lf': len(b) + 1, 'crlf': 0, 'cr': 0}

h, b = table('banking77/train.csv')
out['banking77 train texts with a line break'] = sum('\n' in r[0] for r in b)

h, b = table('cfpb-complaints-sample/Consumer_Complaints.csv')
out['cfpb columns'] = len(h)
out['cfpb empty narratives'] = sum(r[h.index('Consumer complaint narrative')] == '' for r in b)
out['cfpb has the product with commas'] = any(r[h.index('Product')] == 'Credit reporting, credit repair services, or other personal consumer reports' for r in b)

out['hwu64 rows'] = {d: len(table(*folder(f'hwu64/{d}'), delimiter=';')[1]) for d in ('kfold1-trainset', 'kfold1-testset')}

# lib/quality/datasets.test.ts
h, b = table('bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv')
out['bitext-intent duplicates'] = duplicates(h, b, 'utterance', ['category', 'intent'])
out['bitext-intent intents under several categories'] = sum(len({r[h.index('category')] for r in b if r[h.index('intent')] == i}) > 1 for i in {r[h.index('intent')] for r in b})
h, b = table('banking77/train.csv')
out['banking77 duplicates'] = duplicates(h, b, 'text', ['category'])['ours']
h2, b2 = table('bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv')
out['bitext-llm-2023 duplicates'] = duplicates(h2, b2, 'instruction', ['category', 'intent'])['ours']
h2, b2 = table('bitext-intent-bom-crlf/Bitext_Sample_Customer_Service_Training_Dataset.csv')
out['bitext-intent-bom-crlf duplicates'] = duplicates(h2, b2, 'utterance', ['category', 'intent'])['ours']

# banking77 texts: spaces at either end, repeated spaces, unusual spaces (no-break, thin, …).
texts = [r[0] for r in b if r[0].strip(TRIM) != '']
edges = sum(t[0] in TRIM or t[-1] in TRIM for t in texts)
repeated = sum('  ' in t for t in texts)
unusual = sum(any(c in SPACES for c in t) for t in texts)
out['banking77 whitespace'] = {
    'count': sum(t[0] in TRIM or t[-1] in TRIM or '  ' in t or any(c in SPACES for c in t) for t in texts),
    'kinds': {'edges': edges, 'repeated': repeated, 'unusual': unusual},
}

h, b = table(*folder('hwu64/kfold1-trainset'), delimiter=';')
parents = collections.defaultdict(set)
for r in b:
    parents[r[h.index('intent')]].add(r[h.index('scenario')])
out['hwu64 children under several scenarios'] = sorted((c, len(p)) for c, p in parents.items() if len(p) > 1)
user = h.index('answer_from_user')
mojibake = [r[user] for r in b if not r[user].isascii()]
out['hwu64 raw answers with mojibake'] = len(mojibake)
out['hwu64 raw answers "null"'] = sum(r[user] == 'null' for r in b)

h, b = table('cfpb-complaints-sample/Consumer_Complaints.csv')
products = collections.Counter(r[h.index('Product')] for r in b)
out['cfpb products with one row'] = sorted((p, n) for p, n in products.items() if n < 2)
out['cfpb empty'] = {c: sum(r[h.index(c)].strip() == '' for r in b) for c in ('Consumer complaint narrative', 'Product', 'Sub-product', 'Issue', 'Sub-issue')}
issues = collections.defaultdict(collections.Counter)
for r in b:
    if r[h.index('Sub-issue')].strip():
        issues[r[h.index('Sub-issue')]][r[h.index('Issue')]] += 1
out['cfpb sub-issues under several issues'] = {c: dict(p) for c, p in issues.items() if len(p) > 1}

distinct = lambda path, col: len({r[table(path)[0].index(col)] for r in table(path)[1]} - {''})
out['distinct labels'] = {
    'banking77 categories': distinct('banking77/train.csv', 'category'),
    'bitext intents': distinct('bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv', 'intent'),
    'bitext categories': distinct('bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv', 'category'),
    'hwu64 scenario_intent pairs': len(os.listdir(os.path.join(HERE, 'hwu64/kfold1-trainset'))),
    'clinc150 intents': sum(len(v) for v in json.load(open(os.path.join(HERE, 'clinc150/domains.json'))).values()),
    'cfpb sub-products': distinct('cfpb-complaints-sample/Consumer_Complaints.csv', 'Sub-product'),
    'cfpb sub-issues': distinct('cfpb-complaints-sample/Consumer_Complaints.csv', 'Sub-issue'),
}

# clinc150: texts that carry different intents across the splits, and the rows they are on.
data = json.load(open(os.path.join(HERE, 'clinc150/data_full.json')))
pairs = [p for v in data.values() for p in v]
intents = collections.defaultdict(set)
for t, i in pairs:
    intents[t].add(i)
out['clinc150 pairs'] = len(pairs)
out['clinc150 texts with two intents'] = sum(len(v) > 1 for v in intents.values())
out['clinc150 rows of those texts'] = sum(len(intents[t]) > 1 for t, _ in pairs)

for k, v in out.items():
    print(f'{k}: {json.dumps(v, ensure_ascii=False)}')

"""Makes the test workbooks in this folder. Run from the repository root:

    apt-get install -y libreoffice-calc-nogui python3-openpyxl python3-uno
    /usr/bin/python3 test-data/xlsx/make.py

openpyxl writes the sources; LibreOffice Calc (soffice --convert-to) opens each and saves it again,
as a user saving from a spreadsheet program would: it calculates the formulas and stores their
values, and writes its own styles and shared strings. See README.md for what each file holds.
"""

import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.chart import BarChart, Reference

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(ROOT, 'lib/export/__fixtures__/e2e/03-unicode_categories/dataset.csv')

INQUIRIES = [
    ('Where is my parcel? It was due on Monday.', 'Shipping', 'Delayed'),
    ('My order has not arrived yet', 'Shipping', 'Delayed'),
    ('The tracking page says lost in transit', 'Shipping', 'Lost package'),
    ('Nobody delivered my package', 'Shipping', 'Lost package'),
    ('Can I change the delivery address?', 'Shipping', 'Address change'),
    ('Please ship to my office instead', 'Shipping', 'Address change'),
    ('I was charged twice for one order', 'Billing', 'Refund'),
    ('Refund the broken kettle, please', 'Billing', 'Refund'),
    ('Send me the invoice for March', 'Billing', 'Invoice'),
    ('The invoice has the wrong VAT number', 'Billing', 'Invoice'),
    ('Why is there a fee on my card?', 'Billing', 'Refund'),
    ('I need a copy of my receipt', 'Billing', 'Invoice'),
    ('I forgot my password', 'Account', 'Password reset'),
    ('The reset link does not work', 'Account', 'Password reset'),
    ('Close my account', 'Account', 'Close account'),
    ('Delete all my data and the account', 'Account', 'Close account'),
    ('Line one of a long message\nline two of it', 'Account', 'Password reset'),
    ('How do I change my e-mail address?', 'Account', 'Close account'),
    ('Can I pay by bank transfer, "net 30"?', 'Billing', 'Invoice'),
    ('The box came open and half empty', 'Shipping', 'Lost package'),
]


def soffice(args, outdir):
    subprocess.run(['soffice', '--headless', '--norestore', *args, '--outdir', outdir], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def through_libreoffice(wb, name, tmp):
    """Save with openpyxl, then open and save again with LibreOffice Calc."""
    src = os.path.join(tmp, 'src', name)
    os.makedirs(os.path.dirname(src), exist_ok=True)
    wb.save(src)
    soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', src], HERE)


def two_sheets(tmp):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = 'Notes'
    notes['A1'] = 'Exported from the help desk on 31 January 2024'
    notes['A2'] = 'Owner: support team'
    ws = wb.create_sheet('Inquiries')
    ws.append(['inquiry', 'category', 'sub_category'])
    for row in INQUIRIES:
        ws.append(list(row))
    through_libreoffice(wb, 'two-sheets.xlsx', tmp)


def features(tmp):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Numbers'
    ws.append(['what', 'value'])
    rows = [
        ('integer', 42, None),
        ('one tenth', 0.1, None),
        ('sum of 0.1 and 0.2', '=0.1+0.2', None),
        ('thirteen digits', 1234567890123, None),
        ('two decimals', 2.5, '0.00'),
        ('percent', 0.256, '0%'),
        ('thousands', -1234.5, '#,##0.00'),
        ('tiny', 0.0000001, None),
        ('whole float', 100.0, None),
        ('text that looks like a number', '007', '@'),
    ]
    for what, value, fmt in rows:
        ws.append([what, value])
        if fmt:
            ws.cell(ws.max_row, 2).number_format = fmt

    ws = wb.create_sheet('Dates')
    ws.append(['what', 'value'])
    day = datetime.datetime(2024, 1, 31)
    for what, value, fmt in [
        ('iso date', day, 'yyyy-mm-dd'),
        ('short date (built-in 14)', day, 'mm-dd-yy'),
        ('day month year', day, 'd-mmm-yy'),
        ('date and time', datetime.datetime(2024, 1, 31, 13, 45), 'yyyy-mm-dd hh:mm'),
        ('time', datetime.time(18, 0), 'h:mm AM/PM'),
    ]:
        ws.append([what, value])
        ws.cell(ws.max_row, 2).number_format = fmt

    ws = wb.create_sheet('Merged')
    ws.append(['inquiry', 'category', 'sub_category'])
    ws.append(['Where is my parcel?', 'Shipping', 'Delayed'])
    ws.append(['My order is late', None, 'Delayed'])
    ws.append(['A note across the whole row', None, None])
    ws.append(['Refund me', 'Billing', 'Refund'])
    ws.merge_cells('B2:B3')
    ws.merge_cells('A4:C4')

    ws = wb.create_sheet('Formulas')
    ws.append(['what', 'value'])
    for what, formula in [
        ('arithmetic', '=1+1'),
        ('text', '="Hello"&" world"'),
        ('division by zero', '=1/0'),
        ('comparison', '=2>1'),
        ('reference', '=B2*10'),
    ]:
        ws.append([what, formula])

    ws = wb.create_sheet('Text')
    ws.append(['what', 'value'])
    for what, value in [
        ('line feed', 'line one\nline two'),
        ('spaces kept', '  padded  '),
        ('comma and quotes', 'He said "hi", then left'),
        ('non-ASCII', 'café – 中文'),
    ]:
        ws.append([what, value])

    wb.create_sheet('Empty')
    chart = BarChart()
    chart.add_data(Reference(wb['Numbers'], min_col=2, min_row=1, max_row=3), titles_from_data=True)
    wb.create_chartsheet('Chart').add_chart(chart)
    through_libreoffice(wb, 'features.xlsx', tmp)


def excel_escapes():
    """Written by openpyxl only: text as Excel stores it (_x000D_ for a CR), and a formula with no saved value."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Escapes'
    ws.append(['what', 'value'])
    # openpyxl writes the text as given: Excel stores a CR in a cell as _x000D_, and so does this file.
    ws.append(['windows line end', 'line one_x000D_\nline two'])
    ws.append(['escaped escape', 'literal _x005F_x000D_ text'])
    ws.append(['never calculated', '=1+1'])
    wb.save(os.path.join(HERE, 'openpyxl-escapes.xlsx'))


def text_cells():
    """The fixture CSV as a workbook whose every cell is text (inline strings, verbatim: CR and LF kept)."""
    with open(FIXTURE, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'dataset'
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value == '':
                continue
            cell = ws.cell(r, c, value)
            cell.data_type = 's'  # "=…" stays text, as in the CSV
    wb.save(os.path.join(HERE, 'text-cells.xlsx'))


def old_formats(tmp):
    soffice(['--convert-to', 'xls', os.path.join(HERE, 'two-sheets.xlsx')], HERE)
    shutil.move(os.path.join(HERE, 'two-sheets.xls'), os.path.join(HERE, 'old-format.xls'))
    subprocess.run([sys.executable, os.path.join(HERE, 'make_encrypted_xls.py'), os.path.join(HERE, 'two-sheets.xlsx'), os.path.join(HERE, 'password.xls')],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as tmp:
        two_sheets(tmp)
        features(tmp)
        excel_escapes()
        text_cells()
        old_formats(tmp)

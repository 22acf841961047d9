"""Writes docs/cli.md from the program's own --help: every command's.

    python3 docs/cli.py target/debug/sentra > docs/cli.md
"""
import re
import subprocess
import sys

B = sys.argv[1] if len(sys.argv) > 1 else 'target/debug/sentra'
def help(args):
    text = subprocess.run([B] + args + ['--help'], capture_output=True, text=True).stdout
    return '\n'.join(line.rstrip() for line in text.rstrip().split('\n'))
def commands(text):
    m = re.search(r'Commands:\n(.*?)(\n\n|$)', text, re.S)
    if not m: return []
    out = []
    for line in m.group(1).split('\n'):
        name = line.strip().split(' ')[0]
        if name and name != 'help':
            out.append(name)
    return out
parts = []
def walk(path):
    text = help(path)
    parts.append(('sentra ' + ' '.join(path)).strip())
    parts.append(text)
    for c in commands(text):
        walk(path + [c])
walk([])
doc = ['# The command line', '',
 'The contract of `sentra` without the window: add to it, never rename. Every',
 'command takes `--data-dir DIR` (or `SENTRA_DATA_DIR`; by default the platform\'s',
 'data folder). Commands that print results take `--json` and then print one JSON',
 'document with plain English field names (`receipt`, `total`, `change`, `stock`,',
 '`sku` …), amounts as integer rupiah and quantities as decimal numbers; without',
 'it they print short Indonesian text for a person. An error is one line on',
 'stderr, a non-zero exit status, and nothing changed in the book; the one',
 'exception is paper that fails only as it is written, after its record (a',
 'full disk): the line says the record is saved, not to make it again, and',
 'the command that prints it again.',
 '`SENTRA_NOW` (RFC 3339, e.g. `2026-11-27T10:00:00+07:00`) fixes the clock.', '',
 'Below is every command\'s own `--help`, as the program prints it (its words',
 'are Indonesian, for the vendor). To write this file again after adding to the',
 'command line, build `sentra` and run `python3 docs/cli.py target/debug/sentra > docs/cli.md`.', '']
for i in range(0, len(parts), 2):
    doc.append('## `' + parts[i] + '`')
    doc.append('')
    doc.append('```text')
    doc.append(parts[i+1])
    doc.append('```')
    doc.append('')
print('\n'.join(doc))

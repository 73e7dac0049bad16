"""The system calls a unit's SystemCallFilter= lines allow, as systemd reads them (the first line
sets the default, later ones add or, with "~", remove), groups expanded by systemd-analyze; and
the calls named in strace logs that fall outside them.
Usage: syscall_filter.py UNIT_FILE STRACE_LOG...   (prints the calls outside, one a line)"""
import functools
import re
import subprocess
import sys


@functools.cache
def expand(name):
    if not name.startswith("@"):
        return frozenset({name})
    out = subprocess.run(["systemd-analyze", "syscall-filter", name], check=True,
                         capture_output=True, text=True).stdout
    calls = set()
    for line in out.splitlines()[1:]:
        line = line.strip()
        if line and not line.startswith("#"):
            calls |= expand(line)
    return frozenset(calls)


def allowed(unit_file):
    allow = None
    for line in open(unit_file, encoding="utf-8"):
        match = re.match(r"SystemCallFilter=(~?)(.*)", line.strip())
        if not match:
            continue
        names = set().union(*(expand(n) for n in match.group(2).split()))
        if allow is None:
            if match.group(1):
                sys.exit(f"{unit_file}: a deny list first is not what this reads")
            allow = names
        elif match.group(1):
            allow -= names
        else:
            allow |= names
    if allow is None:
        sys.exit(f"{unit_file}: no SystemCallFilter=")
    return allow


def used(log):
    calls = set()
    for line in open(log, encoding="utf-8", errors="replace"):
        match = re.match(r"(?:\[pid +\d+\] |\d+ +)?([a-z0-9_]+)\(", line)
        if match:
            calls.add(match.group(1))
    return calls


if __name__ == "__main__":
    allow = allowed(sys.argv[1])
    seen = set().union(*(used(log) for log in sys.argv[2:]))
    for call in sorted(seen - allow):
        print(call)

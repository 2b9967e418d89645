#!/usr/bin/env python3
"""Runs every shell command shown in a Markdown page, the way rustdoc runs examples.

    doc_commands.py PGI PAGE.md [PAGE.md ...]

What runs (the rules are also in CONTRIBUTING.md, "Documentation that runs"):
- a fenced block whose info string starts with `sh`, `shell`, `bash` or `console`, and any
  other fenced block that holds `$ ` lines (a terminal transcript);
- in a transcript, `$ COMMAND` is run and the lines after it, up to the next `$ ` line or
  the end of the block, are its expected output (standard output, then standard error);
  without `$ ` lines, each line of the block is a command and its output is not compared;
- a line `[...]` in shown output matches any number of lines, and `[...]` inside a line
  matches any text, for parts that vary (today's date, a temporary file name);
- a command must exit 0, unless it ends with a comment `# exit N` (then N);
- a block whose info string has `file=PATH` is not run: its text is written to PATH (made
  executable when it starts with `#!`), so a later block can run the script it shows;
- a block that holds the line `# not run by the doc test: REASON` is skipped (the marker is
  visible to the reader; the reason says why, e.g. it installs packages or is the test
  itself).
Blocks of other languages (`text`, `yaml`, `toml`) are not run.

Each page runs in its own scratch copy of the repository (the files git tracks), with the
built `pgi` first on PATH, in a fixed environment: SOURCE_DATE_EPOCH=1764979200
(2025-12-06), TZ=UTC, LC_ALL=C.UTF-8, NO_COLOR=1, no PGI_PLAN. The commands of a page run in
order in one shell, so a page can create a directory and use it later.

A failure names the page and line of the command. Exit status: 0 when every command
passed, 1 otherwise, 2 on a usage error.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^(\s*)(```+|~~~+)\s*(.*)$")
RUN_LANGS = ("sh", "shell", "bash", "console")
SKIP_MARK = "# not run by the doc test:"
EXIT_MARK = re.compile(r"\s+#\s*exit\s+(\d+)\s*$")
WILD = "[...]"


def blocks(path):
    """Yields (info, first_line_no, [(line_no, text)]) for each fenced block."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m.group(1), m.group(2), m.group(3).strip()
        start = i + 1
        body = []
        i += 1
        while i < len(lines):
            m2 = FENCE.match(lines[i])
            if m2 and m2.group(2).startswith(fence[0] * len(fence)) and not m2.group(3).strip():
                break
            text = lines[i]
            if indent and text.startswith(indent):
                text = text[len(indent):]
            body.append((i + 1, text))
            i += 1
        i += 1
        yield info, start, body


def commands(body):
    """Logical commands of a plain command block: continuation lines joined, comments and
    blank lines dropped. Yields (line_no, command)."""
    pending, at = "", 0
    for no, text in body:
        if not pending and (not text.strip() or text.lstrip().startswith("#")):
            continue
        if not pending:
            at = no
        if text.endswith("\\"):
            pending += text[:-1] + " "
            continue
        yield at, pending + text
        pending = ""
    if pending:
        yield at, pending


def transcript(body):
    """(line_no, command, expected_output_lines) for each `$ ` line of a transcript."""
    items = []
    for no, text in body:
        if text.startswith("$ "):
            items.append([no, text[2:], []])
        elif items:
            items[-1][2].append(text)
        # text before the first `$ ` line is prose-like output of nothing: ignored
    for item in items:
        while item[2] and not item[2][-1].strip():
            item[2].pop()
    return items


def expected_exit(command):
    m = EXIT_MARK.search(command)
    return (int(m.group(1)), command[: m.start()]) if m else (0, command)


def line_matches(pattern, text):
    if WILD not in pattern:
        return pattern == text
    parts = pattern.split(WILD)
    regex = ".*".join(re.escape(p) for p in parts)
    return re.fullmatch(regex, text) is not None


def output_matches(expected, actual):
    """Whether actual lines match expected lines, where a line `[...]` matches any run of
    lines (including none)."""
    memo = {}

    def go(i, j):
        key = (i, j)
        if key in memo:
            return memo[key]
        if i == len(expected):
            r = j == len(actual)
        elif expected[i].strip() == WILD:
            r = any(go(i + 1, k) for k in range(j, len(actual) + 1))
        else:
            r = j < len(actual) and line_matches(expected[i], actual[j]) and go(i + 1, j + 1)
        memo[key] = r
        return r

    return go(0, 0)


def repo_files(repo):
    """The files git tracks, or, outside a git checkout (a source tarball), every file but
    the build trees."""
    got = subprocess.run(["git", "-C", repo, "ls-files", "-z"], capture_output=True)
    if got.returncode == 0:
        return got.stdout.decode().split("\0")
    out = []
    for top, dirs, names in os.walk(repo):
        dirs[:] = [d for d in dirs if not (top == repo and d in ("build", ".git"))]
        out += [os.path.relpath(os.path.join(top, n), repo) for n in names]
    return out


def scratch_copy(repo, dest):
    files = repo_files(repo)
    for rel in files:
        if not rel:
            continue
        src = os.path.join(repo, rel)
        if not os.path.lexists(src):
            continue  # deleted in the work tree
        dst = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if os.path.islink(src):
            os.symlink(os.readlink(src), dst)
        else:
            shutil.copy2(src, dst)


def run_page(pgi, repo, page):
    rel_page = os.path.relpath(page, repo)
    work = tempfile.mkdtemp(prefix="pgi-doc-")
    try:
        root = os.path.join(work, "repo")
        os.makedirs(root)
        scratch_copy(repo, root)
        bindir = os.path.join(work, "bin")
        os.makedirs(bindir)
        os.symlink(os.path.abspath(pgi), os.path.join(bindir, "pgi"))
        home = os.path.join(work, "home")
        os.makedirs(home)
        env = {
            "PATH": bindir + ":/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "SOURCE_DATE_EPOCH": "1764979200",
            "TZ": "UTC",
            "LC_ALL": "C.UTF-8",
            "NO_COLOR": "1",
            "TERM": "dumb",
        }
        for keep in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if keep in os.environ:
                env[keep] = os.environ[keep]

        # One shell for the page: state (cd, variables, created files) carries over.
        shell = subprocess.Popen(["bash", "--noprofile", "--norc"], cwd=root, env=env,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT)
        checks = []  # (line, command, expected_rc, expected_output or None, out_file)
        script = []
        n = 0
        for info, start, body in blocks(page):
            words = info.split()
            lang = words[0] if words else ""
            attrs = dict(w.split("=", 1) for w in words[1:] if "=" in w)
            has_prompt = any(t.startswith("$ ") for _, t in body)
            if "file" in attrs:
                path = os.path.join(root, attrs["file"])
                os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
                content = "\n".join(t for _, t in body) + "\n"
                with open(path, "w", encoding="utf-8") as f:
                    f.write(content)
                if content.startswith("#!"):
                    os.chmod(path, 0o755)
                continue
            if lang not in RUN_LANGS and not has_prompt:
                continue
            if any(t.strip().startswith(SKIP_MARK) for _, t in body):
                continue
            if has_prompt:
                items = [(no, cmd, out) for no, cmd, out in transcript(body)]
            else:
                items = [(no, cmd, None) for no, cmd in commands(body)]
            for no, cmd, out in items:
                rc, bare = expected_exit(cmd)
                n += 1
                out_file = os.path.join(work, f"out{n}")
                script.append(f"{{ {bare}\n}} >{out_file} 2>&1 </dev/null; echo \"$?\" >{out_file}.rc\n")
                checks.append((no, bare, rc, out, out_file))
        script.append("exit 0\n")
        try:
            shell.communicate("".join(script).encode(), timeout=600)
        except subprocess.TimeoutExpired:
            shell.kill()
            print(f"{rel_page}: the page's commands took more than 600 s")
            return 0, 1

        passed = failed = 0
        for no, cmd, rc, out, out_file in checks:
            where = f"{rel_page}:{no}"
            if not os.path.exists(out_file + ".rc"):
                print(f"{where}: not run (an earlier command ended the shell): {cmd}")
                failed += 1
                continue
            with open(out_file + ".rc") as f:
                got_rc = int(f.read().strip() or "-1")
            with open(out_file, encoding="utf-8", errors="replace") as f:
                got = f.read()
            got_lines = got.rstrip("\n").split("\n") if got else []
            problems = []
            if got_rc != rc:
                problems.append(f"exit {got_rc}, the page expects {rc}")
            if out is not None and not output_matches(out, got_lines):
                problems.append("output differs from the page")
            if problems:
                failed += 1
                print(f"{where}: {'; '.join(problems)}: $ {cmd}")
                if out is not None and "output differs from the page" in problems:
                    import difflib
                    for d in difflib.unified_diff(out, got_lines, "page", "actual", lineterm=""):
                        print("    " + d)
                elif got:
                    for line in got_lines[:15]:
                        print("    | " + line)
            else:
                passed += 1
        return passed, failed
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    pgi = argv[1]
    repo = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True,
                          text=True).stdout.strip() or os.getcwd()
    total_p = total_f = 0
    for page in argv[2:]:
        p, f = run_page(pgi, repo, os.path.abspath(page))
        print(f"{os.path.relpath(os.path.abspath(page), repo)}: {p} passed, {f} failed")
        total_p += p
        total_f += f
    return 0 if total_f == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""ptrcheck benchmarks (issue 7).  Run by `make bench`; see bench/README.md.

Every figure is a ratio of two configurations measured in the same run, alternating A,B,A,B,...
(so drift and other jobs on the machine hit both sides alike), reported as the median over the
repetitions of the per-pair ratio.  Time is CPU time (user+sys of the process tree, from wait4:
the same counters /usr/bin/time reads) unless a figure says wall; peak memory is ru_maxrss
(= /usr/bin/time -f %M).  Optionally (BENCH_CALLGRIND=1, the default) the plugin-overhead ratios are
also measured as instruction counts under valgrind --tool=callgrind: noise-free, on a smaller file.

usage: bench.py --prefix INSTALL_PREFIX --llvm N [--reps R] [--jobs J] [--out bench/results.md]
"""
import argparse, json, os, platform, shlex, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.environ.get('BENCH_CACHE', os.path.join(HERE, 'cache'))


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run(cmd, cwd=None, env=None, timeout=3600, stdin=None):
    """Runs cmd; returns (rc, cpu seconds of the tree, wall seconds, peak RSS KiB, stderr)."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err,
                             stdin=stdin or subprocess.DEVNULL)
        try:
            _, status, ru = os.wait4(p.pid, 0)
        except BaseException:
            p.kill()
            raise
        p.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
        err.seek(0)
        e = err.read().decode(errors='replace')
    return p.returncode, ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss, e


def must(cmd, ok=(0,), **kw):
    r = run(cmd, **kw)
    if r[0] not in ok:
        raise SystemExit('bench: command failed (rc=%s): %s\n%s' % (r[0], ' '.join(map(shlex.quote, cmd)), r[4][-2000:]))
    return r


def pairs(name, a, b, reps, ok=(0,), warm=True, **kw):
    """Alternating runs of a (baseline) and b; returns dict of medians and per-pair ratios."""
    ta, tb, wa, wb, ma, mb = [], [], [], [], [], []
    if warm:
        must(a, ok, **kw); must(b, ok, **kw)  # warm the page cache and the dynamic loader
    for i in range(reps):
        order = [(a, ta, wa, ma), (b, tb, wb, mb)] if i % 2 == 0 else [(b, tb, wb, mb), (a, ta, wa, ma)]
        for cmd, t, w, m in order:
            _, cpu, wall, rss, _ = must(cmd, ok, **kw)
            t.append(cpu); w.append(wall); m.append(rss)
    r = {
        'name': name,
        'cpu_a': statistics.median(ta), 'cpu_b': statistics.median(tb),
        'ratio': statistics.median([y / x for x, y in zip(ta, tb)]),
        'wall_ratio': statistics.median([y / x for x, y in zip(wa, wb)]),
        'spread': (min(y / x for x, y in zip(ta, tb)), max(y / x for x, y in zip(ta, tb))),
        'rss_a': statistics.median(ma), 'rss_b': statistics.median(mb),
        'reps': reps,
    }
    log('  %-44s base %7.2fs  with %7.2fs  ratio %.3f (min %.3f max %.3f, wall %.3f)' % (
        name, r['cpu_a'], r['cpu_b'], r['ratio'], r['spread'][0], r['spread'][1], r['wall_ratio']))
    return r


def callgrind(cmd, cwd=None):
    """Instructions executed by cmd (clang runs cc1 in-process) under callgrind."""
    r = run(['valgrind', '--tool=callgrind', '--callgrind-out-file=/dev/null'] + cmd, cwd=cwd, timeout=7200)
    for line in r[4].splitlines():
        if 'Collected :' in line:
            return int(line.split(':')[-1])
    raise SystemExit('bench: callgrind gave no count for %s\n%s' % (' '.join(cmd), r[4][-1500:]))


def entry_args(e):
    """An entry's arguments without the compiler, -c/-o and dependency-file options."""
    a = e.get('arguments') or shlex.split(e['command'])
    out, skip = [], False
    for x in a[1:]:
        if skip:
            skip = False
            continue
        if x in ('-o', '-MF', '-MT', '-MQ'):
            skip = True
            continue
        if x in ('-c', '-S', '-E', '-MD', '-MMD', '-MP', '-Werror') or x.startswith('-MF') or x.startswith('-MT') \
                or x.startswith('-MQ') or x.startswith('-Werror='):
            continue
        out.append(x)
    return out


def write_par(jobs, cmds, path):
    """A command running cmds (lists) with at most `jobs` at a time (xargs -P), one shell line each.
    Each command's exit status is ignored (clang --analyze and clang-tidy may exit non-zero on code
    that compiles: they still did the work)."""
    with open(path, 'w') as f:
        for d, c in cmds:
            f.write('cd %s && %s >/dev/null 2>&1; true\n' % (shlex.quote(d), ' '.join(map(shlex.quote, c))))
    return ['xargs', '-a', path, '-d', '\n', '-P', str(jobs), '-I{}', 'sh', '-c', '{}']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--prefix', required=True)
    ap.add_argument('--llvm', default='14')
    ap.add_argument('--reps', type=int, default=int(os.environ.get('BENCH_REPS', '5')))
    ap.add_argument('--jobs', type=int, default=int(os.environ.get('BENCH_JOBS', str(os.cpu_count() or 2))))
    ap.add_argument('--scale-n', type=int, default=int(os.environ.get('BENCH_SCALE_N', '1500')))
    ap.add_argument('--callgrind', default=os.environ.get('BENCH_CALLGRIND', '1'))
    ap.add_argument('--out', default=os.path.join(HERE, 'results.md'))
    ap.add_argument('--only', default=os.environ.get('BENCH_ONLY', ''), help='comma list of figure groups')
    a = ap.parse_args()
    only = set(filter(None, a.only.split(',')))
    want = lambda g: not only or g in only

    so = os.path.join(a.prefix, 'lib/ptrcheck/ptrcheck.so')
    cli = os.path.join(a.prefix, 'bin/ptrcheck')
    clang = '/usr/bin/clang-%s' % a.llvm
    tidy = '/usr/bin/clang-tidy-%s' % a.llvm
    for f in (so, cli, clang):
        if not os.path.exists(f):
            raise SystemExit('bench: missing %s' % f)
    sqlite_dir = os.path.join(CACHE, 'sqlite')
    corpus_db = os.path.join(CACHE, 'corpus', 'compile_commands.json')
    if not os.path.exists(os.path.join(sqlite_dir, 'sqlite3.c')) or not os.path.exists(corpus_db):
        raise SystemExit('bench: inputs missing; run bench/fetch.sh')
    fe = ['-fplugin=' + so]
    both = ['-fplugin=' + so, '-fpass-plugin=' + so]
    quiet = ['-w', '-fno-color-diagnostics']  # -w: clang's own warnings; ptrcheck findings still print
    R = a.reps
    res = []  # (group, figure, measured, target, cmp, note)
    env_cli = dict(os.environ, PTRCHECK_CLANG=clang)

    log('bench: ptrcheck %s, clang %s, %d reps, -j%d, on %s (%d cores), load %s' % (
        a.prefix, a.llvm, R, a.jobs, platform.node(), os.cpu_count(), os.getloadavg()))

    S = ['sqlite3.c', '-DSQLITE_THREADSAFE=1']
    if want('plugin'):
        log('sqlite3.c (%s lines):' % sum(1 for _ in open(os.path.join(sqlite_dir, 'sqlite3.c'), 'rb')))
        r = pairs('AST: -fsyntax-only, -fplugin vs none', [clang, '-fsyntax-only'] + quiet + S,
                  [clang, '-fsyntax-only'] + quiet + fe + S, R, cwd=sqlite_dir)
        res.append(('plugin', 'AST overhead: `clang -fsyntax-only` with/without `-fplugin` (sqlite3.c)', r['ratio'], 1.03, r))
        r0 = pairs('-O0 -c, both plugins vs none', [clang, '-O0', '-c', '-o', '/dev/null'] + quiet + S,
                   [clang, '-O0', '-c', '-o', '/dev/null'] + quiet + both + S, R, cwd=sqlite_dir)
        res.append(('plugin', 'plugin + IR pass overhead, `-O0 -c` (sqlite3.c)', r0['ratio'], 1.05, r0))
        r2 = pairs('-O2 -c, both plugins vs none', [clang, '-O2', '-c', '-o', '/dev/null'] + quiet + S,
                   [clang, '-O2', '-c', '-o', '/dev/null'] + quiet + both + S, max(3, R - 2), cwd=sqlite_dir)
        res.append(('plugin', 'plugin + IR pass overhead, `-O2 -c` (sqlite3.c)', r2['ratio'], 1.02, r2))
        mem = max(r0['rss_b'] / r0['rss_a'], r2['rss_b'] / r2['rss_a'])
        res.append(('plugin', 'peak memory (max RSS) ratio, `-O0`/`-O2 -c` (sqlite3.c), worst of the two', mem, 1.05,
                    {'note': 'O0 %.0f->%.0f MiB, O2 %.0f->%.0f MiB' % (r0['rss_a'] / 1024, r0['rss_b'] / 1024,
                                                                   r2['rss_a'] / 1024, r2['rss_b'] / 1024)}))
        res.append(('issue3', 'issue 3: largest C file (sqlite3.c), `-O0 -c` and `-O2 -c` with both plugins vs none, worst',
                    max(r0['ratio'], r2['ratio']), 1.05, {'note': 'O0 %.3f, O2 %.3f (wall %.3f, %.3f)' % (
                        r0['ratio'], r2['ratio'], r0['wall_ratio'], r2['wall_ratio'])}))

    if want('callgrind-sqlite') and a.callgrind not in ('0', 'no', ''):
        # The acceptance rows of issues 10/13 on sqlite3.c itself, as instruction counts (a CPU-time ratio
        # of a sub-second compile varies by +-30 % here).  Minutes per run under valgrind; the -O0 row
        # can be dropped with BENCH_CALLGRIND_SQLITE=syntax.
        modes = os.environ.get('BENCH_CALLGRIND_SQLITE', 'syntax,O0').split(',')
        log('callgrind on sqlite3.c (instructions):')
        for key, extra, plug, tgt, what in (
                ('syntax', ['-fsyntax-only'], fe, 1.03, '`-fsyntax-only` with/without `-fplugin`'),
                ('O0', ['-O0', '-c', '-o', '/dev/null'], both, 1.05, '`-O0 -c`, both plugins vs none')):
            if key not in modes:
                continue
            base = [clang] + quiet + extra + S
            i0 = callgrind(base, cwd=sqlite_dir)
            i1 = callgrind(base[:1] + plug + base[1:], cwd=sqlite_dir)
            log('  %-12s %d -> %d instructions, ratio %.4f' % (key, i0, i1, i1 / i0))
            res.append(('callgrind-sqlite', 'instructions (callgrind), %s (sqlite3.c)' % what, i1 / i0, tgt,
                        {'note': '%d → %d' % (i0, i1)}))

    if want('callgrind') and a.callgrind not in ('0', 'no', ''):
        # A mid-sized real file: instruction counts are reproducible to <0.1 %, unlike time on a shared box.
        ents = json.load(open(corpus_db))
        names = tuple('/' + n for n in os.environ.get('BENCH_CALLGRIND_FILES', 'lvm.c').split(','))
        pick = [e for e in ents if e['file'].endswith(names)] or ents[:1]
        log('callgrind (instructions, %s):' % ', '.join(os.path.basename(e['file']) for e in pick))
        for mode, extra, plug, tgt in (('-fsyntax-only', ['-fsyntax-only'], fe, 1.03),
                                        ('-O0 -c', ['-O0', '-c', '-o', '/dev/null'], both, 1.05),
                                        ('-O2 -c', ['-O2', '-c', '-o', '/dev/null'], both, 1.02)):
            i0 = i1 = 0
            for e in pick:
                base = [clang] + entry_args(e) + quiet + extra
                i0 += callgrind(base, cwd=e['directory'])
                i1 += callgrind(base[:1] + plug + base[1:], cwd=e['directory'])
            log('  %-12s %d -> %d instructions, ratio %.4f' % (mode, i0, i1, i1 / i0))
            res.append(('callgrind', 'instructions (callgrind), %s with/without plugin(s) (%s)' % (
                mode, ', '.join(os.path.basename(e['file']) for e in pick)), i1 / i0, tgt, {'note': '%d → %d' % (i0, i1)}))

    if want('cli'):
        ents = json.load(open(corpus_db))
        log('corpus: %d files, -j%d' % (len(ents), a.jobs))
        tmp = tempfile.mkdtemp(prefix='ptrcheck-bench-')
        syn = write_par(a.jobs, [(e['directory'], [clang, '-fsyntax-only'] + quiet + entry_args(e)) for e in ents],
                        os.path.join(tmp, 'syntax.sh'))
        pc = [cli, '-p', os.path.dirname(corpus_db), '-j', str(a.jobs), '-q', '-o', os.path.join(tmp, 'out.txt')]
        r = pairs('CLI vs clang -fsyntax-only (same files, -j)', syn, pc, R, ok=(0, 1), env=env_cli)
        res.append(('cli', 'CLI `ptrcheck -p` over the corpus vs `clang -fsyntax-only` over the same files, same -j', r['ratio'], 1.5, r))
        rw = r
        if os.path.exists(tidy):
            files = [e['file'] for e in ents]
            td = write_par(a.jobs, [(e['directory'], [tidy, '-p', os.path.dirname(corpus_db), '--quiet',
                                                       '--checks=-*,performance-no-int-to-ptr,clang-analyzer-core.StackAddressEscape',
                                                       e['file']]) for e in ents], os.path.join(tmp, 'tidy.sh'))
            r = pairs('CLI vs clang-tidy (2 checks)', td, pc, max(2, R - 3), ok=(0, 1), warm=False, env=env_cli)
            res.append(('cli', 'CLI vs `clang-tidy` (performance-no-int-to-ptr, clang-analyzer-core.StackAddressEscape)', r['ratio'], 0.2, r))
        an = write_par(a.jobs, [(e['directory'], [clang, '--analyze', '-o', '/dev/null'] + quiet + entry_args(e)) for e in ents],
                       os.path.join(tmp, 'analyze.sh'))
        r = pairs('CLI vs clang --analyze', an, pc, max(2, R - 3), ok=(0, 1), warm=False, env=env_cli)
        res.append(('cli', 'CLI vs `clang --analyze` (default checkers)', r['ratio'], 0.2, r))

    if want('scale'):
        tmp = tempfile.mkdtemp(prefix='ptrcheck-scale-')
        gen = os.path.join(tmp, 'gen_tu')
        must([clang, '-O2', '-o', gen, os.path.join(HERE, 'gen_tu.c')])
        for k in sorted({a.scale_n, 2 * a.scale_n, max(1, a.scale_n // 5), 2 * max(1, a.scale_n // 5)}):
            with open(os.path.join(tmp, 'tu%d.c' % k), 'w') as f:
                subprocess.run([gen, str(k)], stdout=f, check=True)
        log('scaling (generated pointer-heavy TU, N vs 2N functions):')
        for mode, extra, n in (('-O0 -c', ['-O0'], a.scale_n), ('-O2 -c', ['-O2'], max(1, a.scale_n // 5))):
            cmd = lambda k: [clang] + both + quiet + extra + ['-c', '-o', '/dev/null', 'tu%d.c' % k]
            r = pairs('both plugins, %s: N vs 2N' % mode, cmd(n), cmd(2 * n), R, cwd=tmp)
            res.append(('scale', 'scaling: %s with both plugins, 2N vs N functions (N=%d)' % (mode, n), r['ratio'], 2.1, r))
            cmd0 = lambda k: [clang] + quiet + extra + ['-c', '-o', '/dev/null', 'tu%d.c' % k]
            r0 = pairs('no plugins, %s: N vs 2N (reference)' % mode, cmd0(n), cmd0(2 * n), max(3, R - 2), cwd=tmp)
            res.append(('scale', 'reference: %s without plugins, 2N vs N' % mode, r0['ratio'], None, r0))

    # ---------------------------------------------------------------- report
    machine = '%s, %s, %d cores, %s; clang %s; load average at end %.1f' % (
        platform.node(), cpu_model(), os.cpu_count(), platform.platform(terse=True), a.llvm, os.getloadavg()[0])
    lines = ['# ptrcheck benchmark results', '',
             'Generated by `make bench` on %s (%s).' % (time.strftime('%Y-%m-%d %H:%M'), machine),
             'Ratios are medians over alternating runs in the same session (CPU time user+sys unless noted; '
             '%d repetitions for the short figures); lower is better.' % R, '',
             '| figure | measured | target | met? | notes |', '|---|---|---|---|---|']
    for g, fig, m, t, r in res:
        met = '—' if t is None else ('yes' if m <= t else '**no**')
        note = r.get('note', '')
        if 'spread' in r:
            note = 'min–max %.3f–%.3f; wall ratio %.3f; %.2fs→%.2fs' % (r['spread'][0], r['spread'][1], r['wall_ratio'],
                                                                       r['cpu_a'], r['cpu_b'])
        lines.append('| %s | %.3f | %s | %s | %s |' % (fig, m, '—' if t is None else '≤ %.2f' % t, met, note))
    open(a.out, 'w').write('\n'.join(lines) + '\n')
    print('\n'.join(lines))
    chart(res, os.path.splitext(a.out)[0] + '.png')


def cpu_model():
    try:
        for line in open('/proc/cpuinfo'):
            if line.startswith('model name'):
                return line.split(':', 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or 'unknown CPU'


def chart(res, path):
    """PNG bar chart of measured/target (1.0 = exactly on target).  Needs python3-matplotlib."""
    code = r'''
import json, sys
import matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
res = json.loads(sys.argv[1]); out = sys.argv[2]
res = [r for r in res if r[2] is not None]
labels = [r[0] for r in res]; vals = [r[1] / r[2] for r in res]
fig, ax = plt.subplots(figsize=(10, 0.45 * len(res) + 1.5))
ax.barh(range(len(res)), vals, color=["tab:green" if v <= 1 else "tab:red" for v in vals])
ax.axvline(1.0, color="black", lw=1)
ax.set_yticks(range(len(res))); ax.set_yticklabels(labels, fontsize=7); ax.invert_yaxis()
for i, r in enumerate(res): ax.text(vals[i], i, "  %.3f (target %.2f)" % (r[1], r[2]), va="center", fontsize=7)
ax.set_xlabel("measured / target  (<= 1: target met)")
ax.set_title("ptrcheck overhead ratios")
fig.tight_layout(); fig.savefig(out, dpi=110)
'''
    data = json.dumps([(fig.replace('`', '')[:80], m, t) for _, fig, m, t, _ in res])
    # Debian's matplotlib lives in the system python, which may not be the python3 first on PATH.
    for py in ('/usr/bin/python3', sys.executable):
        if subprocess.run([py, '-c', code, data, path], capture_output=True).returncode == 0:
            log('bench: chart in %s' % path)
            return
    log('bench: no chart (python3-matplotlib missing)')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""ptrcheck robustness (issue 7), run by `make stress`:

  (a) crash-free: every C file of the benchmark corpora (bench/cache: the Debian corpus and sqlite3.c)
      compiled with and without the installed plugins; count files clang compiles without the plugins
      but that fail, crash or hang with them (must be 0);
  (b) codegen untouched: the object files with and without both plugins are byte-identical, at -O0 and -O2;
  (c) determinism: two CLI runs (`ptrcheck -p`) give identical text diagnostics and identical SARIF;
  (d) libFuzzer targets for the YAML loaders (config, layout tables), FUZZ_SECONDS each (default 60),
      seeded from testdata/config, bench/fuzz/seeds-* (alias bombs, deep nesting) and a generated table.

usage: stress.py --prefix INSTALL_PREFIX --llvm N [--jobs J] [--fuzz-seconds S] [--only a,b,c,d]
Exit status 1 when any count that must be 0 is not.
"""
import argparse, concurrent.futures, filecmp, glob, json, os, shlex, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CACHE = os.environ.get('BENCH_CACHE', os.path.join(HERE, 'cache'))
sys.path.insert(0, HERE)
from bench import entry_args  # noqa: E402


def compile_pair(clang, so, e, opt, tmp, idx):
    """Returns (status, detail): 'skip' (fails without), 'broken', 'identical', 'differ'."""
    args = entry_args(e)
    args = [a for a in args if not (a.startswith('-O') and len(a) <= 3)]
    o0, o1 = os.path.join(tmp, '%d%s.a.o' % (idx, opt)), os.path.join(tmp, '%d%s.b.o' % (idx, opt))
    base = [clang] + args + ['-' + opt, '-w', '-c']
    try:
        p0 = subprocess.run(base + ['-o', o0], cwd=e['directory'], capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return 'skip', 'timeout without the plugins'
    if p0.returncode:
        return 'skip', p0.stderr[-300:]
    try:
        p1 = subprocess.run(base[:1] + ['-fplugin=' + so, '-fpass-plugin=' + so] + base[1:] + ['-o', o1],
                            cwd=e['directory'], capture_output=True, text=True, timeout=1200)
    except subprocess.TimeoutExpired:
        return 'broken', 'hang (timeout 1200 s) with the plugins'
    try:
        if p1.returncode != 0 or 'Stack dump' in p1.stderr or 'PLEASE submit a bug report' in p1.stderr:
            return 'broken', 'rc=%d %s' % (p1.returncode, p1.stderr.strip()[-400:])
        return ('identical' if filecmp.cmp(o0, o1, shallow=False) else 'differ'), ''
    finally:
        for o in (o0, o1):
            if os.path.exists(o):
                os.unlink(o)


def part_ab(a, clang, so, dbs):
    ents = []
    for db in dbs:
        ents += [e for e in json.load(open(db)) if e['file'].endswith('.c')]
    tmp = tempfile.mkdtemp(prefix='ptrcheck-stress-')
    bad = 0
    for opt in ('O0', 'O2'):
        counts, notes = {'identical': 0, 'differ': 0, 'broken': 0, 'skip': 0}, []
        with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
            futs = {ex.submit(compile_pair, clang, so, e, opt, tmp, i): e for i, e in enumerate(ents)}
            for f in concurrent.futures.as_completed(futs):
                st, d = f.result()
                counts[st] += 1
                if st in ('broken', 'differ'):
                    notes.append('    %s %s: %s' % (st.upper(), futs[f]['file'], d))
        tu = counts['identical'] + counts['differ'] + counts['broken']
        print('stress (a) -%s: %d C files, %d compile without the plugins, broken with the plugins: %d' % (
            opt, len(ents), tu, counts['broken']))
        print('stress (b) -%s: object files byte-identical: %d, different: %d (of %d compiled with both)' % (
            opt, counts['identical'], counts['differ'], counts['identical'] + counts['differ']))
        if counts['skip']:
            print('    (%d files do not compile even without the plugins: not counted)' % counts['skip'])
        for n in notes[:20]:
            print(n)
        bad += counts['broken'] + counts['differ']
        sys.stdout.flush()
    shutil.rmtree(tmp, ignore_errors=True)
    return bad


def part_c(a, cli, clang, dbdirs):
    tmp = tempfile.mkdtemp(prefix='ptrcheck-determinism-')
    env = dict(os.environ, PTRCHECK_CLANG=clang)
    bad = 0
    for d in dbdirs:
        outs = {}
        for fmt in ('text', 'sarif'):
            for run in (1, 2):
                o = os.path.join(tmp, '%s.%d.%s' % (os.path.basename(d), run, fmt))
                # Different -j per run: the report must not depend on completion order.
                p = subprocess.run([cli, '-p', d, '-j', str(a.jobs if run == 1 else 1), '-q', '--format=' + fmt, '-o', o],
                                   env=env, capture_output=True, text=True, timeout=7200)
                if p.returncode not in (0, 1) or not os.path.exists(o):
                    print('stress (c) %s: ptrcheck failed (rc=%d): %s' % (d, p.returncode, p.stderr[-500:]))
                    bad += 1
                outs.setdefault(fmt, []).append(o)
        same = {fmt: len(v) == 2 and all(map(os.path.exists, v)) and filecmp.cmp(v[0], v[1], shallow=False)
                for fmt, v in outs.items()}
        nfind = sum(1 for line in open(outs['text'][0]) if ': warning: ' in line) if os.path.exists(outs['text'][0]) else -1
        print('stress (c) %s: two runs (-j%d, -j1): text %s (%d findings), SARIF %s' % (
            os.path.relpath(d, HERE), a.jobs, 'identical' if same['text'] else 'DIFFERENT', nfind,
            'identical' if same['sarif'] else 'DIFFERENT'))
        for fmt, ok in same.items():
            if not ok:
                bad += 1
                subprocess.run(['diff', outs[fmt][0], outs[fmt][1]], stdout=sys.stdout) if a.verbose else None
    sys.stdout.flush()
    return bad


def part_d(a, clang):
    rt = subprocess.run([clang, '-print-file-name=libclang_rt.fuzzer-x86_64.a'], capture_output=True, text=True).stdout.strip()
    if not os.path.exists(rt):
        print('stress (d): libFuzzer missing for %s (Debian: libclang-rt-%s-dev)' % (clang, a.llvm))
        return 1
    inc = ['-I' + os.path.join(REPO, p) for p in ('plugin/include', 'plugin/compat', 'checks')]
    gen = tempfile.mkdtemp(prefix='ptrcheck-fuzz-')
    os.makedirs(os.path.join(gen, 'ptrcheck'))
    # version.h is generated by CMake; the loaders do not use its values.
    ver = open(os.path.join(REPO, 'plugin/include/ptrcheck/version.h.in')).read()
    for k in ('@PROJECT_VERSION@', '@PROJECT_VERSION_MAJOR@', '@PROJECT_VERSION_MINOR@', '@PROJECT_VERSION_PATCH@',
              '@LLVM_VERSION_MAJOR@', '@LLVM_PACKAGE_VERSION@', '@PTRCHECK_CLANG@'):
        ver = ver.replace(k, '0')
    open(os.path.join(gen, 'ptrcheck', 'version.h'), 'w').write(ver)
    srcs = [os.path.join(REPO, s) for s in (
        'plugin/engine/config.c', 'plugin/engine/error.c', 'plugin/engine/util.c', 'plugin/engine/glob.c',
        'plugin/engine/target.c', 'plugin/engine/checks.c', 'plugin/layout/table.c')]
    bad = 0
    for name, define, seeds in (('config', 'FUZZ_CONFIG', [os.path.join(REPO, 'testdata/config'), os.path.join(HERE, 'fuzz/seeds-config'),
                                                          os.path.join(REPO, 'share')]),
                                ('layout', 'FUZZ_LAYOUT', [os.path.join(HERE, 'fuzz/seeds-layout')])):
        exe = os.path.join(gen, 'fuzz_' + name)
        p = subprocess.run([clang, '-std=gnu11', '-g', '-O1', '-fsanitize=fuzzer,address,undefined',
                            '-fno-sanitize-recover=undefined', '-D' + define] + inc + ['-I' + gen,
                            os.path.join(HERE, 'fuzz/fuzz_yaml.c')] + srcs + ['-lyaml', '-o', exe],
                           capture_output=True, text=True)
        if p.returncode:
            print('stress (d) %s: fuzzer build failed:\n%s' % (name, p.stderr[-2000:]))
            bad += 1
            continue
        corpus = os.path.join(CACHE, 'fuzz', name)
        os.makedirs(corpus, exist_ok=True)
        seedfiles = [f for d in seeds for f in glob.glob(os.path.join(d, '*.yaml'))]
        # 1) every seed once (regressions: alias bombs, deep nesting), 2) fuzz for the set time.
        r1 = subprocess.run([exe, '-runs=0', '-timeout=10', '-rss_limit_mb=2048'] + seedfiles,
                            capture_output=True, text=True, timeout=600)
        r2 = subprocess.run([exe, corpus] + seeds + ['-max_total_time=%d' % a.fuzz_seconds, '-timeout=10',
                            '-rss_limit_mb=2048', '-max_len=65536', '-print_final_stats=1',
                            '-artifact_prefix=' + os.path.join(CACHE, 'fuzz', name + '-')],
                           capture_output=True, text=True, timeout=a.fuzz_seconds + 600)
        stats = dict(l[len('stat::'):].split(':', 1) for l in r2.stderr.splitlines() if l.startswith('stat::'))
        execs = stats.get('number_of_executed_units', '?').strip()
        cov = [l for l in r2.stderr.splitlines() if ' cov: ' in l]
        covs = cov[-1].split(' cov: ')[1].split()[0] if cov else '?'
        ok = r1.returncode == 0 and r2.returncode == 0
        print('stress (d) fuzz %s: %d seeds replayed %s; %s s, %s executions, coverage %s edges: %s' % (
            name, len(seedfiles), 'ok' if r1.returncode == 0 else 'FAILED', a.fuzz_seconds, execs, covs,
            'no crash, leak or hang' if ok else 'FAILED'))
        if not ok:
            bad += 1
            tail = (r1.stderr if r1.returncode else r2.stderr).splitlines()
            print('\n'.join('    ' + l for l in tail[-40:]))
    sys.stdout.flush()
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--prefix', required=True)
    ap.add_argument('--llvm', default='14')
    ap.add_argument('--jobs', type=int, default=int(os.environ.get('JOBS', str(os.cpu_count() or 2))))
    ap.add_argument('--fuzz-seconds', type=int, default=int(os.environ.get('FUZZ_SECONDS', '60')))
    ap.add_argument('--only', default=os.environ.get('STRESS_ONLY', 'a,b,c,d'))
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args()
    only = set(a.only.split(','))
    so = os.path.join(a.prefix, 'lib/ptrcheck/ptrcheck.so')
    cli = os.path.join(a.prefix, 'bin/ptrcheck')
    clang = '/usr/bin/clang-%s' % a.llvm
    dbdirs = [os.path.join(CACHE, 'corpus'), os.path.join(CACHE, 'sqlite')]
    dbs = [os.path.join(d, 'compile_commands.json') for d in dbdirs]
    for f in [so, cli, clang] + dbs:
        if not os.path.exists(f):
            raise SystemExit('stress: missing %s (run bench/fetch.sh and install ptrcheck)' % f)
    bad = 0
    if only & {'a', 'b'}:
        bad += part_ab(a, clang, so, dbs)
    if 'c' in only:
        bad += part_c(a, cli, clang, dbdirs)
    if 'd' in only:
        bad += part_d(a, clang)
    print('stress: %s' % ('all clean' if bad == 0 else '%d problem(s)' % bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())

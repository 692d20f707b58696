/* Preprocessor conditions on other targets (ptrcheck.h, "Preprocessor conditions").
 *
 * One preprocessing shows which branches the compiling target takes.  A condition that tests the
 * target's or compiler's identity (`defined(__x86_64__) && !defined(_WIN64)`, `__SIZEOF_LONG__ == 8`)
 * is evaluated here for another target from what its compilers are known to predefine, in three
 * values: holds, does not, not known.  Every other macro keeps the value this preprocessing gave it,
 * except one defined or undefined under a target-dependent condition (valgrind.h's PLAT_amd64_linux),
 * whose value elsewhere is not known. */
#include <ptrcheck/ptrcheck.h>

#include <stdlib.h>
#include <string.h>

typedef enum {
    A_OTHER,
    A_X86_64,
    A_X86,
    A_AARCH64,
    A_ARM,
    A_PPC,
    A_PPC64,
    A_MIPS,
    A_MIPS64,
    A_RISCV,
    A_S390X,
    A_WASM,
    A_SPARC,
    A_LOONGARCH
} arch_t;

typedef enum { O_OTHER, O_LINUX, O_DARWIN, O_WINDOWS, O_FREEBSD, O_NETBSD, O_OPENBSD } os_t;

typedef struct ident_s {
    arch_t arch;
    os_t os;
    int msvc;    /* Windows with the Microsoft compiler (or clang-cl): no GCC macros */
    int android; /* a Linux triple with an Android environment */
    ptrcheck_target_t t;
} ident_t;

static int starts(const char *s, size_t len, const char *w)
{
    size_t n = strlen(w);
    return len >= n && memcmp(s, w, n) == 0;
}

static int ident_parse(const char *triple, ident_t *id)
{
    memset(id, 0, sizeof *id);
    if (!ptrcheck_target_parse(triple, &id->t))
        return 0;
    const char *dash = strchr(triple, '-');
    size_t alen = dash ? (size_t)(dash - triple) : strlen(triple);
    static const struct {
        const char *prefix;
        arch_t arch;
    } arches[] = {{"x86_64", A_X86_64}, {"amd64", A_X86_64},  {"i386", A_X86},       {"i486", A_X86},
                  {"i586", A_X86},      {"i686", A_X86},      {"x86", A_X86},        {"aarch64", A_AARCH64},
                  {"arm64", A_AARCH64}, {"arm", A_ARM},       {"thumb", A_ARM},      {"powerpc64", A_PPC64},
                  {"ppc64", A_PPC64},   {"powerpc", A_PPC},   {"ppc", A_PPC},        {"mips64", A_MIPS64},
                  {"mipsisa64", A_MIPS64}, {"mips", A_MIPS},  {"riscv", A_RISCV},    {"s390x", A_S390X},
                  {"systemz", A_S390X}, {"wasm", A_WASM},     {"sparc", A_SPARC},    {"loongarch", A_LOONGARCH}};
    for (size_t i = 0; i < sizeof arches / sizeof arches[0]; i++)
        if (starts(triple, alen, arches[i].prefix)) {
            id->arch = arches[i].arch;
            break;
        }
    for (const char *p = dash; p && *p;) {
        const char *c = p + 1, *e = strchr(c, '-');
        size_t len = e ? (size_t)(e - c) : strlen(c);
        if (starts(c, len, "linux"))
            id->os = O_LINUX;
        else if (starts(c, len, "darwin") || starts(c, len, "macos") || starts(c, len, "ios") ||
                 starts(c, len, "tvos") || starts(c, len, "watchos"))
            id->os = O_DARWIN;
        else if (starts(c, len, "freebsd"))
            id->os = O_FREEBSD;
        else if (starts(c, len, "netbsd"))
            id->os = O_NETBSD;
        else if (starts(c, len, "openbsd"))
            id->os = O_OPENBSD;
        if (starts(c, len, "android"))
            id->android = 1;
        p = e;
    }
    if (id->t.windows) {
        id->os = O_WINDOWS;
        id->msvc = (id->t.win_macros & PTRCHECK_WIN_MSC) != 0;
    }
    return 1;
}

/* A macro's state on a target. */
typedef enum {
    M_UNDEF,   /* not defined */
    M_VALUE,   /* defined with a known value */
    M_DEFINED, /* defined, value not known */
    M_UNKNOWN, /* not known whether defined */
    M_HOST     /* as in this preprocessing: not a fact of the target's identity */
} mstate_t;

typedef struct {
    mstate_t s;
    long long v;
} mval_t;

static mval_t mv(mstate_t s, long long v)
{
    mval_t r = {s, v};
    return r;
}

/* defined with value 1 when c, else undefined */
static mval_t def_if(int c) { return c ? mv(M_VALUE, 1) : mv(M_UNDEF, 0); }

/* An architecture macro that GCC-compatible compilers predefine and MSVC does not (clang-cl does):
 * on MSVC targets of that architecture not known. */
static mval_t arch_macro(const ident_t *t, int match)
{
    if (!match)
        return mv(M_UNDEF, 0);
    return t->msvc ? mv(M_UNKNOWN, 0) : mv(M_VALUE, 1);
}

/* A GCC-compatible compiler's predefined number (__SIZEOF_LONG__): on MSVC targets not known. */
static mval_t gcc_number(const ident_t *t, long long v) { return t->msvc ? mv(M_UNKNOWN, 0) : mv(M_VALUE, v); }

static int little_endian(arch_t a)
{
    return a == A_X86_64 || a == A_X86 || a == A_AARCH64 || a == A_ARM || a == A_RISCV || a == A_WASM ||
           a == A_LOONGARCH;
}

/* The macros of the target's and compiler's identity; 0 when name is not one of them. */
static int identity_macro(const ident_t *t, const char *n, mval_t *out)
{
    const unsigned w = t->t.win_macros;
    const int lp64 = !t->t.windows && t->t.pointer_bits == 64 && t->t.long_bits == 64;
    const int gnuc = !t->msvc;
    mval_t r;
    /* Most names asked are include guards and project macros: the first two characters of the names
       below turn them away before the comparisons. */
    switch (n[0]) {
    case '_':
        if (n[1] != '_' && n[1] != 'W' && n[1] != 'M' && n[1] != 'A' && n[1] != 'L' && n[1] != 'I')
            return 0;
        break;
    case 'W':
    case 'l':
    case 'u':
    case 'i':
        break;
    default:
        return 0;
    }
    if (!strcmp(n, "_WIN32"))
        r = def_if(w & PTRCHECK_WIN_WIN32);
    else if (!strcmp(n, "_WIN64"))
        r = def_if(w & PTRCHECK_WIN_WIN64);
    else if (!strcmp(n, "__MINGW32__"))
        r = def_if(w & PTRCHECK_WIN_MINGW32);
    else if (!strcmp(n, "__MINGW64__"))
        r = def_if(w & PTRCHECK_WIN_MINGW64);
    else if (!strcmp(n, "_MSC_VER") || !strcmp(n, "_MSC_FULL_VER"))
        r = (w & PTRCHECK_WIN_MSC) ? mv(M_DEFINED, 0) : mv(M_UNDEF, 0);
    else if (!strcmp(n, "WIN32") || !strcmp(n, "_WINDOWS") || !strcmp(n, "__WIN32__") || !strcmp(n, "__WINNT__"))
        r = t->t.windows ? mv(M_UNKNOWN, 0) : mv(M_UNDEF, 0); /* set by some compilers or build files only */
    else if (!strcmp(n, "__CYGWIN__") || !strcmp(n, "__CYGWIN32__"))
        r = mv(M_UNDEF, 0);
    else if (!strcmp(n, "_M_X64") || !strcmp(n, "_M_AMD64"))
        r = t->msvc && t->arch == A_X86_64 ? mv(M_DEFINED, 0) : t->t.windows ? mv(M_UNKNOWN, 0) : mv(M_UNDEF, 0);
    else if (!strcmp(n, "_M_IX86"))
        r = t->msvc && t->arch == A_X86 ? mv(M_DEFINED, 0) : t->t.windows ? mv(M_UNKNOWN, 0) : mv(M_UNDEF, 0);
    else if (!strcmp(n, "_M_ARM64"))
        r = t->msvc && t->arch == A_AARCH64 ? mv(M_DEFINED, 0) : t->t.windows ? mv(M_UNKNOWN, 0) : mv(M_UNDEF, 0);
    else if (!strcmp(n, "_M_ARM"))
        r = t->msvc && t->arch == A_ARM ? mv(M_DEFINED, 0) : t->t.windows ? mv(M_UNKNOWN, 0) : mv(M_UNDEF, 0);
    else if (!strcmp(n, "__linux__") || !strcmp(n, "__linux") || !strcmp(n, "__gnu_linux__"))
        r = def_if(t->os == O_LINUX);
    else if (!strcmp(n, "linux") || !strcmp(n, "unix") || !strcmp(n, "i386"))
        r = mv(M_UNKNOWN, 0); /* only outside strict ISO modes */
    else if (!strcmp(n, "__ANDROID__"))
        r = def_if(t->android);
    else if (!strcmp(n, "__APPLE__") || !strcmp(n, "__MACH__"))
        r = def_if(t->os == O_DARWIN);
    else if (!strcmp(n, "__unix__") || !strcmp(n, "__unix"))
        r = def_if(t->os == O_LINUX || t->os == O_FREEBSD || t->os == O_NETBSD || t->os == O_OPENBSD);
    else if (!strcmp(n, "__ELF__"))
        r = def_if(t->os == O_LINUX || t->os == O_FREEBSD || t->os == O_NETBSD || t->os == O_OPENBSD);
    else if (!strcmp(n, "__FreeBSD__"))
        r = t->os == O_FREEBSD ? mv(M_DEFINED, 0) : mv(M_UNDEF, 0);
    else if (!strcmp(n, "__NetBSD__"))
        r = def_if(t->os == O_NETBSD);
    else if (!strcmp(n, "__OpenBSD__"))
        r = def_if(t->os == O_OPENBSD);
    else if (!strcmp(n, "__sun") || !strcmp(n, "__sun__") || !strcmp(n, "__HAIKU__") || !strcmp(n, "_AIX") ||
             !strcmp(n, "__DragonFly__") || !strcmp(n, "__EMSCRIPTEN__") || !strcmp(n, "__Fuchsia__"))
        r = t->os == O_OTHER ? mv(M_UNKNOWN, 0) : mv(M_UNDEF, 0);
    else if (!strcmp(n, "__x86_64__") || !strcmp(n, "__x86_64") || !strcmp(n, "__amd64__") || !strcmp(n, "__amd64"))
        r = arch_macro(t, t->arch == A_X86_64);
    else if (!strcmp(n, "__i386__") || !strcmp(n, "__i386"))
        r = arch_macro(t, t->arch == A_X86);
    else if (!strcmp(n, "__aarch64__"))
        r = arch_macro(t, t->arch == A_AARCH64);
    else if (!strcmp(n, "__arm64__") || !strcmp(n, "__arm64"))
        r = t->arch == A_AARCH64 && t->os == O_DARWIN ? mv(M_VALUE, 1)
            : t->arch == A_AARCH64 && t->msvc         ? mv(M_UNKNOWN, 0)
                                                      : mv(M_UNDEF, 0);
    else if (!strcmp(n, "__arm__") || !strcmp(n, "__arm"))
        r = arch_macro(t, t->arch == A_ARM);
    else if (!strcmp(n, "__powerpc__") || !strcmp(n, "__powerpc") || !strcmp(n, "__ppc__") || !strcmp(n, "__PPC__"))
        r = arch_macro(t, t->arch == A_PPC || t->arch == A_PPC64);
    else if (!strcmp(n, "__powerpc64__") || !strcmp(n, "__ppc64__") || !strcmp(n, "__PPC64__"))
        r = arch_macro(t, t->arch == A_PPC64);
    else if (!strcmp(n, "__mips__") || !strcmp(n, "__mips"))
        r = t->arch == A_MIPS || t->arch == A_MIPS64 ? mv(M_DEFINED, 0) : mv(M_UNDEF, 0);
    else if (!strcmp(n, "__riscv"))
        r = arch_macro(t, t->arch == A_RISCV);
    else if (!strcmp(n, "__s390__") || !strcmp(n, "__s390x__"))
        r = arch_macro(t, t->arch == A_S390X);
    else if (!strcmp(n, "__wasm__") || !strcmp(n, "__wasm"))
        r = arch_macro(t, t->arch == A_WASM);
    else if (!strcmp(n, "__sparc__") || !strcmp(n, "__sparc"))
        r = arch_macro(t, t->arch == A_SPARC);
    else if (!strcmp(n, "__loongarch__"))
        r = arch_macro(t, t->arch == A_LOONGARCH);
    else if (!strcmp(n, "__ia64__") || !strcmp(n, "__alpha__") || !strcmp(n, "__hppa__") || !strcmp(n, "__m68k__") ||
             !strcmp(n, "__sh__") || !strcmp(n, "__hexagon__"))
        r = t->arch == A_OTHER ? mv(M_UNKNOWN, 0) : mv(M_UNDEF, 0);
    else if (!strcmp(n, "__LP64__") || !strcmp(n, "_LP64"))
        r = def_if(lp64);
    else if (!strcmp(n, "__ILP32__") || !strcmp(n, "_ILP32"))
        r = t->t.pointer_bits == 32 ? mv(M_UNKNOWN, 0) : mv(M_UNDEF, 0); /* clang: every ILP32 target; GCC: x32 */
    else if (!strcmp(n, "__SIZEOF_POINTER__") || !strcmp(n, "__SIZEOF_SIZE_T__") || !strcmp(n, "__SIZEOF_PTRDIFF_T__"))
        r = gcc_number(t, t->t.pointer_bits / 8);
    else if (!strcmp(n, "__SIZEOF_LONG__"))
        r = gcc_number(t, t->t.long_bits / 8);
    else if (!strcmp(n, "__SIZEOF_INT__"))
        r = gcc_number(t, t->t.int_bits / 8);
    else if (!strcmp(n, "__SIZEOF_LONG_LONG__"))
        r = gcc_number(t, 8);
    else if (!strcmp(n, "__SIZEOF_WCHAR_T__"))
        r = gcc_number(t, t->t.windows ? 2 : 4);
    else if (!strcmp(n, "__BYTE_ORDER__"))
        r = little_endian(t->arch) ? gcc_number(t, 1234) : mv(M_UNKNOWN, 0);
    else if (!strcmp(n, "__ORDER_LITTLE_ENDIAN__"))
        r = gcc_number(t, 1234);
    else if (!strcmp(n, "__ORDER_BIG_ENDIAN__"))
        r = gcc_number(t, 4321);
    else if (!strcmp(n, "__GNUC__") || !strcmp(n, "__GNUC_MINOR__") || !strcmp(n, "__GNUC_PATCHLEVEL__") ||
             !strcmp(n, "__GNUG__"))
        r = gnuc ? mv(M_HOST, 0) : mv(M_UNDEF, 0); /* the same compiler family on every GCC-compatible target */
    else if (!strcmp(n, "__clang__") || !strcmp(n, "__clang_major__") || !strcmp(n, "__clang_minor__") ||
             !strcmp(n, "__clang_patchlevel__"))
        r = gnuc ? mv(M_HOST, 0) : mv(M_UNKNOWN, 0);
    else
        return 0;
    *out = r;
    return 1;
}

/* Predefined macros that say nothing about the target: the language mode, the optimisation level. */
static int target_independent_predefined(const char *n)
{
    static const char *const names[] = {
        "__STDC__", "__STDC_VERSION__", "__STDC_HOSTED__", "__STDC_UTF_16__", "__STDC_UTF_32__", "__cplusplus",
        "__OBJC__", "__ASSEMBLER__", "__OPTIMIZE__", "__OPTIMIZE_SIZE__", "__NO_INLINE__", "__GNUC_STDC_INLINE__",
        "__GNUC_GNU_INLINE__", "__STRICT_ANSI__", "__VERSION__", "__clang_version__", "__FAST_MATH__",
        "__FINITE_MATH_ONLY__", "__STDC_IEC_559__", "__STDC_NO_THREADS__", "__STDC_NO_ATOMICS__",
        "__STDC_NO_COMPLEX__", "__STDC_NO_VLA__", "__CHAR_BIT__", "__SIZEOF_SHORT__", "__SIZEOF_FLOAT__",
        "__SIZEOF_DOUBLE__", "__INT_MAX__", "__SCHAR_MAX__", "__SHRT_MAX__", "__LONG_LONG_MAX__",
        "__COUNTER__", "__INCLUDE_LEVEL__", "__BASE_FILE__", "__FILE_NAME__", "__TIMESTAMP__"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(n, names[i]))
            return 1;
    return 0;
}

int ptrcheck_pp_target_dependent(const char *name, unsigned flags)
{
    ident_t any;
    mval_t v;
    if (!name)
        return 0;
    if (flags & PTRCHECK_PPI_DERIVED)
        return 1;
    memset(&any, 0, sizeof any);
    any.t.pointer_bits = any.t.long_bits = 64;
    if (identity_macro(&any, name, &v))
        return 1;
    return (flags & PTRCHECK_PPI_PREDEFINED) && !target_independent_predefined(name);
}

/* ------------------------------------------------------------------ evaluation, three-valued */

typedef struct {
    int known;
    long long v;
} tv_t;

typedef struct {
    const ptrcheck_pp_tok_t *t;
    size_t n, i;
    const ident_t *target;
    int bad; /* not an expression this evaluator reads: the whole condition is not known */
} ev_t;

static const tv_t UNKNOWN = {0, 0};

static tv_t kv(long long v)
{
    tv_t r = {1, v};
    return r;
}

static int punct(const ev_t *e, const char *p)
{
    return e->i < e->n && e->t[e->i].kind == PTRCHECK_PPT_PUNCT && e->t[e->i].text && !strcmp(e->t[e->i].text, p);
}

static int accept(ev_t *e, const char *p)
{
    if (!punct(e, p))
        return 0;
    e->i++;
    return 1;
}

static mval_t macro_on(const ev_t *e, const ptrcheck_pp_tok_t *tok)
{
    mval_t m;
    if (tok->flags & PTRCHECK_PPI_DERIVED)
        return mv(M_UNKNOWN, 0);
    if (identity_macro(e->target, tok->text, &m) && m.s != M_HOST)
        return m;
    if ((tok->flags & PTRCHECK_PPI_PREDEFINED) && !target_independent_predefined(tok->text) &&
        !identity_macro(e->target, tok->text, &m))
        return mv(M_UNKNOWN, 0);
    if (!(tok->flags & PTRCHECK_PPI_DEFINED))
        return mv(M_UNDEF, 0);
    return (tok->flags & PTRCHECK_PPI_VALUE) ? mv(M_VALUE, tok->value) : mv(M_DEFINED, 0);
}

static tv_t cond(ev_t *e);

static tv_t primary(ev_t *e)
{
    if (e->i >= e->n) {
        e->bad = 1;
        return UNKNOWN;
    }
    const ptrcheck_pp_tok_t *tok = &e->t[e->i];
    if (accept(e, "(")) {
        tv_t r = cond(e);
        if (!accept(e, ")"))
            e->bad = 1;
        return r;
    }
    if (tok->kind == PTRCHECK_PPT_NUMBER) {
        e->i++;
        return (tok->flags & PTRCHECK_PPI_VALUE) ? kv(tok->value) : UNKNOWN;
    }
    if (tok->kind != PTRCHECK_PPT_IDENT || !tok->text) {
        e->bad = 1;
        return UNKNOWN;
    }
    e->i++;
    if (!strcmp(tok->text, "defined")) {
        int paren = accept(e, "(");
        if (e->i >= e->n || e->t[e->i].kind != PTRCHECK_PPT_IDENT) {
            e->bad = 1;
            return UNKNOWN;
        }
        mval_t m = macro_on(e, &e->t[e->i++]);
        if (paren && !accept(e, ")"))
            e->bad = 1;
        return m.s == M_UNDEF ? kv(0) : m.s == M_UNKNOWN ? UNKNOWN : kv(1);
    }
    if (punct(e, "(")) {
        /* a function-like macro or __has_include(...): skip its arguments; not known */
        unsigned depth = 0;
        do {
            if (punct(e, "("))
                depth++;
            else if (punct(e, ")"))
                depth--;
            e->i++;
        } while (depth && e->i < e->n);
        if (depth)
            e->bad = 1;
        return UNKNOWN;
    }
    mval_t m = macro_on(e, tok);
    return m.s == M_UNDEF ? kv(0) : m.s == M_VALUE ? kv(m.v) : UNKNOWN;
}

static tv_t unary(ev_t *e)
{
    if (accept(e, "!")) {
        tv_t a = unary(e);
        return a.known ? kv(!a.v) : UNKNOWN;
    }
    if (accept(e, "~")) {
        tv_t a = unary(e);
        return a.known ? kv(~a.v) : UNKNOWN;
    }
    if (accept(e, "-")) {
        tv_t a = unary(e);
        return a.known ? kv((long long)(0ull - (unsigned long long)a.v)) : UNKNOWN;
    }
    if (accept(e, "+"))
        return unary(e);
    return primary(e);
}

/* Binary operators by precedence level, loosest first (|| and && are three-valued below). */
static const char *const levels[][4] = {
    {"|", NULL}, {"^", NULL}, {"&", NULL}, {"==", "!=", NULL}, {"<", ">", "<=", ">="}, {"<<", ">>", NULL},
    {"+", "-", NULL}, {"*", "/", "%", NULL},
};
#define NLEVELS (sizeof levels / sizeof levels[0])

static tv_t apply(const char *op, tv_t a, tv_t b)
{
    if (!a.known || !b.known)
        return UNKNOWN;
    unsigned long long x = (unsigned long long)a.v, y = (unsigned long long)b.v;
    switch (op[0]) {
    case '|': return kv(a.v | b.v);
    case '^': return kv(a.v ^ b.v);
    case '&': return kv(a.v & b.v);
    case '=': return kv(a.v == b.v);
    case '!': return kv(a.v != b.v);
    case '<':
        if (op[1] == '<')
            return y < 64 ? kv((long long)(x << y)) : UNKNOWN;
        return kv(op[1] == '=' ? a.v <= b.v : a.v < b.v);
    case '>':
        if (op[1] == '>')
            return y < 64 ? kv(a.v >> y) : UNKNOWN;
        return kv(op[1] == '=' ? a.v >= b.v : a.v > b.v);
    case '+': return kv((long long)(x + y));
    case '-': return kv((long long)(x - y));
    case '*': return kv((long long)(x * y));
    case '/': return b.v && !(b.v == -1 && a.v == (long long)(1ull << 63)) ? kv(a.v / b.v) : UNKNOWN;
    case '%': return b.v && b.v != -1 ? kv(a.v % b.v) : UNKNOWN;
    }
    return UNKNOWN;
}

static tv_t binary(ev_t *e, size_t level)
{
    if (level == NLEVELS)
        return unary(e);
    tv_t a = binary(e, level + 1);
    for (;;) {
        const char *op = NULL;
        for (size_t k = 0; k < 4 && levels[level][k]; k++)
            if (punct(e, levels[level][k]))
                op = levels[level][k];
        if (!op)
            return a;
        e->i++;
        a = apply(op, a, binary(e, level + 1));
    }
}

static tv_t land(ev_t *e)
{
    tv_t a = binary(e, 0);
    while (accept(e, "&&")) {
        tv_t b = binary(e, 0);
        a = (a.known && !a.v) || (b.known && !b.v) ? kv(0) : a.known && b.known ? kv(1) : UNKNOWN;
    }
    return a;
}

static tv_t lor(ev_t *e)
{
    tv_t a = land(e);
    while (accept(e, "||")) {
        tv_t b = land(e);
        a = (a.known && a.v) || (b.known && b.v) ? kv(1) : a.known && b.known ? kv(0) : UNKNOWN;
    }
    return a;
}

static tv_t cond(ev_t *e)
{
    tv_t c = lor(e);
    if (!accept(e, "?"))
        return c;
    tv_t a = cond(e);
    if (!accept(e, ":")) {
        e->bad = 1;
        return UNKNOWN;
    }
    tv_t b = cond(e);
    if (c.known)
        return c.v ? a : b;
    return a.known && b.known && a.v == b.v ? a : UNKNOWN;
}

/* Same architecture, operating system and compiler kind: the target this preprocessing is for. */
static int same_identity(const ident_t *a, const ident_t *b)
{
    return a->arch == b->arch && a->arch != A_OTHER && a->os == b->os && a->msvc == b->msvc &&
           a->android == b->android && a->t.win_macros == b->t.win_macros && a->t.pointer_bits == b->t.pointer_bits &&
           a->t.long_bits == b->t.long_bits;
}

int ptrcheck_pp_eval(const ptrcheck_pp_tok_t *toks, size_t n, const char *triple, const char *compiling_triple)
{
    ident_t t, host;
    if (!toks || !n || !ident_parse(triple, &t))
        return -1;
    if (compiling_triple && ident_parse(compiling_triple, &host) && same_identity(&t, &host))
        return 1;
    ev_t e = {toks, n, 0, &t, 0};
    tv_t r = cond(&e);
    if (e.bad || e.i != n || !r.known)
        return -1;
    return r.v != 0;
}

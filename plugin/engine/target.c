/* Target triples -> data model (pointer, long and int widths).  Only the architecture and the OS /
 * environment matter: 64-bit Windows (and UEFI) is LLP64, other 64-bit systems LP64, 32-bit ILP32. */
#include <ptrcheck/ptrcheck.h>

#include <string.h>

typedef struct arch_s {
    const char *name;
    int prefix;            /* 1: name is a prefix ("armv7" matches "armv7a") */
    unsigned pointer_bits; /* 0: not an architecture ptrcheck understands */
} arch_t;

/* Order matters: the first match wins, so the 64-bit spellings of a family come before its
 * 32-bit prefix ("arm64" before "arm", "mips64" before "mips"). */
static const arch_t arch_table[] = {
    {"x86_64h", 0, 64},      {"x86_64", 0, 64},      {"amd64", 0, 64},       {"i386", 0, 32},
    {"i486", 0, 32},         {"i586", 0, 32},        {"i686", 0, 32},        {"x86", 0, 32},
    {"aarch64_32", 0, 32},   {"arm64_32", 0, 32},    {"aarch64_be", 0, 64},  {"aarch64", 0, 64},
    {"arm64e", 0, 64},       {"arm64ec", 0, 64},     {"arm64", 0, 64},       {"arm", 1, 32},
    {"thumb", 1, 32},        {"riscv32", 0, 32},     {"riscv64", 0, 64},     {"powerpc64le", 0, 64},
    {"powerpc64", 0, 64},    {"ppc64le", 0, 64},     {"ppc64", 0, 64},       {"powerpcle", 0, 32},
    {"powerpc", 0, 32},      {"ppcle", 0, 32},       {"ppc32", 0, 32},       {"ppc", 0, 32},
    {"mips64el", 0, 64},     {"mips64", 0, 64},      {"mipsisa64", 1, 64},   {"mipsel", 0, 32},
    {"mipsisa32", 1, 32},    {"mips", 0, 32},        {"s390x", 0, 64},       {"systemz", 0, 64},
    {"wasm32", 0, 32},       {"wasm64", 0, 64},      {"sparcv9", 0, 64},     {"sparc64", 0, 64},
    {"sparcel", 0, 32},      {"sparc", 0, 32},       {"loongarch32", 0, 32}, {"loongarch64", 0, 64},
    {"hexagon", 0, 32},      {"m68k", 0, 32},        {"xtensa", 0, 32},      {"csky", 0, 32},
    {"avr", 0, 16},          {"msp430", 0, 16},
};

static int component_is(const char *s, size_t len, const char *word)
{
    return strlen(word) == len && memcmp(s, word, len) == 0;
}

static int component_starts(const char *s, size_t len, const char *word)
{
    size_t wl = strlen(word);
    return len >= wl && memcmp(s, word, wl) == 0;
}

int ptrcheck_target_parse(const char *triple, ptrcheck_target_t *out)
{
    const arch_t *arch = NULL;
    const char *p;
    size_t alen, i;
    int llp64 = 0, x32 = 0, windows = 0, mingw = 0;

    if (!triple || !*triple)
        return 0;
    p = strchr(triple, '-');
    alen = p ? (size_t)(p - triple) : strlen(triple);
    if (alen == 0)
        return 0;
    for (i = 0; i < sizeof(arch_table) / sizeof(arch_table[0]); i++) {
        size_t nl = strlen(arch_table[i].name);
        if (arch_table[i].prefix ? (alen >= nl && memcmp(triple, arch_table[i].name, nl) == 0)
                                 : (alen == nl && memcmp(triple, arch_table[i].name, nl) == 0)) {
            arch = &arch_table[i];
            break;
        }
    }
    if (!arch)
        return 0;

    /* Vendor, OS and environment components, in whatever order and number they come. */
    while (p && *p) {
        const char *c = p + 1;
        const char *e = strchr(c, '-');
        size_t clen = e ? (size_t)(e - c) : strlen(c);
        if (clen == 0)
            return 0; /* "x86_64--linux" or a trailing '-' */
        if (strspn(c, "0123456789") >= clen)
            return 0; /* "x86-64-linux-gnu": a mistyped x86_64, not x86 */
        if (component_starts(c, clen, "windows") || component_starts(c, clen, "win32") ||
            component_starts(c, clen, "msvc") || component_starts(c, clen, "mingw"))
            llp64 = windows = 1;
        if (component_starts(c, clen, "mingw") || component_is(c, clen, "gnu") || component_is(c, clen, "cygnus"))
            mingw = 1;
        if (component_is(c, clen, "uefi"))
            llp64 = 1;
        if (component_is(c, clen, "gnux32") || component_is(c, clen, "muslx32"))
            x32 = 1;
        p = e;
    }

    if (out) {
        out->triple = triple;
        out->pointer_bits = arch->pointer_bits;
        out->int_bits = arch->pointer_bits == 16 ? 16 : 32;
        out->windows = windows;
        out->win_macros = 0;
        if (windows) {
            int w64 = arch->pointer_bits == 64;
            out->win_macros = PTRCHECK_WIN_WIN32 | (w64 ? PTRCHECK_WIN_WIN64 : 0u) |
                              (mingw ? PTRCHECK_WIN_MINGW32 | (w64 ? PTRCHECK_WIN_MINGW64 : 0u) : PTRCHECK_WIN_MSC);
        }
        if (arch->pointer_bits == 64 && x32) {
            out->pointer_bits = 32;
            out->long_bits = 32;
        } else if (arch->pointer_bits == 64) {
            out->long_bits = llp64 ? 32 : 64;
        } else {
            out->long_bits = 32;
        }
    }
    return 1;
}

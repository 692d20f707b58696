#include <ptrcheck/ptrcheck.h>

#include "unit.h"

static int model(const char *triple, unsigned ptr, unsigned lng, unsigned in)
{
    ptrcheck_target_t t;
    memset(&t, 0xAB, sizeof(t));
    if (!ptrcheck_target_parse(triple, &t)) {
        fprintf(stderr, "  not understood: %s\n", triple);
        return 0;
    }
    if (t.triple != triple || t.pointer_bits != ptr || t.long_bits != lng || t.int_bits != in) {
        fprintf(stderr, "  %s: pointer %u long %u int %u\n", triple, t.pointer_bits, t.long_bits, t.int_bits);
        return 0;
    }
    return 1;
}

/* Windows triples need Windows intent to count among the default targets (docs/config.md). */
static int windows(const char *triple, int want)
{
    ptrcheck_target_t t;
    if (!ptrcheck_target_parse(triple, &t) || t.windows != want) {
        fprintf(stderr, "  %s: windows %d, expected %d\n", triple, t.windows, want);
        return 0;
    }
    return 1;
}

/* The Windows macros each compiler predefines: which `#ifndef _WIN32`-style branches it never takes. */
static int win_macros(const char *triple, unsigned want)
{
    ptrcheck_target_t t;
    if (!ptrcheck_target_parse(triple, &t) || t.win_macros != want) {
        fprintf(stderr, "  %s: Windows macros %#x, expected %#x\n", triple, t.win_macros, want);
        return 0;
    }
    return 1;
}

/* A branch only non-Windows compilers take leaves out exactly the Windows targets that define one
 * of the macros it requires undefined (ptrcheck_engine_note_non_windows). */
static int non_windows_regions(void)
{
    ptrcheck_config_t cfg;
    ptrcheck_error_t err;
    ptrcheck_error_clear(&err);
    if (!ptrcheck_config_init(&cfg, &err))
        return 0;
    ptrcheck_engine_t *e = ptrcheck_engine_create(&cfg, &err);
    if (!e)
        return 0;
    ptrcheck_engine_note_windows_intent(e, (ptrcheck_loc_t){.file = "a.c", .line = 1, .col = 1}, "tests '_WIN32'");
    int ok = ptrcheck_engine_note_non_windows(e, "a.c", 10, 20, PTRCHECK_WIN_MSC) &&
             ptrcheck_engine_note_non_windows(e, "a.c", 30, 40, PTRCHECK_WIN_WIN32);
    ptrcheck_loc_t in_msc = {.file = "a.c", .line = 15}, in_win = {.file = "a.c", .line = 30};
    ptrcheck_loc_t out = {.file = "a.c", .line = 25}, other = {.file = "b.c", .line = 15};
    ok = ok && !ptrcheck_engine_target_in_scope_at(e, "x86_64-pc-windows-msvc", in_msc) &&
         ptrcheck_engine_target_in_scope_at(e, "x86_64-w64-windows-gnu", in_msc) &&
         !ptrcheck_engine_target_in_scope_at(e, "x86_64-w64-windows-gnu", in_win) &&
         ptrcheck_engine_target_in_scope_at(e, "x86_64-pc-windows-msvc", out) &&
         ptrcheck_engine_target_in_scope_at(e, "x86_64-pc-windows-msvc", other) &&
         ptrcheck_engine_target_in_scope_at(e, "x86_64-linux-gnu", in_win);
    ptrcheck_engine_destroy(e);
    return ok;
}

int main(void)
{
    CHECK(non_windows_regions());
    CHECK(win_macros("x86_64-pc-windows-msvc", PTRCHECK_WIN_WIN32 | PTRCHECK_WIN_WIN64 | PTRCHECK_WIN_MSC));
    CHECK(win_macros("i686-pc-windows-msvc", PTRCHECK_WIN_WIN32 | PTRCHECK_WIN_MSC));
    CHECK(win_macros("x86_64-w64-mingw32",
                     PTRCHECK_WIN_WIN32 | PTRCHECK_WIN_WIN64 | PTRCHECK_WIN_MINGW32 | PTRCHECK_WIN_MINGW64));
    CHECK(win_macros("x86_64-w64-windows-gnu",
                     PTRCHECK_WIN_WIN32 | PTRCHECK_WIN_WIN64 | PTRCHECK_WIN_MINGW32 | PTRCHECK_WIN_MINGW64));
    CHECK(win_macros("i686-w64-mingw32", PTRCHECK_WIN_WIN32 | PTRCHECK_WIN_MINGW32));
    CHECK(win_macros("x86_64-linux-gnu", 0));
    CHECK(win_macros("x86_64-unknown-uefi", 0));

    CHECK(windows("x86_64-pc-windows-msvc", 1));
    CHECK(windows("x86_64-w64-mingw32", 1));
    CHECK(windows("i686-pc-win32", 1));
    CHECK(windows("aarch64-pc-windows-gnu", 1));
    CHECK(windows("x86_64-unknown-uefi", 0));
    CHECK(windows("x86_64-linux-gnu", 0));
    CHECK(windows("arm64-apple-darwin", 0));

    /* the six default targets */
    CHECK(model("x86_64-linux-gnu", 64, 64, 32));
    CHECK(model("aarch64-linux-gnu", 64, 64, 32));
    CHECK(model("i686-linux-gnu", 32, 32, 32));
    CHECK(model("armv7-linux-gnueabihf", 32, 32, 32));
    CHECK(model("x86_64-pc-windows-msvc", 64, 32, 32));
    CHECK(model("arm64-apple-darwin", 64, 64, 32));

    /* LP64 */
    CHECK(model("x86_64-unknown-linux-gnu", 64, 64, 32));
    CHECK(model("amd64-unknown-freebsd", 64, 64, 32));
    CHECK(model("x86_64", 64, 64, 32));
    CHECK(model("aarch64-unknown-linux-musl", 64, 64, 32));
    CHECK(model("arm64-apple-macosx14.0.0", 64, 64, 32));
    CHECK(model("riscv64-linux-gnu", 64, 64, 32));
    CHECK(model("powerpc64le-linux-gnu", 64, 64, 32));
    CHECK(model("ppc64-ibm-aix", 64, 64, 32));
    CHECK(model("mips64el-linux-gnuabi64", 64, 64, 32));
    CHECK(model("s390x-linux-gnu", 64, 64, 32));
    CHECK(model("wasm64-unknown-unknown", 64, 64, 32));
    CHECK(model("sparcv9-sun-solaris", 64, 64, 32));
    CHECK(model("loongarch64-linux-gnu", 64, 64, 32));
    CHECK(model("x86_64-pc-cygwin", 64, 64, 32));

    /* LLP64: 64-bit Windows in every spelling */
    CHECK(model("x86_64-w64-mingw32", 64, 32, 32));
    CHECK(model("x86_64-pc-windows-gnu", 64, 32, 32));
    CHECK(model("aarch64-pc-windows-msvc", 64, 32, 32));
    CHECK(model("x86_64-pc-win32", 64, 32, 32));
    CHECK(model("x86_64-unknown-uefi", 64, 32, 32));

    /* ILP32 */
    CHECK(model("i386-pc-windows-msvc", 32, 32, 32));
    CHECK(model("i586-linux-gnu", 32, 32, 32));
    CHECK(model("x86-pc-linux", 32, 32, 32));
    CHECK(model("arm-linux-gnueabi", 32, 32, 32));
    CHECK(model("armv7a-none-eabi", 32, 32, 32));
    CHECK(model("thumbv7m-none-eabi", 32, 32, 32));
    CHECK(model("riscv32-unknown-elf", 32, 32, 32));
    CHECK(model("powerpc-linux-gnu", 32, 32, 32));
    CHECK(model("mipsel-linux-gnu", 32, 32, 32));
    CHECK(model("wasm32-unknown-emscripten", 32, 32, 32));
    CHECK(model("sparc-sun-solaris", 32, 32, 32));
    CHECK(model("arm64_32-apple-watchos", 32, 32, 32));
    CHECK(model("x86_64-linux-gnux32", 32, 32, 32));

    /* 16-bit */
    CHECK(model("avr-none", 16, 32, 16));

    /* not understood */
    CHECK(!ptrcheck_target_parse("", NULL));
    CHECK(!ptrcheck_target_parse(NULL, NULL));
    CHECK(!ptrcheck_target_parse("x86-64-linux-gnu", NULL)); /* a mistyped x86_64, not 32-bit x86 */
    CHECK(!ptrcheck_target_parse("vax-dec-ultrix", NULL));
    CHECK(!ptrcheck_target_parse("-linux-gnu", NULL));
    CHECK(!ptrcheck_target_parse("x86_64--linux", NULL));
    CHECK(!ptrcheck_target_parse("x86_64-linux-", NULL));
    CHECK(!ptrcheck_target_parse("X86_64-linux-gnu", NULL));
    CHECK(!ptrcheck_target_parse("linux", NULL));
    CHECK(ptrcheck_target_parse("x86_64-linux-gnu", NULL)); /* out may be NULL */
    return UNIT_SUMMARY();
}

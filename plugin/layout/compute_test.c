/* Unit tests of the per-target layout engine (plugin/engine/layout_compute.c) on hand-written record
 * descriptions.  Clang itself is the reference in testdata/checks/offset-assumption/offset-assumption-crossval.test. */
#include <ptrcheck/layout_compute.h>

#include <stdio.h>
#include <string.h>

static int failures;
#define CHECK(c)                                                                                                   \
    do {                                                                                                           \
        if (!(c)) {                                                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);                                 \
            failures++;                                                                                            \
        }                                                                                                          \
    } while (0)

static ptrcheck_rfield_t scalar(const char *name, ptrcheck_scalar_t s)
{
    ptrcheck_rfield_t f;
    memset(&f, 0, sizeof f);
    f.name = name;
    f.scalar = s;
    f.count = 1;
    return f;
}

static ptrcheck_rfield_t bits(const char *name, ptrcheck_scalar_t s, unsigned w)
{
    ptrcheck_rfield_t f = scalar(name, s);
    f.is_bitfield = 1;
    f.bit_width = w;
    return f;
}

static ptrcheck_rdesc_t rec(const char *name, ptrcheck_rfield_t *fields, unsigned n)
{
    ptrcheck_rdesc_t r;
    memset(&r, 0, sizeof r);
    r.name = name;
    r.fields = fields;
    r.nfields = n;
    return r;
}

static void lay(const char *triple, const ptrcheck_rdesc_t *r, ptrcheck_rlayout_t *l)
{
    ptrcheck_abi_t abi;
    ptrcheck_error_t err;
    ptrcheck_error_clear(&err);
    CHECK(ptrcheck_abi_for_triple(triple, &abi));
    CHECK(ptrcheck_rlayout_compute(&abi, r, l, &err));
}

static void test_abis(void)
{
    ptrcheck_abi_t a;
    CHECK(ptrcheck_abi_for_triple("i686-linux-gnu", &a) && a.longdouble_bytes == 12 && a.longdouble_align == 4 &&
          a.double_align == 4 && a.longlong_align == 4 && a.pointer_bytes == 4);
    CHECK(ptrcheck_abi_for_triple("x86_64-linux-gnu", &a) && a.longdouble_bytes == 16 && a.long_bytes == 8);
    CHECK(ptrcheck_abi_for_triple("x86_64-pc-windows-msvc", &a) && a.ms_layout && a.long_bytes == 4 &&
          a.longdouble_bytes == 8);
    CHECK(ptrcheck_abi_for_triple("aarch64-linux-gnu", &a) && a.longdouble_bytes == 16 && a.unnamed_bitfield_align);
    CHECK(ptrcheck_abi_for_triple("arm64-apple-darwin", &a) && a.longdouble_bytes == 8 && !a.unnamed_bitfield_align);
    CHECK(ptrcheck_abi_for_triple("armv7-linux-gnueabihf", &a) && a.longlong_align == 8 && a.double_align == 8 &&
          a.longdouble_bytes == 8 && a.pointer_bytes == 4);
    CHECK(!ptrcheck_abi_for_triple("x86_64-w64-windows-gnu", NULL)); /* MinGW: not modelled */
    CHECK(!ptrcheck_abi_for_triple("mips-linux-gnu", NULL));
    CHECK(!ptrcheck_abi_for_triple("", NULL));
}

static void test_double_after_int(void)
{
    ptrcheck_rfield_t f[] = {scalar("id", PTRCHECK_S_INT), scalar("value", PTRCHECK_S_DOUBLE)};
    ptrcheck_rdesc_t r = rec("struct sample", f, 2);
    ptrcheck_rlayout_t l;
    lay("x86_64-linux-gnu", &r, &l);
    CHECK(l.bit_offset[1] == 64 && l.size == 16 && l.align == 8);
    ptrcheck_rlayout_fini(&l);
    lay("i686-linux-gnu", &r, &l);
    CHECK(l.bit_offset[1] == 32 && l.size == 12 && l.align == 4);
    ptrcheck_rlayout_fini(&l);
    lay("armv7-linux-gnueabihf", &r, &l);
    CHECK(l.bit_offset[1] == 64 && l.size == 16);
    ptrcheck_rlayout_fini(&l);
}

static void test_long_pointer(void)
{
    ptrcheck_rfield_t f[] = {scalar("c", PTRCHECK_S_CHAR), scalar("l", PTRCHECK_S_LONG), scalar("p", PTRCHECK_S_POINTER)};
    ptrcheck_rdesc_t r = rec("struct lp", f, 3);
    ptrcheck_rlayout_t l;
    lay("x86_64-pc-windows-msvc", &r, &l);
    CHECK(l.bit_offset[1] == 32 && l.bit_offset[2] == 64 && l.size == 16);
    ptrcheck_rlayout_fini(&l);
    lay("aarch64-linux-gnu", &r, &l);
    CHECK(l.bit_offset[1] == 64 && l.bit_offset[2] == 128 && l.size == 24);
    ptrcheck_rlayout_fini(&l);
}

static void test_bitfields(void)
{
    /* unsigned char kind; unsigned ready:1; unsigned mode:3; unsigned :0; unsigned short level:5; int tail; */
    ptrcheck_rfield_t f[] = {scalar("kind", PTRCHECK_S_CHAR), bits("ready", PTRCHECK_S_INT, 1),
                             bits("mode", PTRCHECK_S_INT, 3), bits(NULL, PTRCHECK_S_INT, 0),
                             bits("level", PTRCHECK_S_SHORT, 5), scalar("tail", PTRCHECK_S_INT)};
    ptrcheck_rdesc_t r = rec("struct flags", f, 6);
    ptrcheck_rlayout_t l;
    lay("x86_64-linux-gnu", &r, &l);
    CHECK(l.bit_offset[1] == 8 && l.bit_offset[2] == 9 && l.bit_offset[4] == 32 && l.bit_offset[5] == 64 &&
          l.size == 12);
    ptrcheck_rlayout_fini(&l);
    lay("x86_64-pc-windows-msvc", &r, &l); /* new unit per type size */
    CHECK(l.bit_offset[1] == 32 && l.bit_offset[2] == 33 && l.bit_offset[4] == 64 && l.bit_offset[5] == 96 &&
          l.size == 16);
    ptrcheck_rlayout_fini(&l);
}

static void test_packing(void)
{
    ptrcheck_rfield_t f[] = {scalar("c", PTRCHECK_S_CHAR), scalar("big", PTRCHECK_S_LONGLONG), scalar("d", PTRCHECK_S_CHAR)};
    ptrcheck_rdesc_t r = rec("struct packed2", f, 3);
    ptrcheck_rlayout_t l;
    r.pragma_pack = 2;
    lay("x86_64-linux-gnu", &r, &l);
    CHECK(l.bit_offset[1] == 16 && l.size == 12 && l.align == 2);
    ptrcheck_rlayout_fini(&l);
    r.pragma_pack = 0;
    r.packed = 1;
    lay("x86_64-pc-windows-msvc", &r, &l);
    CHECK(l.bit_offset[1] == 8 && l.size == 10 && l.align == 1);
    ptrcheck_rlayout_fini(&l);
}

static void test_flatten(void)
{
    /* struct msg { int kind; union { long long i; struct { short lo; short hi; }; }; struct { char a; } in; }; */
    ptrcheck_rfield_t lohi[] = {scalar("lo", PTRCHECK_S_SHORT), scalar("hi", PTRCHECK_S_SHORT)};
    ptrcheck_rdesc_t s_lohi = rec(NULL, lohi, 2);
    ptrcheck_rfield_t uf[] = {scalar("i", PTRCHECK_S_LONGLONG), scalar(NULL, PTRCHECK_S_NONE)};
    ptrcheck_rdesc_t u = rec(NULL, uf, 2);
    ptrcheck_rfield_t inf[] = {scalar("a", PTRCHECK_S_CHAR)};
    ptrcheck_rdesc_t in = rec(NULL, inf, 1);
    ptrcheck_rfield_t mf[] = {scalar("kind", PTRCHECK_S_INT), scalar(NULL, PTRCHECK_S_NONE), scalar("in", PTRCHECK_S_NONE)};
    ptrcheck_rdesc_t m = rec("struct msg", mf, 3);
    ptrcheck_layout_table_t *t = ptrcheck_layout_table_create();
    ptrcheck_layout_target_t *tg = ptrcheck_layout_table_add_target(t, "i686-linux-gnu");
    ptrcheck_abi_t abi;
    ptrcheck_error_t err;
    const ptrcheck_layout_record_t *lr;
    const ptrcheck_layout_field_t *hi, *ina;

    uf[1].record = &s_lohi;
    u.is_union = 1;
    mf[1].record = &u;
    mf[2].record = &in;
    ptrcheck_error_clear(&err);
    CHECK(ptrcheck_abi_for_triple("i686-linux-gnu", &abi));
    lr = ptrcheck_layout_add_described(tg, "struct msg", &abi, &m, &err);
    CHECK(lr != NULL);
    if (lr) {
        hi = ptrcheck_layout_find_field(lr, "hi");
        ina = ptrcheck_layout_find_field(lr, "in.a");
        CHECK(hi && hi->offset == 6 && hi->size == 2);
        CHECK(ina && ina->offset == 12 && ina->depth == 1);
        CHECK(ptrcheck_layout_find_field(lr, "in") != NULL);
        CHECK(lr->size == 16 && lr->align == 4);
    }
    ptrcheck_layout_table_destroy(t);
}

static void test_int128_missing(void)
{
    ptrcheck_rfield_t f[] = {scalar("x", PTRCHECK_S_INT128)};
    ptrcheck_rdesc_t r = rec("struct wide", f, 1);
    ptrcheck_abi_t abi;
    ptrcheck_rlayout_t l;
    ptrcheck_error_t err;
    ptrcheck_error_clear(&err);
    CHECK(ptrcheck_abi_for_triple("i686-linux-gnu", &abi));
    CHECK(!ptrcheck_rlayout_compute(&abi, &r, &l, &err) && strstr(err.message, "does not have"));
}

int main(void)
{
    test_abis();
    test_double_after_int();
    test_long_pointer();
    test_bitfields();
    test_packing();
    test_flatten();
    test_int128_missing();
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    else
        printf("layout_compute: ok\n");
    return failures != 0;
}

/* Record layout per target from a target-neutral description (see ptrcheck/layout_compute.h).
 *
 * The two algorithms follow clang's own record layout for C (clang/lib/AST/RecordLayoutBuilder.cpp):
 *   - "Itanium" (every non-Microsoft target): fields at the next offset aligned for their type; a
 *     bit-field goes at the next free bit unless it would straddle an aligned unit of its declared
 *     type; `packed` drops field alignment to 1, `#pragma pack(N)` caps it at N (and stops bit-field
 *     padding), aligned attributes raise it (but not above a #pragma pack);
 *   - Microsoft (x86_64-pc-windows-msvc, ...): bit-fields share a unit of their declared type only
 *     while consecutive bit-fields have types of the same size; a zero-width bit-field only counts
 *     after a non-zero-width one; aligned attributes are "required" alignment that packing cannot
 *     lower; #pragma pack values above the pointer size are ignored.
 * Cross-validated against clang for the six default targets (testdata/layout-compute/). */
#include <ptrcheck/layout_compute.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- targets */

static int has_word(const char *triple, const char *word)
{
    const char *p = triple;
    size_t n = strlen(word);

    while ((p = strstr(p, word)) != NULL) {
        if ((p == triple || p[-1] == '-') )
            return 1;
        p += n;
    }
    return 0;
}

int ptrcheck_abi_for_triple(const char *triple, ptrcheck_abi_t *out)
{
    ptrcheck_abi_t a;
    const char *dash;
    char arch[32];
    size_t alen;
    int windows, msvc, darwin, x32;

    if (!triple || !*triple)
        return 0;
    dash = strchr(triple, '-');
    alen = dash ? (size_t)(dash - triple) : strlen(triple);
    if (alen == 0 || alen >= sizeof arch)
        return 0;
    memcpy(arch, triple, alen);
    arch[alen] = '\0';
    windows = has_word(triple, "windows") || has_word(triple, "win32");
    msvc = windows && !strstr(triple, "gnu") && !strstr(triple, "cygnus") && !strstr(triple, "itanium");
    if (windows && !msvc)
        return 0; /* MinGW: GCC-compatible layout with ms_struct bit-fields; not modelled */
    darwin = strstr(triple, "apple") || strstr(triple, "darwin") || strstr(triple, "macos") || strstr(triple, "ios");
    x32 = strstr(triple, "gnux32") || strstr(triple, "muslx32");

    memset(&a, 0, sizeof a);
    a.wchar_bytes = msvc ? 2 : 4;
    a.ms_layout = msvc;
    if (!strcmp(arch, "x86_64") || !strcmp(arch, "amd64") || !strcmp(arch, "x86_64h")) {
        a.pointer_bytes = x32 ? 4 : 8;
        a.long_bytes = (msvc || x32) ? 4 : 8;
        a.longlong_align = 8;
        a.double_align = 8;
        a.longdouble_bytes = msvc ? 8 : 16;
        a.longdouble_align = msvc ? 8 : 16;
        a.has_int128 = 1;
    } else if (!strcmp(arch, "i386") || !strcmp(arch, "i486") || !strcmp(arch, "i586") || !strcmp(arch, "i686") ||
               !strcmp(arch, "x86")) {
        a.pointer_bytes = 4;
        a.long_bytes = 4;
        if (msvc) {
            a.longlong_align = a.double_align = 8;
            a.longdouble_bytes = a.longdouble_align = 8;
        } else if (darwin) {
            a.longlong_align = a.double_align = 4;
            a.longdouble_bytes = a.longdouble_align = 16;
        } else {
            a.longlong_align = a.double_align = 4;
            a.longdouble_bytes = 12;
            a.longdouble_align = 4;
        }
    } else if (!strcmp(arch, "aarch64") || !strcmp(arch, "arm64") || !strcmp(arch, "arm64e")) {
        a.pointer_bytes = 8;
        a.long_bytes = msvc ? 4 : 8;
        a.longlong_align = a.double_align = 8;
        a.longdouble_bytes = a.longdouble_align = (darwin || msvc) ? 8 : 16;
        a.has_int128 = 1;
        a.unnamed_bitfield_align = !msvc && !darwin; /* Apple arm64 follows the generic rule */
    } else if (!strncmp(arch, "arm", 3) || !strncmp(arch, "thumb", 5)) {
        if (darwin || windows || strstr(arch, "eb"))
            return 0; /* APCS on Apple, Windows on ARM, big-endian: not modelled */
        a.pointer_bytes = 4;
        a.long_bytes = 4;
        a.longlong_align = a.double_align = 8;
        a.longdouble_bytes = a.longdouble_align = 8;
        a.unnamed_bitfield_align = 1;
    } else if (!strcmp(arch, "riscv64") || !strcmp(arch, "riscv32")) {
        int is64 = arch[5] == '6';
        a.pointer_bytes = is64 ? 8 : 4;
        a.long_bytes = is64 ? 8 : 4;
        a.longlong_align = a.double_align = 8;
        a.longdouble_bytes = a.longdouble_align = 16;
        a.has_int128 = is64;
    } else {
        return 0;
    }
    if (out)
        *out = a;
    return 1;
}

unsigned ptrcheck_abi_scalar_size(const ptrcheck_abi_t *abi, ptrcheck_scalar_t s)
{
    switch (s) {
    case PTRCHECK_S_BOOL:
    case PTRCHECK_S_CHAR: return 1;
    case PTRCHECK_S_SHORT: return 2;
    case PTRCHECK_S_INT:
    case PTRCHECK_S_FLOAT: return 4;
    case PTRCHECK_S_LONG: return abi->long_bytes;
    case PTRCHECK_S_LONGLONG:
    case PTRCHECK_S_DOUBLE: return 8;
    case PTRCHECK_S_INT128: return abi->has_int128 ? 16 : 0;
    case PTRCHECK_S_LONGDOUBLE: return abi->longdouble_bytes;
    case PTRCHECK_S_POINTER:
    case PTRCHECK_S_PTRINT: return abi->pointer_bytes;
    case PTRCHECK_S_WCHAR: return abi->wchar_bytes;
    default: return 0;
    }
}

unsigned ptrcheck_abi_scalar_align(const ptrcheck_abi_t *abi, ptrcheck_scalar_t s)
{
    switch (s) {
    case PTRCHECK_S_LONGLONG: return abi->longlong_align;
    case PTRCHECK_S_DOUBLE: return abi->double_align;
    case PTRCHECK_S_LONGDOUBLE: return abi->longdouble_align;
    default: return ptrcheck_abi_scalar_size(abi, s);
    }
}

/* ---------------------------------------------------------------- layout */

static uint64_t align_to(uint64_t v, uint64_t a) { return a > 1 ? (v + a - 1) / a * a : v; }
static uint64_t umax(uint64_t a, uint64_t b) { return a > b ? a : b; }
static uint64_t umin(uint64_t a, uint64_t b) { return a < b ? a : b; }

typedef struct tinfo_s {
    uint64_t size;     /* bytes of the whole field type (arrays: all elements; flexible: 0) */
    uint64_t align;    /* natural alignment, bytes */
    uint64_t required; /* Microsoft: required alignment of a nested record */
    uint64_t unit;     /* bit-fields: size of the declared type, bytes */
} tinfo_t;

static int field_type_info(const ptrcheck_abi_t *abi, const ptrcheck_rdesc_t *r, const ptrcheck_rfield_t *f,
                           tinfo_t *ti, ptrcheck_error_t *err)
{
    uint64_t es, ea;

    memset(ti, 0, sizeof *ti);
    if (f->scalar == PTRCHECK_S_NONE) {
        ptrcheck_rlayout_t sub;
        if (!f->record)
            return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, NULL, 0, 0, "member '%s' of '%s' has no type",
                                      f->name ? f->name : "(anonymous)", r->name ? r->name : "(anonymous)");
        if (!ptrcheck_rlayout_compute(abi, f->record, &sub, err))
            return 0;
        es = sub.size;
        ea = sub.align;
        ti->required = sub.required_align;
        ptrcheck_rlayout_fini(&sub);
    } else if (f->scalar == PTRCHECK_S_FIXED) {
        es = f->fixed_bytes;
        ea = f->fixed_align ? f->fixed_align : 1;
    } else {
        es = ptrcheck_abi_scalar_size(abi, f->scalar);
        ea = ptrcheck_abi_scalar_align(abi, f->scalar);
        if (!es)
            return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, NULL, 0, 0,
                                      "member '%s' of '%s' has a type the target does not have",
                                      f->name ? f->name : "(anonymous)", r->name ? r->name : "(anonymous)");
        if (f->is_complex)
            es *= 2;
    }
    ti->unit = es;
    ti->align = ea ? ea : 1;
    ti->size = f->is_array ? (f->is_flexible ? 0 : es * f->count) : es;
    return 1;
}

static int alloc_layout(ptrcheck_rlayout_t *out, unsigned n, ptrcheck_error_t *err)
{
    memset(out, 0, sizeof *out);
    out->nfields = n;
    out->bit_offset = calloc(n ? n : 1, sizeof *out->bit_offset);
    out->bytes = calloc(n ? n : 1, sizeof *out->bytes);
    if (!out->bit_offset || !out->bytes) {
        ptrcheck_rlayout_fini(out);
        return ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    return 1;
}

static int layout_itanium(const ptrcheck_abi_t *abi, const ptrcheck_rdesc_t *r, ptrcheck_rlayout_t *out,
                          ptrcheck_error_t *err)
{
    uint64_t data_bits = 0, unfilled = 0, align = 1;
    uint64_t mfa = r->pragma_pack; /* bytes; 0 none */
    unsigned i;

    for (i = 0; i < r->nfields; i++) {
        const ptrcheck_rfield_t *f = &r->fields[i];
        int field_packed = r->packed || f->packed_attr;
        tinfo_t ti;

        if (!field_type_info(abi, r, f, &ti, err))
            return 0;
        if (f->typedef_align)
            ti.align = f->typedef_align;
        out->bytes[i] = ti.size;
        if (f->is_bitfield) {
            uint64_t w = f->bit_width, unit_bits = ti.unit * 8, fa = ti.align * 8, unpacked, expl = f->align_attr * 8;
            uint64_t off = r->is_union ? 0 : data_bits - unfilled;

            if (w > unit_bits)
                return ptrcheck_error_set(err, PTRCHECK_ERR_CONFIG, NULL, 0, 0,
                                          "bit-field '%s' is wider than its type", f->name ? f->name : "");
            unpacked = fa;
            if (field_packed && w)
                fa = 8;
            if (expl) {
                fa = umax(fa, expl);
                unpacked = umax(unpacked, expl);
            }
            if (mfa && w) {
                unpacked = umin(unpacked, mfa * 8);
                fa = field_packed ? unpacked : umin(fa, mfa * 8);
            }
            if (w == 0 || (!mfa && (off & (fa - 1)) + w > unit_bits))
                off = align_to(off, fa);
            else if (expl && (!mfa || expl <= mfa * 8))
                off = align_to(off, expl);
            out->bit_offset[i] = off;
            if (!abi->unnamed_bitfield_align && !f->name)
                fa = 1;
            if (r->is_union) {
                data_bits = umax(data_bits, align_to(w, 8));
            } else {
                data_bits = align_to(off + w, 8);
                unfilled = data_bits - (off + w);
            }
            align = umax(align, fa / 8);
        } else {
            uint64_t expl = f->align_attr, packed_fa = umax(1, expl), unpacked = umax(ti.align, expl), fa, off;

            unfilled = 0;
            if (mfa) {
                packed_fa = umin(packed_fa, mfa);
                unpacked = umin(unpacked, mfa);
            }
            fa = field_packed ? packed_fa : unpacked;
            off = r->is_union ? 0 : align_to(data_bits / 8, fa);
            out->bit_offset[i] = off * 8;
            if (r->is_union)
                data_bits = umax(data_bits, ti.size * 8);
            else
                data_bits = (off + ti.size) * 8;
            align = umax(align, fa);
        }
    }
    align = umax(align, r->align_attr);
    out->align = align;
    out->size = align_to(align_to(data_bits, 8) / 8, align);
    out->required_align = align;
    return 1;
}

static int layout_microsoft(const ptrcheck_abi_t *abi, const ptrcheck_rdesc_t *r, ptrcheck_rlayout_t *out,
                            ptrcheck_error_t *err)
{
    uint64_t size = 0, align = 1, required = abi->pointer_bytes == 8 ? 1 : 0, mfa = 0;
    uint64_t cur_unit = 0, remaining = 0;
    int last_nonzero_bf = 0;
    unsigned i;

    if (r->pragma_pack && r->pragma_pack * 8 <= abi->pointer_bytes * 8)
        mfa = r->pragma_pack;
    if (r->packed)
        mfa = 1;
    for (i = 0; i < r->nfields; i++) {
        const ptrcheck_rfield_t *f = &r->fields[i];
        uint64_t freq = f->align_attr, al, off;
        tinfo_t ti;

        if (!field_type_info(abi, r, f, &ti, err))
            return 0;
        out->bytes[i] = ti.size;
        if (f->typedef_align)
            freq = umax(freq, f->typedef_align);
        al = ti.align;
        if (f->is_bitfield) {
            al = umax(al, freq);
        } else {
            freq = umax(freq, ti.required);
            required = umax(required, freq);
        }
        if (mfa)
            al = umin(al, mfa);
        if (f->packed_attr)
            al = 1;
        al = umax(al, freq);

        if (!f->is_bitfield) {
            last_nonzero_bf = 0;
            align = umax(align, al);
            off = r->is_union ? 0 : align_to(size, al);
            out->bit_offset[i] = off * 8;
            size = umax(size, off + ti.size);
            continue;
        }
        if (f->bit_width == 0) {
            if (!last_nonzero_bf) {
                out->bit_offset[i] = r->is_union ? 0 : size * 8;
                continue;
            }
            last_nonzero_bf = 0;
            if (r->is_union) {
                out->bit_offset[i] = 0;
                size = umax(size, ti.unit);
            } else {
                off = align_to(size, al);
                out->bit_offset[i] = off * 8;
                size = off;
                align = umax(align, al);
            }
            continue;
        }
        {
            uint64_t w = f->bit_width;
            if (w > ti.unit * 8)
                w = ti.unit * 8;
            if (!r->is_union && last_nonzero_bf && cur_unit == ti.unit && w <= remaining) {
                out->bit_offset[i] = size * 8 - remaining;
                remaining -= w;
                continue;
            }
            last_nonzero_bf = 1;
            cur_unit = ti.unit;
            if (r->is_union) {
                out->bit_offset[i] = 0;
                size = umax(size, ti.unit);
            } else {
                off = align_to(size, al);
                out->bit_offset[i] = off * 8;
                size = off + ti.unit;
                align = umax(align, al);
                remaining = ti.unit * 8 - w;
            }
        }
    }
    size = align_to(size, align);
    required = umax(required, r->align_attr);
    if (required) {
        uint64_t rounding;
        align = umax(align, required);
        rounding = align;
        if (mfa)
            rounding = umin(rounding, mfa);
        rounding = umax(rounding, required);
        size = align_to(size, rounding);
    }
    if (size == 0)
        size = required >= 4 ? align : 4;
    out->size = size;
    out->align = align;
    out->required_align = required;
    return 1;
}

int ptrcheck_rlayout_compute(const ptrcheck_abi_t *abi, const ptrcheck_rdesc_t *r, ptrcheck_rlayout_t *out,
                             ptrcheck_error_t *err)
{
    int ok;

    if (!alloc_layout(out, r->nfields, err))
        return 0;
    ok = abi->ms_layout ? layout_microsoft(abi, r, out, err) : layout_itanium(abi, r, out, err);
    if (!ok)
        ptrcheck_rlayout_fini(out);
    return ok;
}

int ptrcheck_rlayout_here(const ptrcheck_rdesc_t *r, ptrcheck_rlayout_t *out, ptrcheck_error_t *err)
{
    unsigned i;

    if (!alloc_layout(out, r->nfields, err))
        return 0;
    for (i = 0; i < r->nfields; i++) {
        out->bit_offset[i] = r->fields[i].here_bit_offset;
        out->bytes[i] = r->fields[i].here_bytes;
    }
    out->size = r->here_size;
    out->align = r->here_align ? r->here_align : 1;
    out->required_align = out->align;
    return 1;
}

void ptrcheck_rlayout_fini(ptrcheck_rlayout_t *l)
{
    if (!l)
        return;
    free(l->bit_offset);
    free(l->bytes);
    l->bit_offset = l->bytes = NULL;
    l->nfields = 0;
}

/* ---------------------------------------------------------------- flattening into a table record */

static int flatten(ptrcheck_layout_record_t *rec, const ptrcheck_abi_t *abi, const ptrcheck_rdesc_t *r,
                   const char *prefix, uint64_t base_bits, ptrcheck_error_t *err)
{
    ptrcheck_rlayout_t l;
    unsigned i;
    int ok = 0;

    if (abi ? !ptrcheck_rlayout_compute(abi, r, &l, err) : !ptrcheck_rlayout_here(r, &l, err))
        return 0;
    for (i = 0; i < r->nfields; i++) {
        const ptrcheck_rfield_t *f = &r->fields[i];
        uint64_t abs = base_bits + l.bit_offset[i];
        int nested = !f->is_bitfield && f->scalar == PTRCHECK_S_NONE && f->record && !f->is_array;
        ptrcheck_layout_field_t lf;
        size_t n;
        char *path;

        if (nested && !f->name) { /* anonymous struct/union member: its members belong to the parent */
            if (!flatten(rec, abi, f->record, prefix, abs, err))
                goto out;
            continue;
        }
        if (!f->name || !f->name[0] || (f->is_bitfield && f->bit_width == 0))
            continue;
        n = strlen(prefix) + strlen(f->name) + 2;
        path = malloc(n);
        if (!path) {
            ptrcheck_error_set(err, PTRCHECK_ERR_NOMEM, NULL, 0, 0, "out of memory");
            goto out;
        }
        snprintf(path, n, "%s%s%s", prefix, prefix[0] ? "." : "", f->name);
        memset(&lf, 0, sizeof lf);
        lf.name = path;
        lf.offset = abs / 8;
        if (f->is_bitfield) {
            lf.is_bitfield = 1;
            lf.bit_offset = (unsigned)(abs % 8);
            lf.bit_width = f->bit_width;
            lf.size = (lf.bit_offset + lf.bit_width + 7) / 8;
        } else {
            lf.size = l.bytes[i];
        }
        if (!ptrcheck_layout_record_add_field(rec, &lf, err)) {
            free(path);
            goto out;
        }
        if (nested && !flatten(rec, abi, f->record, path, abs, err)) {
            free(path);
            goto out;
        }
        free(path);
    }
    ok = 1;
out:
    ptrcheck_rlayout_fini(&l);
    return ok;
}

ptrcheck_layout_record_t *ptrcheck_layout_add_described(ptrcheck_layout_target_t *tg, const char *name,
                                                        const ptrcheck_abi_t *abi, const ptrcheck_rdesc_t *r,
                                                        ptrcheck_error_t *err)
{
    ptrcheck_rlayout_t top;
    ptrcheck_layout_record_t *rec;

    if (abi ? !ptrcheck_rlayout_compute(abi, r, &top, err) : !ptrcheck_rlayout_here(r, &top, err))
        return NULL;
    rec = ptrcheck_layout_target_add_record(tg, name, top.size, top.align, err);
    ptrcheck_rlayout_fini(&top);
    if (!rec)
        return NULL;
    if (!flatten(rec, abi, r, "", 0, err))
        return NULL; /* the partly filled record stays in the table; callers treat the target as unknown */
    return rec;
}

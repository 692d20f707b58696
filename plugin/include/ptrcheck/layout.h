/* ptrcheck layout tables: per-target struct/union layouts, stored as YAML (format ptrcheck-layout/1).
 *
 * Two libraries:
 *   ptrcheck_layout     table model, YAML loader/writer, lookups.  C11 + libyaml, no libclang: the
 *                       plugin (ptrcheck-offset-assumption) links this one.
 *   ptrcheck_layoutgen  layout generation with libclang and the `ptrcheck layout` subcommands
 *                       (ptrcheck_layout_generate, ptrcheck_layout_main).
 *
 * Conventions as in ptrcheck.h: functions return 1 on success and 0 on failure with the details in a
 * ptrcheck_error_t (file/line/col set for table files); handles come from _create and go back
 * through _destroy; no globals.
 *
 * Model.  A table holds targets (one per triple); a target holds records in order; a record holds
 * fields in order.  Record names are spelled as C spells the type: "struct event", "union value",
 * or the typedef name of a typedef'd anonymous struct/union ("pair_t").  Field names are member
 * designators: "id", "hdr.len" (member len of the named member hdr), members of anonymous
 * structs/unions are flattened into their parent's path (C11: "u.a" only when u is named).  Named
 * aggregate members appear themselves ("hdr") and, after them, their members ("hdr.len", ...);
 * arrays are not expanded.  Unnamed bit-fields are padding, not fields.
 *
 * Units: offset/size in bytes.  For bit-fields, offset is the byte holding the first bit,
 * bit_offset the bit within that byte (0..7, in allocation order: absolute bit = offset*8 +
 * bit_offset), bit_width the declared width, size the number of bytes the bits touch.  A flexible
 * array member has size 0.
 */
#ifndef PTRCHECK_LAYOUT_H
#define PTRCHECK_LAYOUT_H

#include <ptrcheck/ptrcheck.h>

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PTRCHECK_LAYOUT_FORMAT "ptrcheck-layout/1"

typedef struct ptrcheck_layout_field_s {
    char *name;          /* "id", "hdr.len" */
    uint64_t offset;     /* bytes from the start of the record */
    uint64_t size;       /* bytes */
    unsigned bit_offset; /* bit-fields only: 0..7 within byte `offset` */
    unsigned bit_width;  /* bit-fields only: >= 1 */
    int is_bitfield;
    unsigned depth;      /* number of '.' in name: 0 for direct members */
    int is_leaf;         /* no member of this table is nested in it (not an expanded aggregate) */
    unsigned yaml_line;  /* where it was read from (1-based); 0 when not loaded from a file */
    unsigned yaml_col;
} ptrcheck_layout_field_t;

typedef struct ptrcheck_layout_record_s {
    char *name;          /* "struct event", "pair_t" */
    uint64_t size;       /* sizeof, bytes */
    uint64_t align;      /* _Alignof, bytes */
    ptrcheck_layout_field_t *fields;
    size_t nfields;
    size_t capfields;
    unsigned yaml_line;
    unsigned yaml_col;
} ptrcheck_layout_record_t;

typedef struct ptrcheck_layout_target_s ptrcheck_layout_target_t; /* opaque: has a name index */
typedef struct ptrcheck_layout_table_s ptrcheck_layout_table_t;   /* opaque */

/* ------------------------------------------------------------------ table lifetime and building */

PTRCHECK_API ptrcheck_layout_table_t *ptrcheck_layout_table_create(void);
PTRCHECK_API void ptrcheck_layout_table_destroy(ptrcheck_layout_table_t *t);

/* Adds a target (triple copied).  Returns the existing one when the triple is already there.  The
 * returned pointer stays valid until the table is destroyed.  NULL only when out of memory. */
PTRCHECK_API ptrcheck_layout_target_t *ptrcheck_layout_table_add_target(ptrcheck_layout_table_t *t,
                                                                        const char *triple);
/* Adds an empty record (name copied).  NULL when a record of that name exists already (err says so)
 * or out of memory.  The pointer stays valid until the table is destroyed. */
PTRCHECK_API ptrcheck_layout_record_t *ptrcheck_layout_target_add_record(ptrcheck_layout_target_t *tg,
                                                                         const char *name, uint64_t size,
                                                                         uint64_t align, ptrcheck_error_t *err);
/* Appends a copy of *f (name copied; depth and is_leaf are computed: fields must be added parents
 * first, as they nest).  0 on a duplicate name or out of memory. */
PTRCHECK_API int ptrcheck_layout_record_add_field(ptrcheck_layout_record_t *r, const ptrcheck_layout_field_t *f,
                                                  ptrcheck_error_t *err);
/* Copies every target/record of src into dst.  A record present in both for the same triple must
 * have the same layout (else 0, err names it); identical duplicates are accepted once. */
PTRCHECK_API int ptrcheck_layout_table_merge(ptrcheck_layout_table_t *dst, const ptrcheck_layout_table_t *src,
                                             ptrcheck_error_t *err);

/* ------------------------------------------------------------------ YAML */

/* Loads a table file.  *out receives a new table (ptrcheck_layout_table_destroy) on success and NULL
 * on failure.  Strict: format must be ptrcheck-layout/1, unknown/duplicate/missing keys, wrong
 * types, aliases, inconsistent layouts (field past the end of its record, bad alignment) fail with
 * err->file/line/col at the offending node. */
PTRCHECK_API int ptrcheck_layout_table_load(const char *path, ptrcheck_layout_table_t **out, ptrcheck_error_t *err);
/* Same from memory; name is used in messages. */
PTRCHECK_API int ptrcheck_layout_table_load_string(const char *name, const char *text, size_t len,
                                                   ptrcheck_layout_table_t **out, ptrcheck_error_t *err);
/* Writes the table with the libyaml emitter (field mappings in flow style).  _write replaces path
 * atomically (temporary file + rename); path "-" means stdout. */
PTRCHECK_API int ptrcheck_layout_table_write(const ptrcheck_layout_table_t *t, const char *path, ptrcheck_error_t *err);
PTRCHECK_API int ptrcheck_layout_table_write_file(const ptrcheck_layout_table_t *t, FILE *fp, ptrcheck_error_t *err);

/* ------------------------------------------------------------------ queries */

PTRCHECK_API size_t ptrcheck_layout_table_ntargets(const ptrcheck_layout_table_t *t);
PTRCHECK_API const ptrcheck_layout_target_t *ptrcheck_layout_table_target_at(const ptrcheck_layout_table_t *t,
                                                                              size_t i);
PTRCHECK_API const char *ptrcheck_layout_target_triple(const ptrcheck_layout_target_t *tg);
PTRCHECK_API size_t ptrcheck_layout_target_nrecords(const ptrcheck_layout_target_t *tg);
PTRCHECK_API const ptrcheck_layout_record_t *ptrcheck_layout_target_record_at(const ptrcheck_layout_target_t *tg,
                                                                              size_t i);

/* Triples compare equal when they are equal after dropping an "unknown" vendor component
 * (x86_64-unknown-linux-gnu == x86_64-linux-gnu).  Nothing else is normalised. */
PTRCHECK_API int ptrcheck_layout_triple_equal(const char *a, const char *b);
PTRCHECK_API const ptrcheck_layout_target_t *ptrcheck_layout_table_find_target(const ptrcheck_layout_table_t *t,
                                                                               const char *triple);
/* Hash lookup (O(1)): "struct event", "union u", "pair_t".  NULL when absent. */
PTRCHECK_API const ptrcheck_layout_record_t *ptrcheck_layout_target_find_record(const ptrcheck_layout_target_t *tg,
                                                                                const char *name);
/* Both steps at once; NULL when the triple or the record is absent. */
PTRCHECK_API const ptrcheck_layout_record_t *ptrcheck_layout_find_record(const ptrcheck_layout_table_t *t,
                                                                         const char *triple, const char *name);
/* Field by designator ("hdr.len"); NULL when absent. */
PTRCHECK_API const ptrcheck_layout_field_t *ptrcheck_layout_find_field(const ptrcheck_layout_record_t *r,
                                                                       const char *name);

/* What a byte offset into a record lands on. */
typedef enum ptrcheck_layout_hit_e {
    PTRCHECK_LAYOUT_HIT_FIELD,    /* start of field (a byte-aligned field starting exactly there) */
    PTRCHECK_LAYOUT_HIT_INSIDE,   /* inside a field (or inside the bytes of a bit-field) */
    PTRCHECK_LAYOUT_HIT_PADDING,  /* in a hole no field covers (including trailing padding) */
    PTRCHECK_LAYOUT_HIT_END,      /* offset == size: one past the end */
    PTRCHECK_LAYOUT_HIT_PAST_END  /* offset > size */
} ptrcheck_layout_hit_t;

typedef struct ptrcheck_layout_lookup_s {
    ptrcheck_layout_hit_t hit;
    /* HIT_FIELD: the deepest non-bit-field field starting at the offset (first in table order among
     * equals: for a union, its first member); HIT_INSIDE: the deepest field containing it.
     * NULL otherwise. */
    const ptrcheck_layout_field_t *field;
    uint64_t delta; /* offset - field->offset (0 for HIT_FIELD) */
} ptrcheck_layout_lookup_t;

PTRCHECK_API ptrcheck_layout_hit_t ptrcheck_layout_lookup_offset(const ptrcheck_layout_record_t *r, uint64_t offset,
                                                                 ptrcheck_layout_lookup_t *out);
/* All fields whose bytes contain `offset` (fields starting there and enclosing ones; every member of
 * a union), in table order.  Writes up to max pointers to out and returns the total count. */
PTRCHECK_API size_t ptrcheck_layout_fields_at(const ptrcheck_layout_record_t *r, uint64_t offset,
                                              const ptrcheck_layout_field_t **out, size_t max);
/* Padding holes: bytes in [0, size) that no leaf field covers, as maximal runs.  Calls fn for each
 * hole in increasing order; returns the number of holes. */
typedef void (*ptrcheck_layout_hole_fn)(void *user, uint64_t offset, uint64_t size);
PTRCHECK_API size_t ptrcheck_layout_record_holes(const ptrcheck_layout_record_t *r, ptrcheck_layout_hole_fn fn,
                                                 void *user);
/* Same layout: size, align, and the same fields (names, offsets, sizes, bit positions) in order. */
PTRCHECK_API int ptrcheck_layout_record_equal(const ptrcheck_layout_record_t *a, const ptrcheck_layout_record_t *b);

/* ------------------------------------------------------------------ generation (ptrcheck_layoutgen, libclang) */

typedef struct ptrcheck_layout_gen_options_s {
    const char *const *targets;   /* triples; parsed once each */
    size_t ntargets;
    const char *const *headers;   /* paths of the headers whose records are wanted */
    size_t nheaders;
    const char *const *clang_args; /* passed through: "-I", "dir", "-DX=1", ... */
    size_t nclang_args;
    /* Globs over record names ("struct ev*", also matched against the bare tag "ev*").  When empty,
     * every named record defined in the headers is taken (not those of headers they include);
     * when given, the matching records wherever they are defined. */
    const char *const *record_globs;
    size_t nrecord_globs;
} ptrcheck_layout_gen_options_t;

/* Parses the headers once per target with libclang (-target T -ffreestanding -x c, clang's own
 * resource headers) and adds one target per triple to out.  A header that cannot be found or a
 * compile error fails with err at the spot clang reports ("'sys/types.h' file not found"). */
PTRCHECK_API int ptrcheck_layout_generate(const ptrcheck_layout_gen_options_t *opt, ptrcheck_layout_table_t *out,
                                          ptrcheck_error_t *err);

/* `ptrcheck layout gen|show|check|asserts ...`; argv[0] is "layout".  Returns the exit status:
 * 0 ok, 1 differences (check), 2 usage or input error (one message on stderr). */
PTRCHECK_API int ptrcheck_layout_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif
#endif

/* AST facts: a small, Clang-free mirror of the expressions the AST-level checks look at.
 * The C++ frontend adapters (clang plugin, clang-tidy module) translate Clang AST nodes into these
 * plain structs and hand them to the engine; every decision is made in C (checks/<id>.c).
 * Nodes are allocated from the engine's per-TU arena (ptrcheck_ast_new_expr) and stay valid until
 * ptrcheck_ast_reset. */
#ifndef PTRCHECK_AST_H
#define PTRCHECK_AST_H

#include "ptrcheck.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ptrcheck_tkind_e {
    PTRCHECK_T_OTHER = 0,
    PTRCHECK_T_VOID,
    PTRCHECK_T_BOOL,
    PTRCHECK_T_INT, /* integers, enums, characters */
    PTRCHECK_T_FLOAT,
    PTRCHECK_T_POINTER,
    PTRCHECK_T_ARRAY,
    PTRCHECK_T_RECORD,
    PTRCHECK_T_FUNCTION
} ptrcheck_tkind_t;

/* How wide an integer type is on *other* targets: the rank of its builtin type, looked through
 * typedefs, except that the standard pointer-sized typedefs are recognised by name. */
typedef enum ptrcheck_irank_e {
    PTRCHECK_R_NONE = 0,
    PTRCHECK_R_CHAR,
    PTRCHECK_R_SHORT,
    PTRCHECK_R_INT,
    PTRCHECK_R_LONG,
    PTRCHECK_R_LONGLONG,
    PTRCHECK_R_INT128,
    PTRCHECK_R_PTRSIZED, /* intptr_t, uintptr_t, size_t, ssize_t, ptrdiff_t (pointer-sized everywhere) */
    PTRCHECK_R_FIXED     /* int32_t, uint64_t, ...: `bits` on every target */
} ptrcheck_irank_t;

typedef struct ptrcheck_type_s {
    ptrcheck_tkind_t kind;
    const char *spelling;   /* as written, e.g. "uintptr_t", "struct node *" */
    unsigned bits;          /* size on the compiling target; 0 if unknown/incomplete */
    int is_signed;
    ptrcheck_irank_t rank;  /* for PTRCHECK_T_INT */
    int per_target_unknown; /* PTRCHECK_T_INT spelled through a typedef whose definition on other targets
                               ptrcheck does not know (a project's `gsize`, `u32`, `time_t`): its width is
                               known for the compiling target only */
    /* pointers and arrays */
    int pointee_const;
    unsigned pointee_bytes; /* 0 when void, incomplete or unknown */
    const char *pointee_spelling;
    ptrcheck_tkind_t pointee_kind;
    unsigned long long array_len; /* PTRCHECK_T_ARRAY: element count (0 if unknown) */
} ptrcheck_type_t;

typedef enum ptrcheck_ekind_e {
    PTRCHECK_E_OTHER = 0,
    PTRCHECK_E_CAST,
    PTRCHECK_E_BINARY,
    PTRCHECK_E_UNARY,
    PTRCHECK_E_INT,      /* integer literal */
    PTRCHECK_E_DECLREF,
    PTRCHECK_E_MEMBER,
    PTRCHECK_E_CALL,     /* kids[0] = callee expression, kids[1..] = arguments */
    PTRCHECK_E_CONDITIONAL,
    PTRCHECK_E_SUBSCRIPT,
    PTRCHECK_E_STRING,
    PTRCHECK_E_INITLIST,
    PTRCHECK_E_COMPOUND_LITERAL,
    PTRCHECK_E_SIZEOF,   /* sizeof/_Alignof; value set when constant */
    PTRCHECK_E_OFFSETOF
} ptrcheck_ekind_t;

typedef enum ptrcheck_cast_e {
    PTRCHECK_C_OTHER = 0,
    PTRCHECK_C_PTR_TO_INT,
    PTRCHECK_C_INT_TO_PTR,
    PTRCHECK_C_INTEGRAL,  /* integer <-> integer (incl. bool) */
    PTRCHECK_C_PTR_TO_PTR,
    PTRCHECK_C_NULL_TO_PTR,
    PTRCHECK_C_DECAY,     /* array/function to pointer */
    PTRCHECK_C_LVALUE     /* lvalue-to-rvalue (load) */
} ptrcheck_cast_t;

typedef enum ptrcheck_op_e {
    PTRCHECK_OP_NONE = 0,
    PTRCHECK_OP_ADD, PTRCHECK_OP_SUB, PTRCHECK_OP_MUL, PTRCHECK_OP_DIV, PTRCHECK_OP_REM,
    PTRCHECK_OP_SHL, PTRCHECK_OP_SHR, PTRCHECK_OP_AND, PTRCHECK_OP_OR, PTRCHECK_OP_XOR,
    PTRCHECK_OP_LAND, PTRCHECK_OP_LOR, PTRCHECK_OP_CMP, PTRCHECK_OP_COMMA,
    PTRCHECK_OP_ASSIGN,   /* compound assignments set `compound_op` */
    /* unary */
    PTRCHECK_OP_ADDROF, PTRCHECK_OP_DEREF, PTRCHECK_OP_NOT /* ~ */, PTRCHECK_OP_LNOT, PTRCHECK_OP_NEG,
    PTRCHECK_OP_PLUS, PTRCHECK_OP_PREINC, PTRCHECK_OP_PREDEC, PTRCHECK_OP_POSTINC, PTRCHECK_OP_POSTDEC
} ptrcheck_op_t;

typedef enum ptrcheck_declkind_e {
    PTRCHECK_D_NONE = 0,
    PTRCHECK_D_LOCAL,   /* automatic storage */
    PTRCHECK_D_STATIC_LOCAL,
    PTRCHECK_D_GLOBAL,
    PTRCHECK_D_PARAM,
    PTRCHECK_D_FUNCTION,
    PTRCHECK_D_FIELD,
    PTRCHECK_D_ENUMERATOR
} ptrcheck_declkind_t;

/* ---- record descriptions (ptrcheck-offset-assumption).  A struct/union described target-neutrally,
 * so that the engine can lay it out for every configured target (plugin/engine/layout_compute.c),
 * plus clang's layout on the compiling target ("here"). */
typedef enum ptrcheck_scalar_e {
    PTRCHECK_S_NONE = 0, /* a nested record (rfield.record) */
    PTRCHECK_S_BOOL,
    PTRCHECK_S_CHAR,
    PTRCHECK_S_SHORT,
    PTRCHECK_S_INT,
    PTRCHECK_S_LONG,
    PTRCHECK_S_LONGLONG,
    PTRCHECK_S_INT128,
    PTRCHECK_S_FLOAT,
    PTRCHECK_S_DOUBLE,
    PTRCHECK_S_LONGDOUBLE,
    PTRCHECK_S_POINTER,
    PTRCHECK_S_PTRINT, /* intptr_t, uintptr_t, size_t, ssize_t, ptrdiff_t: pointer-sized everywhere */
    PTRCHECK_S_WCHAR,  /* wchar_t: 2 bytes on Windows, 4 elsewhere */
    PTRCHECK_S_FIXED   /* anything else: fixed_bytes/fixed_align on every target (vectors, _Float16) */
} ptrcheck_scalar_t;

typedef struct ptrcheck_rdesc_s ptrcheck_rdesc_t;

typedef struct ptrcheck_rfield_s {
    const char *name;          /* NULL: member of anonymous struct/union type, or unnamed bit-field */
    const char *type_spelling; /* "uint32_t", "struct list_head" (element type for arrays) */
    ptrcheck_scalar_t scalar;  /* element type for arrays; enums give their underlying type */
    int is_complex;            /* _Complex scalar: two of them */
    const ptrcheck_rdesc_t *record; /* scalar == PTRCHECK_S_NONE */
    int is_array;
    unsigned long long count;  /* array: elements (all dimensions multiplied); 0 for a flexible array */
    int is_flexible;
    int is_bitfield;
    unsigned bit_width;
    unsigned fixed_bytes, fixed_align; /* PTRCHECK_S_FIXED */
    unsigned align_attr;       /* aligned/_Alignas on the field, bytes; 0 none */
    unsigned typedef_align;    /* alignment required by an aligned typedef in the field's type; 0 none */
    int packed_attr;           /* __attribute__((packed)) on the field */
    unsigned long long here_bit_offset; /* clang's layout on the compiling target */
    unsigned long long here_bytes;      /* sizeof the field's type here (0 for a flexible array) */
    unsigned long long here_elem_bytes; /* arrays: element size here */
    int per_target_unknown;    /* its size on other targets is not known from this preprocessing: an
                                  integer typedef ptrcheck does not know per target, an array bound
                                  computed from sizeof/_Alignof/offsetof or a target macro */
} ptrcheck_rfield_t;

struct ptrcheck_rdesc_s {
    uint64_t id;              /* unique per record definition within the translation unit (cache key) */
    const char *name;         /* "struct event", "union value", "pair_t"; NULL for an anonymous member record */
    int is_union;
    int packed;               /* __attribute__((packed)) on the record */
    unsigned pragma_pack;     /* #pragma pack in force at the definition, bytes; 0 none */
    unsigned align_attr;      /* aligned attributes on the record, bytes; 0 none */
    const ptrcheck_rfield_t *fields;
    unsigned nfields;
    unsigned long long here_size, here_align; /* bytes, on the compiling target */
    int has_conditional;      /* a preprocessor conditional inside the definition: its fields on other
                                 targets are not known from this preprocessing */
};

typedef enum ptrcheck_cmp_e {
    PTRCHECK_CMP_NONE = 0, PTRCHECK_CMP_EQ, PTRCHECK_CMP_NE, PTRCHECK_CMP_LT, PTRCHECK_CMP_GT, PTRCHECK_CMP_LE,
    PTRCHECK_CMP_GE
} ptrcheck_cmp_t;

#define PTRCHECK_TRAIT_SIZEOF 1
#define PTRCHECK_TRAIT_ALIGNOF 2

typedef struct ptrcheck_expr_s ptrcheck_expr_t;
struct ptrcheck_expr_s {
    ptrcheck_ekind_t kind;
    ptrcheck_op_t op;          /* binary/unary operator */
    ptrcheck_op_t compound_op; /* for `a op= b`: op is PTRCHECK_OP_ASSIGN, compound_op the arithmetic */
    ptrcheck_cast_t cast;      /* PTRCHECK_E_CAST */
    int implicit;              /* implicit cast inserted by the compiler */
    ptrcheck_type_t type;
    ptrcheck_loc_t loc;        /* the caret location (operator, '(' of a cast, name) */
    ptrcheck_loc_t begin;      /* source range [begin, end): end is one past the last character */
    ptrcheck_loc_t end;
    ptrcheck_loc_t type_begin; /* explicit C-style cast: the "(type)" part, [type_begin, type_end) */
    ptrcheck_loc_t type_end;
    ptrcheck_loc_t type_macro; /* explicit cast whose type as written comes from a macro (`(word_t)p` with
                                  `#define word_t unsigned long`): that macro location, whose origins are
                                  the definitions, so the definitions' conditions can be asked; else 0 */
    int has_value;             /* integer constant expression with a known value */
    long long value;
    const char *name;          /* declref / member / direct callee name */
    unsigned bit_width;        /* PTRCHECK_E_MEMBER naming a bit-field: its width in bits; else 0 */
    ptrcheck_declkind_t decl_kind;
    ptrcheck_loc_t decl_loc;   /* where the referenced declaration is */
    const ptrcheck_expr_t *init; /* declref of a local integer with an initializer that is const or never
                                    changed in the function (C): its value; also of a local `char *`
                                    initialised from a pointer to void or a record */
    int in_macro;              /* any part of the expression comes from a macro expansion */
    int compared_only;         /* an integer-to-pointer cast whose result is only an operand of
                                  comparisons (directly, or kept in a local only ever compared) */
    const char *text;          /* source text of the expression when it is a single file range, else NULL */
    ptrcheck_expr_t **kids;
    unsigned nkids;
    /* ptrcheck-offset-assumption */
    ptrcheck_cmp_t cmp;                 /* PTRCHECK_OP_CMP: which comparison */
    int trait;                          /* PTRCHECK_E_SIZEOF: PTRCHECK_TRAIT_* */
    const ptrcheck_rdesc_t *record;     /* SIZEOF/OFFSETOF of a record (else NULL); pointer-to-record nodes
                                           of an offset fact: the pointee */
    const char *field_path;             /* PTRCHECK_E_OFFSETOF: member designator "hdr.len" (NULL when it has
                                           array subscripts) */
};

/* Per-function context for an AST fact. */
typedef struct ptrcheck_ast_fn_s {
    const char *name;     /* function (symbol) name, NULL at file scope */
    ptrcheck_loc_t loc;
} ptrcheck_ast_fn_t;

/* ---- arena */
PTRCHECK_API ptrcheck_expr_t *ptrcheck_ast_new_expr(ptrcheck_engine_t *e, unsigned nkids);
PTRCHECK_API const char *ptrcheck_ast_strdup(ptrcheck_engine_t *e, const char *s, size_t len);
PTRCHECK_API void ptrcheck_ast_reset(ptrcheck_engine_t *e);

/* ---- fact entry points (dispatched to the checks in checks/<id>/ast.c) */

/* Facts an adapter may skip collecting when no enabled check wants them. */
typedef enum ptrcheck_ast_fact_e {
    PTRCHECK_AST_FACT_OFFSET = 0,   /* ptrcheck_ast_on_offset */
    PTRCHECK_AST_FACT_STATIC_ASSERT, /* ptrcheck_ast_on_static_assert */
    PTRCHECK_AST_FACT_RECORD,       /* ptrcheck_ast_on_record, and the writes and reinterpretations it asks for */
    PTRCHECK_AST_FACT_PTR_TO_INT,   /* ptrcheck_ast_on_ptr_to_int */
    PTRCHECK_AST_FACT_SCOPE_EVENTS, /* ptrcheck_ast_on_scope_events */
    PTRCHECK_AST_FACT_ESCAPE_SITES, /* for the IR side only: STORE sites and borrowed parameters in the
                                       site tables (ptrcheck_ir_wants, ptrcheck/ir.h) */
    PTRCHECK_AST_FACT_CAST          /* ptrcheck_ast_on_cast */
} ptrcheck_ast_fact_t;

/* 1 when an enabled check has a hook for fact (checks/registry.c), so the adapter need not name
 * check ids to know what to collect. */
PTRCHECK_API int ptrcheck_ast_wants(const ptrcheck_engine_t *e, ptrcheck_ast_fact_t fact);

/* An explicit or implicit cast between pointer and integer (cast == PTR_TO_INT or INT_TO_PTR).
 * For INT_TO_PTR the operand subtree is complete down to the leaves that matter (declrefs,
 * literals, calls, member accesses, casts), bounded in depth by the adapter. */
PTRCHECK_API void ptrcheck_ast_on_cast(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_expr_t *cast);

/* A pointer converted to an integer (ptrcheck-ptr-truncation), with how the integer is used: each use is
 * the expression tree `top` around the value and `value`, the node in it that is the converted value
 * (the cast itself, or a read of the local variable it was stored in).  The adapter climbs from the value
 * through parentheses, integer casts, arithmetic, bitwise and comparison operators, `!` and the
 * condition of `?:`. */
typedef struct ptrcheck_int_use_s {
    const ptrcheck_expr_t *top;
    const ptrcheck_expr_t *value;
    int as_condition; /* top is the condition of if/while/for/do/?: or an operand of && / || */
    int to_pointer;   /* top is converted back to a pointer right away (`(void *)(int)p`) */
} ptrcheck_int_use_t;

typedef struct ptrcheck_ptr_to_int_fact_s {
    const ptrcheck_expr_t *cast;
    const ptrcheck_int_use_t *uses;
    size_t nuses;
    int uses_complete; /* 1: `uses` are every use of the value: it is used in place or kept only in a local
                          variable whose address is never taken and whose every read is listed */
    int operand_boxed; /* the pointer is a local variable (address never taken) every value of which is an
                          integer converted to a pointer, never an object's address */
} ptrcheck_ptr_to_int_fact_t;
PTRCHECK_API void ptrcheck_ast_on_ptr_to_int(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                             const ptrcheck_ptr_to_int_fact_t *fact);

/* Start of a translation unit's AST pass: `triple` is the compiling target.  Loads what the checks need
 * once per TU (layout tables); problems are reported through the sink. */
PTRCHECK_API void ptrcheck_ast_on_tu_begin(ptrcheck_engine_t *e, const char *triple);

/* A hard-coded byte offset applied to a pointer (ptrcheck-offset-assumption).  `arith` is the byte-pointer
 * arithmetic (`(char *)p + 8 + 16`, `(char *)m - 8`): a chain of PTRCHECK_OP_ADD/SUB nodes down its left
 * (or pointer) side, integer constants on the other, ending at the explicit cast whose operand points to
 * a record (that operand's node has `record` set).  `result_record` is set when the result is converted
 * to a pointer to a record (container_of: `(struct S *)((char *)m - 8)`); `member` is the member
 * expression when the base is `&x->f` / `&x.f` (container_of by member). `access_bytes` is the size read
 * or written at the offset (the pointee of the cast applied to the result, or memcpy's constant size;
 * 0 when unknown), `access_spelling` its type. */
typedef struct ptrcheck_offset_fact_s {
    const ptrcheck_expr_t *arith;
    const ptrcheck_rdesc_t *base_record;   /* the record the byte pointer was made from (NULL: not a record) */
    const ptrcheck_rdesc_t *result_record;
    const char *base_pointee_spelling; /* the type the byte pointer was made from: "struct event", "struct list_head" */
    unsigned long long base_pointee_bytes;
    const char *member;                /* container_of: field designator of `&x->f` relative to result_record, or NULL */
    unsigned long long access_bytes;
    const char *access_spelling;
    int via_memcpy;
    int offsetof_defined; /* the offsetof macro is defined in the translation unit (<stddef.h> included) */
} ptrcheck_offset_fact_t;
PTRCHECK_API void ptrcheck_ast_on_offset(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                         const ptrcheck_offset_fact_t *fact);

/* _Static_assert / static_assert: `cond` is the condition (sizeof/_Alignof/offsetof nodes carry `record`),
 * `loc` the declaration. */
/* Testing aid (PTRCHECK_DUMP_LAYOUTS=FILE in the plugin's environment): writes the layouts the engine
 * computes for every configured target for these records as a ptrcheck-layout/1 table. */
PTRCHECK_API int ptrcheck_ast_dump_layouts(ptrcheck_engine_t *e, const ptrcheck_rdesc_t *const *recs, size_t n,
                                           const char *path, ptrcheck_error_t *err);

PTRCHECK_API void ptrcheck_ast_on_static_assert(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                                const ptrcheck_expr_t *cond, ptrcheck_loc_t loc);

/* ---- block scopes (ptrcheck-stack-escape: addresses used after their block ends).
 * For each function the adapter records, in code-generation order, the events below; the engine
 * decides (checks/stack-escape/ast.c).  Variables (and block-scope compound literals) are
 * identified by a per-function id (> 0). */
typedef enum ptrcheck_scope_ev_e {
    PTRCHECK_SCOPE_DECL = 0, /* local `var` declared (again, in a loop) */
    PTRCHECK_SCOPE_ADDR,     /* pointer variable `var` = the address of local `target` (&x, x[...], array x) */
    PTRCHECK_SCOPE_COPY,     /* pointer variable `var` = pointer variable `target` */
    PTRCHECK_SCOPE_ASSIGN,   /* pointer variable `var` = anything else */
    PTRCHECK_SCOPE_USE,      /* pointer variable `var` is read */
    PTRCHECK_SCOPE_END,      /* the block that declares local `var` ends */
    PTRCHECK_SCOPE_ADDR_ALSO, /* ... = c ? &target : ...: `var` may also hold the address of `target` */
    PTRCHECK_SCOPE_COPY_ALSO, /* ... = c ? q : ...: `var` may also hold what pointer variable `target` holds */
    PTRCHECK_SCOPE_BLOCK,    /* a block begins (var 0) */
    PTRCHECK_SCOPE_BLOCK_END, /* that block ends and control falls through */
    PTRCHECK_SCOPE_BLOCK_DEAD, /* that block ends in a return (or a call that does not return): what it
                                 assigned does not reach the code after it */
    PTRCHECK_SCOPE_ARMS,     /* the then arm of an if statement with an else arm begins (var 0) */
    PTRCHECK_SCOPE_ELSE,     /* its else arm begins: the paths through it did not pass the then arm */
    PTRCHECK_SCOPE_ARMS_END  /* the if statement ends: what either arm assigned may reach what follows */
} ptrcheck_scope_ev_t;

typedef struct ptrcheck_scope_event_s {
    ptrcheck_scope_ev_t kind;
    unsigned var;
    unsigned target;
    const char *name;        /* var's name; "(compound literal)" for a block-scope compound literal */
    ptrcheck_loc_t loc;      /* the event (for END: the closing brace) */
    ptrcheck_loc_t decl_loc; /* var's declaration */
} ptrcheck_scope_event_t;

PTRCHECK_API void ptrcheck_ast_on_scope_events(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                               const ptrcheck_scope_event_t *events, size_t n);

/* ---- IR correlation sites (see docs/architecture.md, "IR findings without -g").
 * While walking each function body in code-generation order, the frontend records the source
 * constructs that become IR instructions the IR checks report on, so an IR finding can name the
 * file:line:col and the variable even when the compile has no -g. */
typedef enum ptrcheck_site_kind_e {
    PTRCHECK_SITE_INTTOPTR = 0, /* an int->ptr cast whose operand is not a constant */
    PTRCHECK_SITE_PTRTOINT,     /* a ptr->int cast whose operand is not a constant */
    PTRCHECK_SITE_LOCAL,        /* parameters then automatic variables, in allocation order */
    PTRCHECK_SITE_CALL,         /* calls to named non-builtin functions */
    PTRCHECK_SITE_RETURN,       /* return statements */
    PTRCHECK_SITE_STORE,        /* scalar assignments (=, op=, ++, --) whose left-hand side is not a local
                                   variable (or a field/element of one): globals, *p, p->f, p[i] */
    PTRCHECK_SITE_KIND_COUNT
} ptrcheck_site_kind_t;

typedef struct ptrcheck_site_s {
    ptrcheck_loc_t loc;
    const char *name;   /* variable name (LOCAL), callee (CALL), else NULL */
    unsigned long long bytes; /* LOCAL: size of the variable in bytes (0 for VLAs) */
    unsigned flags;     /* PTRCHECK_SITE_F_* */
} ptrcheck_site_t;

#define PTRCHECK_SITE_F_PARAM 1u
#define PTRCHECK_SITE_F_ARRAY 2u
#define PTRCHECK_SITE_F_COMPOUND_LITERAL 4u
#define PTRCHECK_SITE_F_VLA 8u
#define PTRCHECK_SITE_F_ALLOCA 16u /* alloca() call: a dynamic alloca in IR */
#define PTRCHECK_SITE_F_AGGREGATE 32u /* record-typed parameter: may be passed byval, without an alloca */
#define PTRCHECK_SITE_F_BORROWED 64u /* parameter marked annotate("ptrcheck_borrowed") (on itself or its function) */
#define PTRCHECK_SITE_F_NRVO 128u /* the named return value: lives in clang's return slot (the first alloca, or the
                                     sret argument), not in an alloca of its own */

typedef struct ptrcheck_fn_sites_s ptrcheck_fn_sites_t;

PTRCHECK_API int ptrcheck_sites_begin_function(ptrcheck_engine_t *e, const char *symbol, ptrcheck_loc_t loc);
PTRCHECK_API int ptrcheck_sites_add(ptrcheck_engine_t *e, ptrcheck_site_kind_t kind, const ptrcheck_site_t *site);
PTRCHECK_API void ptrcheck_sites_end_function(ptrcheck_engine_t *e);
/* Field names of records, so IR findings through struct fields can name them.  `record` is the name
 * clang's code generator gives the record type ("struct.node", "union.u", "struct.anon"; a typedef'd
 * anonymous struct takes the typedef's name); the IR side strips LLVM's ".N" uniquing suffixes.
 * The field is identified by its byte offset. */
PTRCHECK_API int ptrcheck_sites_add_record_field(ptrcheck_engine_t *e, const char *record,
                                                 unsigned long long byte_offset, const char *field);

PTRCHECK_API const ptrcheck_fn_sites_t *ptrcheck_sites_lookup(const ptrcheck_engine_t *e, const char *symbol);
PTRCHECK_API ptrcheck_loc_t ptrcheck_sites_fn_loc(const ptrcheck_fn_sites_t *fs);
PTRCHECK_API size_t ptrcheck_sites_count(const ptrcheck_fn_sites_t *fs, ptrcheck_site_kind_t kind);
PTRCHECK_API const ptrcheck_site_t *ptrcheck_sites_get(const ptrcheck_fn_sites_t *fs, ptrcheck_site_kind_t kind,
                                                       size_t ordinal);
PTRCHECK_API const char *ptrcheck_sites_field_name(const ptrcheck_engine_t *e, const char *record,
                                                   unsigned long long byte_offset);
/* 1 when the AST pass ran for this translation unit (so site tables are authoritative). */
PTRCHECK_API int ptrcheck_sites_available(const ptrcheck_engine_t *e);

#ifdef __cplusplus
}
#endif
#endif

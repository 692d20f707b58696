/* The round-trip flow analysis (ptrcheck_private/roundtrip.h): a module-level, flow-insensitive
 * data-flow analysis of pointer bits that live as integers.
 *
 * Values.  A value is a pointer-derived integer (PDI) when it is a ptrtoint (instruction or
 * constant expression), an integer operation with a PDI operand, an integer load from an abstract
 * location that holds PDIs or pointer bits, a call to a function of the module whose return value
 * is PDI, or a parameter of a defined function to which some call site passes a PDI.
 *
 * Abstract locations.  An alloca; a global variable; a field of a named struct type, identified by
 * (struct name without ".N" suffixes, byte offset) and shared by every object of that type and every
 * function; the memory a pointer parameter of a function points to (linked both ways with the
 * location of each call site's argument, so out-parameters and in-parameters both connect); the
 * memory a pointer loaded from a location points to (DEREF), looking through allocas that are
 * stored exactly one pointer (clang -O0 parameter spills, `T *q = &u`); the return value of a
 * function.  Array elements reached with constant indices are cells of their object (see CELL_*);
 * a varying index reaches all of them.  The memory a pointer parameter points to keeps its callers'
 * contents (read by the callee) apart from the callee's stores (seen by every caller).  GEPs into
 * literal (unnamed) structs are ABI coercions clang makes; accesses through them are not tracked.
 *
 * Conversions clang's code generator makes for `_Atomic` pointers (ptrcheck_ir_fn_lowered) are not
 * the program's: the integer is a pointer stored in, or loaded from, pointer memory.
 *
 * Pointer bits in memory.  A location holds pointer bits when a pointer-typed value is stored
 * into it (or a pointer is in its initializer) and it is read as an integer (union punning), or a
 * memcpy/memmove copies into it from a location that holds pointer-typed values.  Atomic
 * compare-exchange and read-modify-write operations read the old value and store the new one.
 * A pointer-typed read of changed pointer bits is a conversion back too (ptr_load_state).
 *
 * Each PDI carries a small set of "path classes" (flags), joined by union: PLAIN (nothing was done
 * to the bits), ADDC (a constant was added; kept apart so that a following mask can recognise the
 * round-up idiom), ARITH, SETBITS ('|' with a constant), MASK, ALIGN_UP / ALIGN_DOWN (the idioms
 * `(x + (2^k-1)) & -2^k` and `x & -2^k` on pointer bits), UNTAG (bits set with '|' and cleared
 * again), XOR, MIX (combined with another pointer or a non-constant), TRUNC (narrower than a
 * pointer at some point; the narrowest width is kept).  The sets only grow, so the sweep over the
 * module reaches a fixpoint; the number of sweeps is bounded anyway.
 *
 * The result (ptrcheck_private/roundtrip.h) lists the inttoptr instructions (and inttoptr constant
 * expressions) whose operand is PDI, and the pointer reads above, each with its set.  Which of them
 * are findings, and of which check, is the checks' to say (checks/int-roundtrip/ir.c: the round
 * trips; checks/ptr-truncation/ir.c: those with TRUNC in the set).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck_private/ir.h"
#include "ptrcheck_private/roundtrip.h"
#include "ptrcheck_private/util.h"

/* The path classes of ptrcheck_private/roundtrip.h, by short names. */
enum {
    F_PLAIN = PTRCHECK_RT_PLAIN,
    F_ADDC = PTRCHECK_RT_ADDC,
    F_ARITH = PTRCHECK_RT_ARITH,
    F_SETBITS = PTRCHECK_RT_SETBITS,
    F_MASK = PTRCHECK_RT_MASK,
    F_ALIGN_UP = PTRCHECK_RT_ALIGN_UP,
    F_ALIGN_DOWN = PTRCHECK_RT_ALIGN_DOWN,
    F_UNTAG = PTRCHECK_RT_UNTAG,
    F_XOR = PTRCHECK_RT_XOR,
    F_MIX = PTRCHECK_RT_MIX,
    F_TRUNC = PTRCHECK_RT_TRUNC,
    F_OTHER = PTRCHECK_RT_OTHER,
    F_TOGGLE = PTRCHECK_RT_TOGGLE,
    F_TAGGED = F_SETBITS | F_TOGGLE /* tag bits set or toggled: clearing them again untags */
};
/* A pointer masked down to its low 16 bits (the tag or colour bits, `p & 7`, an index kept in a
 * handle) keeps none of its address: values below 64 KiB are no object's address on the platforms
 * ptrcheck targets (Linux's vm.mmap_min_addr, Windows's reserved first 64 KiB).  Bits narrowed to
 * 16 and added to a full-width pointer are an offset into it, not a second address.  The AST part
 * (plugin/engine/ast_intexpr.c) draws the same lines. */
#define LOW_BITS_MAX 0xffffu
#define LOW_BITS_WIDTH 16u
#define F_ALIGN PTRCHECK_RT_ALIGN

enum { ADDC_NONE = 0, ADDC_ONE, ADDC_MANY };
enum {
    ORIGIN_NONE = PTRCHECK_RT_ORIGIN_NONE,
    ORIGIN_PTRTOINT = PTRCHECK_RT_ORIGIN_PTRTOINT,
    ORIGIN_PUN = PTRCHECK_RT_ORIGIN_PUN,
    ORIGIN_MEMCPY = PTRCHECK_RT_ORIGIN_MEMCPY,
    ORIGIN_INIT = PTRCHECK_RT_ORIGIN_INIT
};
enum { VIA_NONE = 0, VIA_LOAD, VIA_RET, VIA_ARG };

typedef struct pstate_s {
    unsigned flags;        /* 0: not pointer-derived */
    unsigned addc_state;   /* ADDC_* */
    uint64_t addc;
    unsigned tbits;        /* narrowest width the bits went through (F_TRUNC) */
    LLVMValueRef origin;   /* ptrtoint / punning load / memcpy call; NULL for constant expressions */
    unsigned origin_kind;
    LLVMValueRef via;      /* the last carrier: load instruction, callee, or argument */
    unsigned via_kind;
    unsigned vbits;        /* the value fits in this many low bits (a constant mask or right shift made it
                              so); 0: not known.  A trunc to at least vbits drops nothing. */
    unsigned box;          /* 1: on every path the bits are those of a pointer slot's content that the
                              program only ever uses as an integer (box_source) */
    unsigned weak;         /* 1: on every path the bits were read from one element of an array that only
                              stores through a varying index filled with pointer bits (a count kept in
                              [0] before the entries): pointer-derived for a round trip, but a narrowing
                              of them is the program reading that element as the integer it holds */
} pstate_t;

typedef enum lkind_e { LK_ALLOCA = 1, LK_GLOBAL, LK_FIELD, LK_PARAM, LK_DEREF, LK_RET } lkind_t;

/* Cells: an alloca, a global or a struct field that is (or holds) an array has one location per
 * element reached with constant indices (CELL_AT + byte offset), besides the location of the whole
 * object (CELL_ALL, also the union of all its cells) and of stores through a varying index or to
 * the whole (CELL_WILD).  A cell is read together with CELL_WILD; the whole is read as CELL_ALL. */
enum { CELL_ALL = 0, CELL_WILD = 1, CELL_AT = 2 };
/* The memory a pointer parameter points to is two sets of cells: what the callee (and its callees
 * through it) stores, which flows back to every caller, and, with CELL_IN, what the callers'
 * memory holds, which the callee reads and no other caller sees. */
#define CELL_IN ((uint64_t)1 << 62)
static uint64_t cell_base(uint64_t cell) { return cell & ~CELL_IN; }

typedef struct loc_s {
    lkind_t kind;
    const void *a;   /* alloca / global / interned record name / function / inner loc */
    uint64_t b;      /* byte offset (FIELD) / parameter index (PARAM) */
    uint64_t cell;   /* CELL_* (+ byte offset of the element for CELL_AT) */
    struct loc_s *group; /* for a cell: the whole object's location */
    struct loc_s *cells; /* for the whole: its cells (linked by next_cell) */
    struct loc_s *next_cell;
    pstate_t st;
    int has_ptr_store; /* a pointer-typed value was stored here */
    int has_ptr_bits;  /* pointer bits were copied here (memcpy) */
    int has_copy;      /* pointer-derived integers were copied here byte-wise (memcpy) */
    LLVMValueRef bits_origin;
    size_t hash;
    LLVMValueRef *readers; /* functions whose transfer reads this location (re-run when it changes) */
    unsigned nreaders, capreaders;
    struct loc_s *head;    /* the object's whole (CELL_ALL): every location of one (kind, a, b) */
    uint64_t objver;       /* (head) ctx_t.ver when a location of the object last changed or appeared */
    unsigned obj_read;     /* (head) the last function run (ctx_t.run) that read a location of it */
} loc_t;

#define CHUNK 1024
typedef struct chunk_s {
    struct chunk_s *next;
    size_t used;
    unsigned char mem[];
} chunk_t;

typedef struct ctx_s {
    ptrcheck_engine_t *e;
    LLVMModuleRef m;
    LLVMTargetDataRef td;
    unsigned ptr_bits;
    uint64_t fit_tested;         /* bit w: the module tests whether pointer bits fit in w bits (fit_test) */
    ptrcheck_ir_pmap_t vals;     /* LLVMValueRef -> pstate_t* */
    ptrcheck_ir_pmap_t resolved; /* pointer LLVMValueRef -> loc_t* (or &ctx->noloc) */
    ptrcheck_ir_pmap_t single;   /* alloca -> single stored value (or &ctx->noloc) */
    ptrcheck_ir_pmap_t direct;   /* alloca -> itself when only loaded/stored directly, else &ctx->noloc */
    ptrcheck_ir_pmap_t reaching; /* load -> value of the store before it in its block (or &ctx->noloc) */
    ptrcheck_ir_pmap_t pure;     /* function -> 2 pass-through helper, 1 not */
    ptrcheck_ir_pmap_t dirty;    /* function -> (void *)1 when something it reads changed */
    LLVMValueRef cur_fn;         /* the function being swept */
    LLVMBasicBlockRef cur_bb;    /* ... its block being swept */
    LLVMValueRef cur_in;         /* ... the instruction being transferred */
    unsigned run;                /* the number of the current run of cur_fn (over the whole analysis) */
    ptrcheck_ir_pmap_t bb_run;   /* block -> the last run that swept it */
    uint64_t ver;                /* a clock of location changes (loc_t.objver) */
    ptrcheck_ir_pmap_t linked;   /* call argument's use, or load -> ver before it last read memory */
    loc_t **locs;                /* open-addressing table of locations */
    size_t nlocs, loccap;
    chunk_t *chunks;
    ptrcheck_ir_fncache_t fns;
    struct rt_result_s *out;     /* what the analysis returns */
    loc_t noloc;
    int oom;
    int changed;
} ctx_t;

/* ------------------------------------------------------------------ memory */

static void *ctx_alloc(ctx_t *c, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (!c->chunks || c->chunks->used + size > CHUNK * 64) {
        size_t cap = size > CHUNK * 64 ? size : CHUNK * 64;
        chunk_t *ch = malloc(sizeof *ch + cap);
        if (!ch) {
            c->oom = 1;
            return NULL;
        }
        ch->next = c->chunks;
        ch->used = 0;
        c->chunks = ch;
    }
    void *p = c->chunks->mem + c->chunks->used;
    c->chunks->used += size;
    memset(p, 0, size);
    return p;
}

/* ------------------------------------------------------------------ states */

static int join(pstate_t *dst, const pstate_t *src)
{
    int ch = 0;
    if (!src || !src->flags)
        return 0;
    if (!dst->flags) {
        dst->box = src->box;
        dst->weak = src->weak;
    } else if (dst->box > src->box || dst->weak > src->weak) { /* both hold on every path */
        dst->box &= src->box;
        dst->weak &= src->weak;
        ch = 1;
    }
    if (!dst->flags)
        dst->vbits = src->vbits;
    else if (dst->vbits && (!src->vbits || src->vbits > dst->vbits)) {
        dst->vbits = src->vbits;
        ch = 1;
    }
    if (src->flags & ~dst->flags) {
        dst->flags |= src->flags;
        ch = 1;
    }
    if (src->addc_state == ADDC_ONE) {
        if (dst->addc_state == ADDC_NONE) {
            dst->addc_state = ADDC_ONE;
            dst->addc = src->addc;
            ch = 1;
        } else if (dst->addc_state == ADDC_ONE && dst->addc != src->addc) {
            dst->addc_state = ADDC_MANY;
            ch = 1;
        }
    } else if (src->addc_state == ADDC_MANY && dst->addc_state != ADDC_MANY) {
        dst->addc_state = ADDC_MANY;
        ch = 1;
    }
    if (src->tbits && (!dst->tbits || src->tbits < dst->tbits)) {
        dst->tbits = src->tbits;
        ch = 1;
    }
    if (!dst->origin && src->origin) {
        dst->origin = src->origin;
        dst->origin_kind = src->origin_kind;
    }
    if (!dst->via && src->via) {
        dst->via = src->via;
        dst->via_kind = src->via_kind;
    }
    return ch;
}

static pstate_t *val_state(ctx_t *c, LLVMValueRef v, int create)
{
    void *s = NULL;
    if (ptrcheck_ir_pmap_get(&c->vals, v, &s))
        return s;
    if (!create)
        return NULL;
    pstate_t *st = ctx_alloc(c, sizeof *st);
    void **slot = st ? ptrcheck_ir_pmap_slot(&c->vals, v) : NULL;
    if (!slot) {
        c->oom = 1;
        return NULL;
    }
    *slot = st;
    return st;
}

static void mark_dirty(ctx_t *c, LLVMValueRef fn)
{
    void **slot = fn ? ptrcheck_ir_pmap_slot(&c->dirty, fn) : NULL;
    if (fn && !slot)
        c->oom = 1;
    else if (slot)
        *slot = (void *)1;
}

/* The function a value belongs to (an argument's or an instruction's), or NULL for constants. */
static LLVMValueRef owner_fn(LLVMValueRef v)
{
    if (LLVMIsAArgument(v))
        return LLVMGetParamParent(v);
    if (LLVMIsAInstruction(v))
        return LLVMGetBasicBlockParent(LLVMGetInstructionParent(v));
    return NULL;
}

/* The value of the instruction being transferred changed: does any instruction that this run of
 * its function has already transferred use it (a phi, an instruction of a block swept before)?
 * Uses further on see the new state in this same run, so only those need the function run again. */
static int used_before(ctx_t *c, LLVMValueRef v)
{
    if (v != c->cur_in || !c->cur_fn)
        return 1;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (!LLVMIsAInstruction(user) || LLVMIsAPHINode(user))
            return 1;
        LLVMBasicBlockRef b = LLVMGetInstructionParent(user);
        void *r = NULL;
        if (b != c->cur_bb && ptrcheck_ir_pmap_get(&c->bb_run, b, &r) && (uintptr_t)r == c->run)
            return 1;
    }
    return 0;
}

static void set_val(ctx_t *c, LLVMValueRef v, const pstate_t *s)
{
    if (!s->flags)
        return;
    pstate_t *st = val_state(c, v, 1);
    if (st && join(st, s)) {
        c->changed = 1;
        if (used_before(c, v))
            mark_dirty(c, owner_fn(v));
    }
}

static int is_int(LLVMTypeRef t) { return LLVMGetTypeKind(t) == LLVMIntegerTypeKind; }
static int is_ptr(LLVMTypeRef t) { return LLVMGetTypeKind(t) == LLVMPointerTypeKind; }

static int const_u64(LLVMValueRef v, uint64_t *out)
{
    if (!LLVMIsAConstantInt(v) || LLVMGetIntTypeWidth(LLVMTypeOf(v)) > 64)
        return 0;
    *out = LLVMConstIntGetZExtValue(v);
    return 1;
}

static uint64_t width_mask(unsigned w) { return w >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << w) - 1); }

/* ptr-truncation: a trunc of pointer bits to w bits drops information unless it is a test (i1) or the
 * value already fits in w bits (masked or shifted down on purpose: only low bits survive). */
static int narrows(const pstate_t *x, unsigned w, unsigned ptr_bits)
{
    return w > 1 && w < ptr_bits && !(x && x->vbits && x->vbits <= w);
}

/* A boxed integer (box) narrowed back to an integer type narrower than a pointer is that integer
 * again: it holds no pointer bits from there on, so neither a truncation nor a round trip
 * starts there, and it adds nothing to the states of real pointers it later joins (a parameter
 * that receives both a flags word read from a box and a pointer's bits elsewhere).  So is an
 * array element that only a varying-index store could have given pointer bits (weak). */
static int unboxed(const pstate_t *x, unsigned w, unsigned ptr_bits)
{
    return x && (x->box || x->weak) && w > 1 && w < ptr_bits;
}

/* c == -(2^k) in w bits with 0 < k < w: returns k, else 0. */
static unsigned align_mask_bits(uint64_t c, unsigned w)
{
    uint64_t low = ~c & width_mask(w); /* 2^k - 1 */
    if (low == 0 || (low & (low + 1)) != 0 || low == width_mask(w))
        return 0;
    unsigned k = 0;
    while (low) {
        low >>= 1;
        k++;
    }
    return k;
}

static const pstate_t *state_of(ctx_t *c, LLVMValueRef v, unsigned depth);

/* A value known to fit in the low bits (tag bits): a small constant, a zero-extended bool or byte,
 * `x & small`, or a select/shift of such.  `p | small` sets tag bits, it does not mix pointers. */
static LLVMValueRef def_through(ctx_t *c, LLVMValueRef v);

static int small_value(ctx_t *c, LLVMValueRef v, unsigned depth)
{
    uint64_t k = 0;
    if (depth > 4 || !v)
        return 0;
    v = def_through(c, v); /* a local assigned once: its value (`f = p & 7; q | f`) */
    if (const_u64(v, &k))
        return k < 4096;
    if (!LLVMIsAInstruction(v))
        return 0;
    switch (LLVMGetInstructionOpcode(v)) {
    case LLVMZExt:
        return LLVMGetIntTypeWidth(LLVMTypeOf(LLVMGetOperand(v, 0))) <= 8 || small_value(c, LLVMGetOperand(v, 0), depth + 1);
    case LLVMSExt: case LLVMTrunc: case LLVMFreeze:
        return small_value(c, LLVMGetOperand(v, 0), depth + 1);
    case LLVMAnd:
        return small_value(c, LLVMGetOperand(v, 0), depth + 1) || small_value(c, LLVMGetOperand(v, 1), depth + 1);
    case LLVMOr: case LLVMShl:
        return small_value(c, LLVMGetOperand(v, 0), depth + 1) && small_value(c, LLVMGetOperand(v, 1), depth + 1) &&
               (LLVMGetInstructionOpcode(v) == LLVMOr || const_u64(LLVMGetOperand(v, 1), &k));
    case LLVMSelect:
        return small_value(c, LLVMGetOperand(v, 1), depth + 1) && small_value(c, LLVMGetOperand(v, 2), depth + 1);
    case LLVMPHI: /* `c ? 1 : 2` at -O0, a flag chosen on several paths */
        for (unsigned i = 0, n = LLVMCountIncoming(v); i < n; i++)
            if (!small_value(c, LLVMGetIncomingValue(v, i), depth + 1))
                return 0;
        return LLVMCountIncoming(v) > 0;
    default:
        return 0;
    }
}

/* Same value, or two loads of the same memory with nothing stored in between in the same block
 * (clang -O0 reloads a variable for each use). */
static int same_value(LLVMValueRef x, LLVMValueRef y)
{
    if (x == y)
        return 1;
    if (!x || !y || !LLVMIsALoadInst(x) || !LLVMIsALoadInst(y) || LLVMGetOperand(x, 0) != LLVMGetOperand(y, 0) ||
        LLVMGetInstructionParent(x) != LLVMGetInstructionParent(y))
        return 0;
    LLVMValueRef first = x, last = y;
    for (LLVMValueRef i = LLVMGetNextInstruction(x); i; i = LLVMGetNextInstruction(i)) {
        if (i == y)
            break;
        if (!LLVMGetNextInstruction(i)) { /* y comes first */
            first = y;
            last = x;
        }
    }
    for (LLVMValueRef i = LLVMGetNextInstruction(first); i && i != last; i = LLVMGetNextInstruction(i))
        if (LLVMIsAStoreInst(i) || LLVMIsACallInst(i))
            return 0;
    return 1;
}

/* ---- alignment written with remainders: x - x % a, x - (x - base) % a, x + (a - x % a) % a */

static int alloca_direct(ctx_t *c, LLVMValueRef a);
static LLVMValueRef reaching_store(ctx_t *c, LLVMValueRef load);

/* What a load of a local reads, when it is known: the store before it in its block, or the only
 * store of a local that is only loaded and stored (clang -O0 keeps `adjust`, `u` in memory). */
static LLVMValueRef known_def(ctx_t *c, LLVMValueRef v)
{
    if (!LLVMIsALoadInst(v))
        return NULL;
    LLVMValueRef a = LLVMGetOperand(v, 0);
    if (!LLVMIsAAllocaInst(a) || !alloca_direct(c, a))
        return NULL;
    LLVMValueRef r = reaching_store(c, v);
    if (r)
        return r;
    LLVMValueRef only = NULL;
    unsigned n = 0;
    for (LLVMUseRef u = LLVMGetFirstUse(a); u && n < 2; u = LLVMGetNextUse(u))
        if (LLVMIsAStoreInst(LLVMGetUser(u))) {
            only = LLVMGetOperand(LLVMGetUser(u), 0);
            n++;
        }
    return n == 1 && LLVMTypeOf(only) == LLVMTypeOf(v) ? only : NULL;
}

/* v through integer casts and known loads of locals. */
static LLVMValueRef def_through(ctx_t *c, LLVMValueRef v)
{
    for (unsigned guard = 0; v && guard < 16; guard++) {
        LLVMOpcode op = ptrcheck_ir_opcode(v);
        if (op == LLVMZExt || op == LLVMSExt || op == LLVMTrunc || op == LLVMFreeze) {
            v = LLVMGetOperand(v, 0);
            continue;
        }
        LLVMValueRef d = known_def(c, v);
        if (!d)
            break;
        v = d;
    }
    return v;
}

/* The address a value is the bits of: through casts, ptrtoint and known loads; a local assigned
 * more than once stands for itself (the idioms below read one variable, `p`, twice). */
static LLVMValueRef addr_root(ctx_t *c, LLVMValueRef v)
{
    for (unsigned guard = 0; v && guard < 16; guard++) {
        v = def_through(c, v);
        if (LLVMIsALoadInst(v) && LLVMIsAAllocaInst(LLVMGetOperand(v, 0)) && alloca_direct(c, LLVMGetOperand(v, 0)))
            return LLVMGetOperand(v, 0);
        LLVMOpcode op = ptrcheck_ir_opcode(v);
        if (op != LLVMPtrToInt && op != LLVMBitCast && op != LLVMAddrSpaceCast)
            break;
        v = LLVMGetOperand(v, 0);
    }
    return v;
}

static int same_addr(ctx_t *c, LLVMValueRef x, LLVMValueRef y)
{
    return same_value(x, y) || addr_root(c, x) == addr_root(c, y);
}

/* e is x, or x's distance from something (x - base), or x moved by an offset. */
static int derives_from(ctx_t *c, LLVMValueRef e, LLVMValueRef x)
{
    e = def_through(c, e);
    if (same_addr(c, e, x))
        return 1;
    LLVMOpcode op = ptrcheck_ir_opcode(e);
    if (op == LLVMSub)
        return same_addr(c, def_through(c, LLVMGetOperand(e, 0)), x);
    if (op == LLVMAdd) /* x + offset: aligning x so that x + offset is aligned */
        return same_addr(c, def_through(c, LLVMGetOperand(e, 0)), x) ||
               same_addr(c, def_through(c, LLVMGetOperand(e, 1)), x);
    return 0;
}

/* v is the offset of x in its block of some size: e % a, or e & m, for e derived from x. */
static int helper_of(ctx_t *c, LLVMValueRef v, LLVMValueRef x, int low);

static int low_bits_of(ctx_t *c, LLVMValueRef v, LLVMValueRef x)
{
    v = def_through(c, v);
    if (LLVMIsACallInst(v))
        return helper_of(c, v, x, 1);
    LLVMOpcode op = ptrcheck_ir_opcode(v);
    if (op == LLVMURem || op == LLVMSRem)
        return derives_from(c, LLVMGetOperand(v, 0), x);
    if (op == LLVMAnd)
        return derives_from(c, LLVMGetOperand(v, 0), x) || derives_from(c, LLVMGetOperand(v, 1), x);
    return 0;
}

static int adjust_up_of(ctx_t *c, LLVMValueRef v, LLVMValueRef x);

/* v is a call of a defined function each of whose returns is adjust_up_of (or low_bits_of, when
 * low) one of its parameters, to which the call passes x: a helper computing the adjustment. */
static int helper_of(ctx_t *c, LLVMValueRef v, LLVMValueRef x, int low)
{
    LLVMValueRef callee = LLVMIsACallInst(v) ? ptrcheck_ir_called_function(v) : NULL;
    if (!callee || LLVMIsDeclaration(callee) || callee == LLVMGetBasicBlockParent(LLVMGetInstructionParent(v)))
        return 0;
    unsigned nargs = (unsigned)LLVMGetNumArgOperands(v), np = LLVMCountParams(callee);
    for (unsigned i = 0; i < nargs && i < np; i++) {
        if (!same_addr(c, LLVMGetOperand(v, i), x))
            continue;
        LLVMValueRef param = LLVMGetParam(callee, i);
        int all = 1, any = 0;
        for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(callee); bb && all; bb = LLVMGetNextBasicBlock(bb)) {
            LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
            if (!t || LLVMGetInstructionOpcode(t) != LLVMRet || LLVMGetNumOperands(t) != 1)
                continue;
            LLVMValueRef r = LLVMGetOperand(t, 0);
            any = 1;
            all = LLVMIsACallInst(def_through(c, r)) ? 0 : low ? low_bits_of(c, r, param) : adjust_up_of(c, r, param);
        }
        if (any && all)
            return 1;
    }
    return 0;
}

/* v is the distance from x up to the next multiple: (a - low) % a, (a - low) & m, a - low, or
 * (-x) & m / (-x) % a, where low is low_bits_of x. */
static int adjust_up_of(ctx_t *c, LLVMValueRef v, LLVMValueRef x)
{
    v = def_through(c, v);
    if (LLVMIsACallInst(v))
        return helper_of(c, v, x, 0);
    LLVMOpcode op = ptrcheck_ir_opcode(v);
    uint64_t k = 0;
    if (op == LLVMSelect || op == LLVMPHI) { /* (low == 0 ? 0 : a - low) */
        unsigned n = op == LLVMSelect ? 2 : LLVMCountIncoming(v);
        if (n > 8)
            return 0;
        for (unsigned i = 0; i < n; i++) {
            LLVMValueRef in = op == LLVMSelect ? LLVMGetOperand(v, i + 1) : LLVMGetIncomingValue(v, i);
            if (!(const_u64(in, &k) && k == 0) && (in == v || ptrcheck_ir_opcode(def_through(c, in)) == op ||
                                                   !adjust_up_of(c, in, x)))
                return 0;
        }
        return 1;
    }
    if (op == LLVMURem || op == LLVMSRem || op == LLVMAnd) {
        for (unsigned i = 0; i < 2; i++) {
            LLVMValueRef e = def_through(c, LLVMGetOperand(v, i));
            if (ptrcheck_ir_opcode(e) != LLVMSub)
                continue;
            LLVMValueRef m = LLVMGetOperand(e, 0), d = LLVMGetOperand(e, 1);
            if (low_bits_of(c, d, x) || (const_u64(m, &k) && k == 0 && derives_from(c, d, x)))
                return 1;
            if (op != LLVMAnd)
                break;
        }
        return 0;
    }
    if (op == LLVMSub)
        return low_bits_of(c, LLVMGetOperand(v, 1), x);
    return 0;
}

/* ---- rounding up with '|': ((x - 1) | (a - 1)) + 1, ((x - 1) | 15) + 1 */

/* v is k - 1 (as `sub k, 1` or `add k, -1`) for a value k free of pointer bits */
static int minus_one(ctx_t *c, LLVMValueRef v, LLVMValueRef *k_out)
{
    uint64_t k = 0;
    v = def_through(c, v);
    LLVMOpcode op = ptrcheck_ir_opcode(v);
    if (op != LLVMSub && op != LLVMAdd)
        return 0;
    LLVMValueRef one = LLVMGetOperand(v, 1);
    unsigned w = LLVMGetIntTypeWidth(LLVMTypeOf(v));
    if (!const_u64(one, &k) || (op == LLVMSub ? k != 1 : k != width_mask(w)))
        return 0;
    *k_out = LLVMGetOperand(v, 0);
    return 1;
}

/* m has ones in its low bits only: 2^k - 1 (k > 0), or a - 1 for a value a free of pointer bits
 * (an alignment a power of two). */
static int low_ones(ctx_t *c, LLVMValueRef m, unsigned depth)
{
    uint64_t k = 0;
    LLVMValueRef a = NULL;
    m = def_through(c, m);
    if (const_u64(m, &k))
        return k != 0 && ((k + 1) & k) == 0;
    return minus_one(c, m, &a) && !state_of(c, a, depth + 1);
}

/* sum is `orv + 1` with orv = (x - 1) | m, m low ones: x rounded up to a multiple of m + 1.  Sets *x. */
static int or_round_up(ctx_t *c, LLVMValueRef one, LLVMValueRef orv, LLVMValueRef *x, unsigned depth)
{
    uint64_t k = 0;
    if (!const_u64(one, &k) || k != 1)
        return 0;
    orv = def_through(c, orv);
    if (ptrcheck_ir_opcode(orv) != LLVMOr)
        return 0;
    for (unsigned i = 0; i < 2; i++)
        if (minus_one(c, LLVMGetOperand(orv, i), x) && low_ones(c, LLVMGetOperand(orv, 1 - i), depth))
            return 1;
    return 0;
}

/* The state of x aligned up or down (the align idioms above). */
static void aligned_state(const pstate_t *x, unsigned dir, pstate_t *out)
{
    unsigned keep = x->flags & (F_PLAIN | F_ADDC | F_ALIGN);
    *out = *x;
    out->addc_state = ADDC_NONE;
    out->addc = 0;
    out->flags = (x->flags & ~(F_PLAIN | F_ADDC | F_ALIGN)) | (keep ? dir : 0) | (x->flags & F_ALIGN);
}

/* The transfer function of a binary integer operation. */
/* Where binop() reads the state of an operand: the module-wide states, or (for a helper evaluated
 * at one call site) the states that call's arguments give its values. */
typedef const pstate_t *(*getter_fn)(void *g, LLVMValueRef v, unsigned depth);

static const pstate_t *global_getter(void *g, LLVMValueRef v, unsigned depth)
{
    return state_of((ctx_t *)g, v, depth);
}

static void binop_g(ctx_t *c, getter_fn get, void *g, LLVMOpcode op, LLVMValueRef a, LLVMValueRef b,
                    unsigned width, unsigned depth, pstate_t *out);

static void binop(ctx_t *c, LLVMOpcode op, LLVMValueRef a, LLVMValueRef b, unsigned width, unsigned depth,
                  pstate_t *out)
{
    binop_g(c, global_getter, c, op, a, b, width, depth, out);
}

static void binop_flags(ctx_t *c, getter_fn get, void *g, LLVMOpcode op, LLVMValueRef a, LLVMValueRef b,
                        unsigned width, unsigned depth, pstate_t *out);

/* The flags, then how many low bits the result can have (a constant mask, a logical right shift). */
static void binop_g(ctx_t *c, getter_fn get, void *g, LLVMOpcode op, LLVMValueRef a, LLVMValueRef b,
                    unsigned width, unsigned depth, pstate_t *out)
{
    uint64_t k = 0;
    binop_flags(c, get, g, op, a, b, width, depth, out);
    out->vbits = 0;
    if (!out->flags)
        return;
    if (op == LLVMAnd && (const_u64(b, &k) || const_u64(a, &k)) && k <= LOW_BITS_MAX) {
        memset(out, 0, sizeof *out); /* only low bits survive: no address */
        return;
    }
    if (op == LLVMAnd && (const_u64(b, &k) || const_u64(a, &k)) && k && k < ((uint64_t)1 << 62)) {
        unsigned n = 0;
        while (k) {
            n++;
            k >>= 1;
        }
        out->vbits = n;
    } else if (op == LLVMLShr && const_u64(b, &k) && k > 0 && k < width) {
        out->vbits = width - (unsigned)k;
    }
    /* a pointer narrowed and then masked or shifted down to no more bits than the narrowing kept: only
     * low bits survive, an index or a hash slice (a random value seeded from addresses), no longer
     * the bits of a pointer */
    if ((out->flags & F_TRUNC) && out->vbits && out->tbits && out->vbits <= out->tbits)
        memset(out, 0, sizeof *out);
}

static void binop_flags(ctx_t *c, getter_fn get, void *g, LLVMOpcode op, LLVMValueRef a, LLVMValueRef b,
                        unsigned width, unsigned depth, pstate_t *out)
{
    const pstate_t *sa = get(g, a, depth + 1), *sb = get(g, b, depth + 1);
    memset(out, 0, sizeof *out);
    if (!sa && !sb)
        return;
    /* w + ((uint16_t)w ...): bits narrowed to 16 next to a full-width pointer are an offset */
    if (sa && sb && (sa->flags & F_TRUNC) != (sb->flags & F_TRUNC)) {
        if ((sa->flags & F_TRUNC) && sa->tbits <= LOW_BITS_WIDTH)
            sa = NULL;
        else if ((sb->flags & F_TRUNC) && sb->tbits <= LOW_BITS_WIDTH)
            sb = NULL;
    }
    /* p | f, p ^ f with f known to fit in the tag bits (even if computed from pointer bits, as in
     * `d ^ ((d ^ s) & MASK)`): tagging p, not combining two addresses */
    if (sa && sb && (op == LLVMOr || op == LLVMXor)) {
        if (small_value(c, b, 0))
            sb = NULL;
        else if (small_value(c, a, 0))
            sa = NULL;
    }
    if (op == LLVMAdd && sa && adjust_up_of(c, b, a)) {
        aligned_state(sa, F_ALIGN_UP, out);
        return;
    }
    if (op == LLVMAdd && sb && adjust_up_of(c, a, b)) {
        aligned_state(sb, F_ALIGN_UP, out);
        return;
    }
    if (op == LLVMSub && sa && low_bits_of(c, b, a)) {
        aligned_state(sa, F_ALIGN_DOWN, out);
        return;
    }
    if (op == LLVMAdd) {
        LLVMValueRef x = NULL;
        const pstate_t *sx = NULL;
        if ((or_round_up(c, b, a, &x, depth) || or_round_up(c, a, b, &x, depth)) && (sx = get(g, x, depth + 1))) {
            aligned_state(sx, F_ALIGN_UP, out);
            return;
        }
    }
    if (sa && sb) {
        /* p - q: a distance (ptrdiff_t, a size), not pointer bits; rebasing (p - old + new) still
         * carries new's bits through the addition. */
        if (op == LLVMSub)
            return;
        *out = *sa;
        join(out, sb);
        /* the result keeps every bit of an operand that was never narrowed (p + (uint32_t)p % a):
         * it is truncated only when both were */
        if (!(sa->flags & F_TRUNC) || !(sb->flags & F_TRUNC)) {
            out->flags &= ~F_TRUNC;
            out->tbits = 0;
        } else {
            out->tbits = sa->tbits > sb->tbits ? sa->tbits : sb->tbits;
        }
        out->flags &= ~(F_PLAIN | F_ADDC);
        out->addc_state = ADDC_NONE;
        out->flags |= op == LLVMXor ? F_XOR : F_MIX;
        if (op != LLVMXor && op != LLVMAnd && op != LLVMOr)
            out->flags |= F_ARITH;
        return;
    }
    const pstate_t *x = sa ? sa : sb;
    LLVMValueRef other = sa ? b : a;
    uint64_t k = 0;
    int isconst = const_u64(other, &k);
    /* P: paths where the bits are still those of one pointer, possibly aligned (aligning again, or
     * rounding up an aligned value, is still an alignment idiom); A: a constant was added to such
     * a path; R: everything else. */
    unsigned P = x->flags & F_PLAIN, A = x->flags & F_ADDC, R = x->flags & ~(F_PLAIN | F_ADDC);
    unsigned PA = x->flags & (F_PLAIN | F_ALIGN);
    *out = *x;
    out->addc_state = ADDC_NONE;
    out->addc = 0;
    switch (op) {
    case LLVMAdd:
        if (isconst && k == 0) {
            *out = *x;
            return;
        }
        if (isconst && PA) {
            out->flags = (R & ~F_ALIGN) | F_ADDC | (((R & ~F_ALIGN) | A) ? F_ARITH : 0);
            out->addc_state = ADDC_ONE;
            out->addc = k & width_mask(width);
            return;
        }
        if (!(R & ~F_ALIGN) && (PA || A)) {
            /* p + a (- 1): the first half of rounding up by a run-time alignment; still pointer
             * arithmetic unless a mask follows. */
            out->flags = F_ADDC;
            out->addc_state = ADDC_MANY;
            return;
        }
        out->flags = R | F_ARITH;
        return;
    case LLVMOr:
        if (isconst && k == 0) {
            *out = *x;
            return;
        }
        out->flags = R | ((isconst || small_value(c, other, 0)) ? F_SETBITS : F_MIX) | (A ? F_ARITH : 0);
        return;
    case LLVMAnd:
        if (isconst) {
            unsigned kb = align_mask_bits(k, width);
            if (kb) {
                uint64_t up = ((uint64_t)1 << kb) - 1;
                /* (p + k) & ~m rounds up when k == m; with any other k it still yields an aligned
                 * address derived from p (e.g. (p - 1) & ~m: the start of p's chunk), which the AST
                 * pass treats as alignment too. */
                int up_ok = A != 0;
                (void)up;
                out->flags = (R & ~F_TAGGED) | (P ? F_ALIGN_DOWN : 0) | (up_ok ? F_ALIGN_UP : 0) |
                             ((A && !up_ok) ? F_ARITH : 0) | ((R & F_TAGGED) ? F_UNTAG : 0);
                return;
            }
            out->flags = R | F_MASK | (A ? F_ARITH : 0);
            return;
        }
        /* A mask computed at run time (~(align - 1), -align, page_mask): it cannot be shown not to
         * be an alignment mask, so it is treated as one (the AST pass does the same) rather than
         * guessed to be a hazard. */
        out->flags = (R & ~F_TAGGED) | (P ? F_ALIGN_DOWN : 0) | (A ? F_ALIGN_UP : 0) |
                     ((R & F_TAGGED) ? F_UNTAG : 0);
        return;
    case LLVMXor:
        if (isconst && k == 0) {
            *out = *x;
            return;
        }
        /* p ^ FLAG toggles tag bits, as p | FLAG sets them */
        out->flags = R | (small_value(c, other, 0) ? F_TOGGLE : F_XOR) | (A ? F_ARITH : 0);
        return;
    case LLVMSub:
        if (sa && !(R & ~F_ALIGN) && (A || PA) && !(isconst && k == 0)) { /* p - k, (p + a) - 1 */
            out->flags = F_ADDC;
            out->addc_state = ADDC_MANY;
            return;
        }
        /* fall through */
    case LLVMMul:
        /* (x / a) * a: rounding down (or, after x + a - 1, up) to a multiple of a. */
        if (!isconst || k > 1) {
            LLVMValueRef q = sa ? a : b;
            if (LLVMIsAInstruction(q) &&
                (LLVMGetInstructionOpcode(q) == LLVMUDiv || LLVMGetInstructionOpcode(q) == LLVMSDiv) &&
                same_value(LLVMGetOperand(q, 1), other)) {
                const pstate_t *dv = get(g, LLVMGetOperand(q, 0), depth + 1);
                if (dv) {
                    unsigned dP = dv->flags & (F_PLAIN | F_ALIGN), dA = dv->flags & F_ADDC;
                    unsigned dR = dv->flags & ~(F_PLAIN | F_ADDC | F_ALIGN);
                    *out = *dv;
                    out->addc_state = ADDC_NONE;
                    out->addc = 0;
                    out->flags = dR | (dP ? F_ALIGN_DOWN : 0) | (dA ? F_ALIGN_UP : 0);
                    return;
                }
            }
        }
        /* fall through */
    default: /* sub, mul, shifts, divisions */
        if ((op == LLVMSub || op == LLVMShl || op == LLVMLShr || op == LLVMAShr) && isconst && k == 0 && sa) {
            *out = *x;
            return;
        }
        out->flags = R | F_ARITH | (op == LLVMSub ? 0u : F_OTHER);
        return;
    }
}

/* The state of a constant expression (memoised), or of any other value (looked up). */
static const pstate_t *state_of(ctx_t *c, LLVMValueRef v, unsigned depth)
{
    if (!v)
        return NULL;
    pstate_t *st = val_state(c, v, 0);
    if (st || !LLVMIsAConstantExpr(v) || depth > 16)
        return st && st->flags ? st : NULL;
    /* constant expressions */
    pstate_t out;
    memset(&out, 0, sizeof out);
    LLVMOpcode op = ptrcheck_compat_opcode(LLVMGetConstOpcode(v));
    LLVMTypeRef t = LLVMTypeOf(v);
    switch (op) {
    case LLVMPtrToInt:
        if (is_int(t)) {
            out.flags = F_PLAIN;
            if (LLVMGetIntTypeWidth(t) < c->ptr_bits) {
                out.flags |= F_TRUNC;
                out.tbits = LLVMGetIntTypeWidth(t);
            }
        }
        break;
    case LLVMAdd: case LLVMSub: case LLVMMul: case LLVMShl: case LLVMLShr: case LLVMAShr:
    case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMUDiv: case LLVMSDiv:
        if (is_int(t))
            binop(c, op, LLVMGetOperand(v, 0), LLVMGetOperand(v, 1), LLVMGetIntTypeWidth(t), depth, &out);
        break;
    case LLVMTrunc: case LLVMZExt: case LLVMSExt: {
        const pstate_t *x = state_of(c, LLVMGetOperand(v, 0), depth + 1);
        if (x) {
            out = *x;
            if (op == LLVMTrunc && narrows(x, LLVMGetIntTypeWidth(t), c->ptr_bits)) {
                out.flags |= F_TRUNC;
                if (!out.tbits || LLVMGetIntTypeWidth(t) < out.tbits)
                    out.tbits = LLVMGetIntTypeWidth(t);
            }
        }
        break;
    }
    default: break;
    }
    st = val_state(c, v, 1); /* memo, also for "not derived" */
    if (!st)
        return NULL;
    *st = out;
    return st->flags ? st : NULL;
}

/* ------------------------------------------------------------------ locations */

static size_t str_hash(const char *s)
{
    size_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int loc_eq(const loc_t *l, lkind_t kind, const void *a, uint64_t b, uint64_t cell)
{
    if (l->kind != kind || l->b != b || l->cell != cell)
        return 0;
    if (kind == LK_FIELD)
        return strcmp(l->a, a) == 0;
    return l->a == a;
}

static loc_t *loc_get_cell(ctx_t *c, lkind_t kind, const void *a, uint64_t b, uint64_t cell)
{
    size_t h = (kind == LK_FIELD ? str_hash(a) : (size_t)(uintptr_t)a * 0x9E3779B97F4A7C15ULL);
    h ^= (size_t)kind * 0x100000001B3ULL + (size_t)b * 0xC2B2AE3D27D4EB4FULL + (size_t)cell * 0x165667B19E3779F9ULL;
    h ^= h >> 29;
    if ((c->nlocs + 1) * 2 > c->loccap) {
        size_t ncap = c->loccap ? c->loccap * 2 : 256;
        loc_t **nl = calloc(ncap, sizeof *nl);
        if (!nl) {
            c->oom = 1;
            return NULL;
        }
        for (size_t i = 0; i < c->loccap; i++) {
            if (!c->locs[i])
                continue;
            size_t j = c->locs[i]->hash & (ncap - 1);
            while (nl[j])
                j = (j + 1) & (ncap - 1);
            nl[j] = c->locs[i];
        }
        free(c->locs);
        c->locs = nl;
        c->loccap = ncap;
    }
    size_t j = h & (c->loccap - 1);
    while (c->locs[j]) {
        if (c->locs[j]->hash == h && loc_eq(c->locs[j], kind, a, b, cell))
            return c->locs[j];
        j = (j + 1) & (c->loccap - 1);
    }
    loc_t *l = ctx_alloc(c, sizeof *l);
    if (!l)
        return NULL;
    l->kind = kind;
    l->b = b;
    l->cell = cell;
    l->hash = h;
    if (kind == LK_FIELD) {
        char *s = ctx_alloc(c, strlen(a) + 1);
        if (!s)
            return NULL;
        strcpy(s, a);
        l->a = s;
    } else {
        l->a = a;
    }
    c->locs[j] = l;
    c->nlocs++;
    if (cell_base(cell) >= CELL_AT) {
        if (!(l->group = loc_get_cell(c, kind, l->a, b, cell & CELL_IN)))
            return NULL;
        l->next_cell = l->group->cells;
        l->group->cells = l;
    }
    l->head = cell == CELL_ALL ? l : loc_get_cell(c, kind, l->a, b, CELL_ALL);
    if (!l->head)
        return NULL;
    l->head->objver = ++c->ver;
    return l;
}

static loc_t *loc_get(ctx_t *c, lkind_t kind, const void *a, uint64_t b)
{
    return loc_get_cell(c, kind, a, b, CELL_ALL);
}

/* Objects that may have cells. */
static int cell_kind(lkind_t k)
{
    return k == LK_ALLOCA || k == LK_GLOBAL || k == LK_FIELD || k == LK_PARAM || k == LK_DEREF;
}

/* The location of stores that may reach any cell of the whole object l (NULL for others). */
static loc_t *loc_wild(ctx_t *c, loc_t *l)
{
    return l && cell_base(l->cell) == CELL_ALL && cell_kind(l->kind)
               ? loc_get_cell(c, l->kind, l->a, l->b, (l->cell & CELL_IN) | CELL_WILD)
               : NULL;
}

/* What the callers put in the parameter memory l (the callee's own stores) stands for. */
static loc_t *loc_in(ctx_t *c, loc_t *l)
{
    return l && l->kind == LK_PARAM && !(l->cell & CELL_IN) ? loc_get_cell(c, l->kind, l->a, l->b, l->cell | CELL_IN)
                                                            : NULL;
}

/* An access that may cover more than one element (memcpy, a pointer handed to a callee): the whole. */
static loc_t *loc_whole(loc_t *l) { return l && l->group ? l->group : l; }

static int is_memcpy_like(LLVMValueRef callee)
{
    size_t len = 0;
    const char *n = LLVMGetValueName2(callee, &len);
    return n && (strncmp(n, "llvm.memcpy", 11) == 0 || strncmp(n, "llvm.memmove", 12) == 0);
}

static loc_t *resolve(ctx_t *c, LLVMValueRef p, unsigned depth);

/* The value stored into an alloca when it is stored exactly once and only loaded otherwise. */
static LLVMValueRef single_stored(ctx_t *c, LLVMValueRef a)
{
    void *cached = NULL;
    if (ptrcheck_ir_pmap_get(&c->single, a, &cached))
        return cached == &c->noloc ? NULL : cached;
    LLVMValueRef v = NULL;
    int n = 0, ok = 1;
    for (LLVMUseRef u = LLVMGetFirstUse(a); u && ok; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsALoadInst(user) || ptrcheck_ir_is_lifetime_use(user))
            continue;
        if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 1) == a && LLVMGetOperand(user, 0) != a) {
            v = LLVMGetOperand(user, 0);
            n++;
            continue;
        }
        ok = 0; /* escapes, or accessed through a cast/GEP */
    }
    if (!ok || n != 1 || !is_ptr(LLVMTypeOf(v)))
        v = NULL;
    void **slot = ptrcheck_ir_pmap_slot(&c->single, a);
    if (!slot)
        c->oom = 1;
    else
        *slot = v ? (void *)v : (void *)&c->noloc;
    return v;
}

/* Constant GEP index as a signed 64-bit value. */
static int const_idx(LLVMValueRef v, int64_t *out)
{
    if (!LLVMIsAConstantInt(v) || LLVMGetIntTypeWidth(LLVMTypeOf(v)) > 64)
        return 0;
    *out = LLVMConstIntGetSExtValue(v);
    return 1;
}

static loc_t *resolve_uncached(ctx_t *c, LLVMValueRef p, unsigned depth)
{
    LLVMValueRef v = p;
    uint64_t off = 0;   /* byte offset of the access from v (GEPs walked so far) */
    int varying = 0;    /* some index on the way is not a constant */
    int gep = 0;        /* a GEP was walked (an element, not the whole object) */
    for (unsigned guard = 0; v && guard < 64; guard++) {
        LLVMOpcode op = ptrcheck_ir_opcode(v);
        if (!op)
            break;
        if (op == LLVMBitCast || op == LLVMAddrSpaceCast) {
            v = LLVMGetOperand(v, 0);
            continue;
        }
        if (op == LLVMGetElementPtr) {
            LLVMTypeRef t = LLVMGetGEPSourceElementType(v);
            unsigned nops = (unsigned)LLVMGetNumOperands(v);
            LLVMTypeRef last_struct = NULL;
            unsigned last_idx = 0;
            uint64_t goff = 0, tail = 0; /* offset of the whole GEP; after its last struct index */
            int gvar = 0, tailvar = 0, ntail = 0;
            int64_t k = 0;
            if (nops >= 2 && t) {
                if (const_idx(LLVMGetOperand(v, 1), &k))
                    goff += (uint64_t)k * LLVMABISizeOfType(c->td, t);
                else
                    gvar = 1;
            }
            for (unsigned i = 2; i < nops && t; i++) {
                LLVMTypeKind tk = LLVMGetTypeKind(t);
                LLVMValueRef idx = LLVMGetOperand(v, i);
                if (tk == LLVMStructTypeKind && LLVMIsAConstantInt(idx)) {
                    last_struct = t;
                    last_idx = (unsigned)LLVMConstIntGetZExtValue(idx);
                    goff += LLVMOffsetOfElement(c->td, t, last_idx);
                    t = LLVMStructGetTypeAtIndex(t, last_idx);
                    tail = 0;
                    tailvar = ntail = 0;
                } else if (tk == LLVMArrayTypeKind || tk == LLVMVectorTypeKind) {
                    t = LLVMGetElementType(t);
                    ntail++;
                    if (const_idx(idx, &k)) {
                        goff += (uint64_t)k * LLVMABISizeOfType(c->td, t);
                        tail += (uint64_t)k * LLVMABISizeOfType(c->td, t);
                    } else {
                        gvar = tailvar = 1;
                    }
                } else {
                    break;
                }
            }
            if (last_struct) {
                char rec[512];
                if (!ptrcheck_ir_record_name(last_struct, rec, sizeof rec))
                    return NULL; /* ABI coercion through a literal struct */
                /* a field; an element of an array field when indices follow the field's */
                uint64_t cell = (ntail || gep) && !tailvar && !varying ? CELL_AT + tail + off : CELL_ALL;
                return loc_get_cell(c, LK_FIELD, rec, LLVMOffsetOfElement(c->td, last_struct, last_idx), cell);
            }
            off += goff;
            varying |= gvar;
            gep = 1;
            v = LLVMGetOperand(v, 0);
            continue;
        }
        break;
    }
    if (!v)
        return NULL;
    loc_t *base = NULL;
    if (LLVMIsAAllocaInst(v)) {
        base = loc_get(c, LK_ALLOCA, v, 0);
    } else if (LLVMIsAGlobalVariable(v)) {
        base = loc_get(c, LK_GLOBAL, v, 0);
    } else if (LLVMIsAArgument(v)) {
        LLVMValueRef fn = LLVMGetParamParent(v);
        unsigned n = LLVMCountParams(fn);
        for (unsigned i = 0; i < n && !base; i++)
            if (LLVMGetParam(fn, i) == v)
                base = loc_get(c, LK_PARAM, fn, i);
    } else if (LLVMIsALoadInst(v) && depth < 16) {
        LLVMValueRef from = LLVMGetOperand(v, 0);
        LLVMValueRef b = ptrcheck_ir_strip(from);
        LLVMValueRef s = b == from && LLVMIsAAllocaInst(b) ? single_stored(c, b) : NULL;
        if (s) {
            base = resolve(c, s, depth + 1);
        } else {
            loc_t *inner = resolve(c, from, depth + 1);
            if (!inner)
                return NULL;
            base = loc_get(c, LK_DEREF, inner, 0);
        }
    }
    /* the element the GEPs walked reach */
    if (!base || !gep || !cell_kind(base->kind))
        return base;
    if (varying)
        return loc_whole(base);
    return loc_get_cell(c, base->kind, base->a, base->b, (base->cell >= CELL_AT ? base->cell : CELL_AT) + off);
}

static loc_t *resolve(ctx_t *c, LLVMValueRef p, unsigned depth)
{
    void *cached = NULL;
    if (ptrcheck_ir_pmap_get(&c->resolved, p, &cached))
        return cached == &c->noloc ? NULL : cached;
    loc_t *l = resolve_uncached(c, p, depth);
    void **slot = ptrcheck_ir_pmap_slot(&c->resolved, p);
    if (!slot) {
        c->oom = 1;
        return l;
    }
    *slot = l ? (void *)l : (void *)&c->noloc;
    return l;
}

/* The function being swept reads l: it is re-run when l changes. */
static void loc_read(ctx_t *c, loc_t *l)
{
    if (!l || !c->cur_fn)
        return;
    l->head->obj_read = c->run;
    for (unsigned i = l->nreaders; i-- > 0;)
        if (l->readers[i] == c->cur_fn)
            return;
    if (l->nreaders == l->capreaders) {
        unsigned ncap = l->capreaders ? l->capreaders * 2 : 4;
        LLVMValueRef *nr = realloc(l->readers, ncap * sizeof *nr);
        if (!nr) {
            c->oom = 1;
            return;
        }
        l->readers = nr;
        l->capreaders = ncap;
    }
    l->readers[l->nreaders++] = c->cur_fn;
}

static void loc_changed(ctx_t *c, loc_t *l)
{
    c->changed = 1;
    l->head->objver = ++c->ver;
    for (unsigned i = 0; i < l->nreaders; i++)
        if (l->readers[i] != c->cur_fn || l->head->obj_read == c->run) /* read later in this run: sees it */
            mark_dirty(c, l->readers[i]);
}

static void loc_join1(ctx_t *c, loc_t *l, const pstate_t *s)
{
    if (l && s && join(&l->st, s))
        loc_changed(c, l);
}

/* A store of s into l: a cell also into its whole object, the whole also into its wild part. */
static void loc_join(ctx_t *c, loc_t *l, const pstate_t *s)
{
    if (!l || !s || !s->flags)
        return;
    loc_join1(c, l, s);
    loc_join1(c, l->group ? l->group : loc_wild(c, l), s);
}

enum { MEM_PTR_STORE = 1, MEM_PTR_BITS = 2, MEM_COPY = 4 };

static void loc_mark1(ctx_t *c, loc_t *l, unsigned what, LLVMValueRef origin)
{
    if (!l)
        return;
    if ((what & MEM_PTR_STORE) && !l->has_ptr_store) {
        l->has_ptr_store = 1;
        loc_changed(c, l);
    }
    if ((what & MEM_COPY) && !l->has_copy) {
        l->has_copy = 1;
        loc_changed(c, l);
    }
    if ((what & MEM_PTR_BITS) && !l->has_ptr_bits) {
        l->has_ptr_bits = 1;
        l->bits_origin = origin;
        loc_changed(c, l);
    }
}

/* Pointers (MEM_PTR_STORE) or pointer bits (MEM_PTR_BITS) are stored into l. */
static void loc_mark(ctx_t *c, loc_t *l, unsigned what, LLVMValueRef origin)
{
    if (!l)
        return;
    loc_mark1(c, l, what, origin);
    loc_mark1(c, l->group ? l->group : loc_wild(c, l), what, origin);
}

/* What a read of l sees: a cell with the stores that may reach every cell. */
typedef struct lview_s {
    pstate_t st;
    int has_ptr_store, has_ptr_bits, has_copy;
    LLVMValueRef bits_origin;
} lview_t;

static void view_add(ctx_t *c, lview_t *out, loc_t *l)
{
    if (!l)
        return;
    loc_read(c, l);
    join(&out->st, &l->st);
    out->has_ptr_store |= l->has_ptr_store;
    out->has_copy |= l->has_copy;
    if (!out->has_ptr_bits && l->has_ptr_bits) {
        out->has_ptr_bits = 1;
        out->bits_origin = l->bits_origin;
    }
}

/* What l holds itself (with, for a parameter's memory, what the callers put there). */
static void loc_content(ctx_t *c, loc_t *l, lview_t *out)
{
    memset(out, 0, sizeof *out);
    view_add(c, out, l);
    view_add(c, out, loc_in(c, l));
}

static void loc_view(ctx_t *c, loc_t *l, lview_t *out)
{
    loc_content(c, l, out);
    if (l && l->group) {
        loc_t *w = loc_wild(c, l->group);
        view_add(c, out, w);
        view_add(c, out, loc_in(c, w));
    }
}

static void view_flags_to(ctx_t *c, loc_t *dst, const lview_t *v, int whole)
{
    unsigned what = (v->has_ptr_store ? MEM_PTR_STORE : 0) | (v->has_ptr_bits ? MEM_PTR_BITS : 0) |
                    (v->has_copy ? MEM_COPY : 0);
    if (!what)
        return;
    if (whole)
        loc_mark(c, dst, what, v->bits_origin);
    else
        loc_mark1(c, dst, what, v->bits_origin);
}

/* What cell fc holds (its content and pointer flags) joins cell tc. */
static void cell_copy(ctx_t *c, loc_t *tc, loc_t *fc)
{
    lview_t v;
    memset(&v, 0, sizeof v);
    view_add(c, &v, fc);
    loc_join(c, tc, &v.st);
    view_flags_to(c, tc, &v, 1);
}

/* y is a parameter's memory (its callee's stores) and x the memory an argument points to, at
 * element xoff.  Element by element: x's cells go to the cells of what y's callers put there, y's
 * cells come back into x's cells; the stores through varying indices likewise; the wholes without
 * spreading into every cell. */
static void loc_link_cells(ctx_t *c, loc_t *x, loc_t *y, uint64_t xoff)
{
    loc_t *xw = loc_wild(c, x), *yw = loc_wild(c, y), *yin = loc_in(c, y);
    loc_t *yinw = loc_wild(c, yin);
    lview_t v;
    if (!xw || !yw || !yin || !yinw)
        return;
    loc_content(c, x, &v);
    loc_join1(c, yin, &v.st);
    view_flags_to(c, yin, &v, 0);
    loc_content(c, xw, &v);
    loc_join1(c, yinw, &v.st);
    view_flags_to(c, yinw, &v, 0);
    memset(&v, 0, sizeof v);
    view_add(c, &v, y);
    loc_join1(c, x, &v.st);
    view_flags_to(c, x, &v, 0);
    loc_read(c, yw);
    lview_t vw;
    memset(&vw, 0, sizeof vw);
    view_add(c, &vw, yw);
    loc_join1(c, xw, &yw->st);
    view_flags_to(c, xw, &vw, 0);
    /* the argument's cells (and, for a parameter passed on, its callers' cells) */
    loc_t *lists[2] = {x->cells, loc_in(c, x) ? loc_in(c, x)->cells : NULL};
    for (int li = 0; li < 2; li++)
        for (loc_t *fc = lists[li]; fc; fc = fc->next_cell) {
            uint64_t cb = cell_base(fc->cell);
            if (cb < CELL_AT + xoff)
                continue; /* before the element passed */
            loc_t *tc = loc_get_cell(c, y->kind, y->a, y->b, (cb - xoff) | CELL_IN);
            if (!tc)
                return;
            cell_copy(c, tc, fc);
        }
    /* the callee's stores into cells */
    for (loc_t *fc = y->cells; fc; fc = fc->next_cell) {
        loc_t *tc = loc_get_cell(c, x->kind, x->a, x->b, fc->cell + xoff);
        if (!tc)
            return;
        cell_copy(c, tc, fc);
    }
}

/* x is the memory an argument points to and y the callee's parameter memory: the callee reads what
 * x holds, x receives what the callee stores.  Two objects with elements are linked element by
 * element; otherwise both are taken whole. */
static void loc_link(ctx_t *c, loc_t *x, loc_t *y)
{
    if (x && y && cell_base(x->cell) != CELL_WILD && y->cell == CELL_ALL && cell_kind(x->kind) &&
        y->kind == LK_PARAM) {
        uint64_t xoff = cell_base(x->cell) >= CELL_AT ? cell_base(x->cell) - CELL_AT : 0;
        x = loc_whole(x);
        if (x == y)
            return;
        loc_link_cells(c, x, y, xoff);
        return;
    }
    x = loc_whole(x);
    y = loc_whole(y);
    if (!x || !y || x == y)
        return;
    lview_t vx, vy;
    loc_content(c, x, &vx);
    memset(&vy, 0, sizeof vy);
    view_add(c, &vy, y);
    loc_t *yin = loc_in(c, y);
    loc_t *to = yin ? yin : y;
    loc_join(c, to, &vx.st);
    view_flags_to(c, to, &vx, 1);
    loc_join(c, x, &vy.st);
    view_flags_to(c, x, &vy, 1);
}

/* Has nothing in the objects of x and y (y may be NULL) changed, or appeared, since the transfer
 * keyed `at` last read them?  Then that transfer, which reads memory only there, would do what it
 * did: it is skipped, and still counts as a read of both (loc_changed).  Otherwise the transfer runs
 * and this notes the clock before its own changes, which it sees on its next run. */
static int memory_unchanged(ctx_t *c, const void *at, loc_t *x, loc_t *y)
{
    void **slot = ptrcheck_ir_pmap_slot(&c->linked, at);
    if (!slot) {
        c->oom = 1;
        return 1;
    }
    uint64_t last = (uint64_t)(uintptr_t)*slot;
    if (last && x->head->objver < last && (!y || y->head->objver < last)) {
        x->head->obj_read = c->run;
        if (y)
            y->head->obj_read = c->run;
        return 1;
    }
    *slot = (void *)(uintptr_t)++c->ver;
    return 0;
}

/* loc_link at one call's argument: it reads and writes only locations of x's and y's objects. */
static void loc_link_at(ctx_t *c, LLVMUseRef at, loc_t *x, loc_t *y)
{
    if (!x || !y || !memory_unchanged(c, at, x, y))
        loc_link(c, x, y);
}

static int holds_pointers(loc_t *l)
{
    if (!l)
        return 0;
    if (l->has_ptr_store || l->has_ptr_bits)
        return 1;
    if (l->kind == LK_ALLOCA)
        return is_ptr(LLVMGetAllocatedType((LLVMValueRef)l->a));
    if (l->kind == LK_GLOBAL)
        return is_ptr(LLVMGlobalGetValueType((LLVMValueRef)l->a));
    return 0;
}

/* ------------------------------------------------------------------ transfer */

static ptrcheck_ir_fn_t *fn_of(ctx_t *c, LLVMValueRef inst);

/* An alloca only ever loaded and stored to directly: nothing else can write it. */
static int alloca_direct(ctx_t *c, LLVMValueRef a)
{
    void *cached = NULL;
    if (ptrcheck_ir_pmap_get(&c->direct, a, &cached))
        return cached == (void *)a;
    int ok = 1;
    for (LLVMUseRef u = LLVMGetFirstUse(a); u && ok; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsALoadInst(user) || ptrcheck_ir_is_lifetime_use(user))
            continue;
        if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 1) == a && LLVMGetOperand(user, 0) != a)
            continue;
        ok = 0;
    }
    void **slot = ptrcheck_ir_pmap_slot(&c->direct, a);
    if (!slot)
        c->oom = 1;
    else
        *slot = ok ? (void *)a : (void *)&c->noloc;
    return ok;
}

/* For a load from a direct alloca: the value stored into it last before the load in the same
 * block, when it has the load's type (clang -O0 keeps every local in memory; this keeps
 * `u = (u + 7) & ~7; return (T *)u;` apart from the earlier value of u). */
static LLVMValueRef reaching_store(ctx_t *c, LLVMValueRef load)
{
    LLVMValueRef a = LLVMGetOperand(load, 0);
    if (!LLVMIsAAllocaInst(a) || !alloca_direct(c, a))
        return NULL;
    void *cached = NULL;
    if (ptrcheck_ir_pmap_get(&c->reaching, load, &cached))
        return cached == &c->noloc ? NULL : cached;
    /* One forward walk of the block answers every load in it (clang -O0 blocks can be thousands of
     * instructions long; walking back from each load would be quadratic). */
    ptrcheck_ir_pmap_t last;
    ptrcheck_ir_pmap_init(&last);
    LLVMValueRef found = NULL;
    for (LLVMValueRef in = LLVMGetFirstInstruction(LLVMGetInstructionParent(load)); in && !c->oom;
         in = LLVMGetNextInstruction(in)) {
        if (LLVMIsAStoreInst(in) && LLVMIsAAllocaInst(LLVMGetOperand(in, 1))) {
            void **ls = ptrcheck_ir_pmap_slot(&last, LLVMGetOperand(in, 1));
            if (!ls)
                c->oom = 1;
            else
                *ls = in;
        } else if (LLVMIsALoadInst(in) && LLVMIsAAllocaInst(LLVMGetOperand(in, 0))) {
            void *st = NULL;
            LLVMValueRef v = NULL;
            if (ptrcheck_ir_pmap_get(&last, LLVMGetOperand(in, 0), &st) && st) {
                v = LLVMGetOperand((LLVMValueRef)st, 0);
                if (LLVMTypeOf(v) != LLVMTypeOf(in))
                    v = NULL;
            }
            void **slot = ptrcheck_ir_pmap_slot(&c->reaching, in);
            if (!slot)
                c->oom = 1;
            else
                *slot = v ? (void *)v : (void *)&c->noloc;
            if (in == load)
                found = v;
        }
    }
    ptrcheck_ir_pmap_fini(&last);
    return found;
}

/* A conversion clang's code generator made to access an `_Atomic` pointer through an integer, with
 * no conversion in the source (ptrcheck_ir_fn_lowered): the integer is still a pointer. */
static int lowered_conv(ctx_t *c, LLVMValueRef in)
{
    if (!ptrcheck_ir_atomic_lowering_shape(in))
        return 0;
    ptrcheck_ir_fn_t *f = fn_of(c, in);
    return f && ptrcheck_ir_fn_lowered(f, in);
}

/* ---- boxed integers: the GINT_TO_POINTER / SQLITE_INT_TO_PTR idiom read back */

static int returns_noalias(LLVMValueRef call, LLVMValueRef callee)
{
    unsigned kind = LLVMGetEnumAttributeKindForName("noalias", 7);
    return kind && (LLVMGetEnumAttributeAtIndex(callee, LLVMAttributeReturnIndex, kind) ||
                    LLVMGetCallSiteEnumAttribute(call, LLVMAttributeReturnIndex, kind));
}

/* Every use of pointer v is a conversion to an integer or a comparison (through casts); with
 * returned, also its function's return value (whose callers' uses are judged at their calls). */
static int only_integer_uses(LLVMValueRef v, int returned, unsigned depth)
{
    if (depth > 4)
        return 0;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        LLVMOpcode op = ptrcheck_ir_opcode(user);
        if (op == LLVMPtrToInt || op == LLVMICmp || (returned && op == LLVMRet))
            continue;
        if ((op == LLVMBitCast || op == LLVMAddrSpaceCast) && only_integer_uses(user, returned, depth + 1))
            continue;
        return 0;
    }
    return 1;
}

static int box_source(ctx_t *c, LLVMValueRef v, unsigned depth);

/* Every value stored into local or internal object a is a box_source, every read of it is only
 * converted to an integer, and it is otherwise only handed to calls (an out-parameter:
 * pthread_join's, a getter's). */
static int box_object(ctx_t *c, LLVMValueRef a, unsigned depth)
{
    if (LLVMIsAGlobalVariable(a) && LLVMGetLinkage(a) != LLVMInternalLinkage && LLVMGetLinkage(a) != LLVMPrivateLinkage)
        return 0;
    if (LLVMIsAGlobalVariable(a)) {
        LLVMValueRef init = LLVMGetInitializer(a);
        if (init && !LLVMIsNull(init) && !box_source(c, init, depth + 1))
            return 0;
    }
    for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (ptrcheck_ir_is_lifetime_use(user))
            continue;
        if (LLVMIsALoadInst(user)) {
            if (!only_integer_uses(user, 1, 0))
                return 0; /* also used as a pointer */
            continue;
        }
        if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 1) == a && LLVMGetOperand(user, 0) != a) {
            if (!box_source(c, LLVMGetOperand(user, 0), depth + 1))
                return 0;
            continue;
        }
        if ((LLVMIsACallInst(user) || LLVMIsAInvokeInst(user)) && ptrcheck_ir_called_function(user) &&
            !ptrcheck_ir_is_intrinsic(ptrcheck_ir_called_function(user)))
            continue; /* filled in by the callee */
        if (LLVMIsABitCastInst(user) || (LLVMIsAConstantExpr(user) && ptrcheck_ir_opcode(user) == LLVMBitCast)) {
            for (LLVMUseRef w = LLVMGetFirstUse(user); w; w = LLVMGetNextUse(w)) {
                LLVMValueRef uu = LLVMGetUser(w);
                if (!((LLVMIsACallInst(uu) || LLVMIsAInvokeInst(uu)) && ptrcheck_ir_called_function(uu) &&
                      !ptrcheck_ir_is_intrinsic(ptrcheck_ir_called_function(uu))))
                    return 0;
            }
            continue;
        }
        return 0;
    }
    return 1;
}

/* Pointer v holds no object's address made in this module: a pointer made from an integer, null,
 * what a pointer slot reached through a pointer holds (a field, a list node's data), what a
 * function returns that is not an allocator (noalias), or a local filled only with such values or
 * by callees.  Parameters, locals' and globals' own addresses and allocations are objects. */
static int box_source(ctx_t *c, LLVMValueRef v, unsigned depth)
{
    if (!v || depth > 6)
        return 0;
    v = ptrcheck_ir_strip_casts(v);
    if (LLVMIsAConstantPointerNull(v) || LLVMIsAUndefValue(v))
        return 1;
    LLVMOpcode op = ptrcheck_ir_opcode(v);
    if (op == LLVMIntToPtr)
        return !state_of(c, LLVMGetOperand(v, 0), 0); /* made from an integer that holds no pointer bits */
    if (op == LLVMPHI) {
        unsigned n = LLVMCountIncoming(v);
        for (unsigned i = 0; i < n; i++)
            if (!box_source(c, LLVMGetIncomingValue(v, i), depth + 1))
                return 0;
        return n > 0;
    }
    if (op == LLVMSelect)
        return box_source(c, LLVMGetOperand(v, 1), depth + 1) && box_source(c, LLVMGetOperand(v, 2), depth + 1);
    if (op == LLVMLoad) {
        LLVMValueRef a = ptrcheck_ir_strip_casts(LLVMGetOperand(v, 0));
        if (LLVMIsAAllocaInst(a) || LLVMIsAGlobalVariable(a))
            return box_object(c, a, depth);
        return 1; /* a slot reached through a pointer */
    }
    if (op == LLVMCall || op == LLVMInvoke) {
        LLVMValueRef callee = ptrcheck_ir_called_function(v);
        if (!callee || ptrcheck_ir_is_intrinsic(callee) || returns_noalias(v, callee))
            return 0;
        if (LLVMIsDeclaration(callee))
            return 1;
        int any = 0;
        for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(callee); bb; bb = LLVMGetNextBasicBlock(bb)) {
            LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
            if (t && LLVMIsAReturnInst(t) && LLVMGetNumOperands(t) == 1) {
                if (!box_source(c, LLVMGetOperand(t, 0), depth + 1))
                    return 0;
                any = 1;
            }
        }
        return any;
    }
    return 0;
}

/* A ptrtoint of a pointer the program only converts to integers and that holds no object's
 * address made here: an integer boxed in a pointer slot, read back. */
static int boxed_conv(ctx_t *c, LLVMValueRef ptoi)
{
    LLVMValueRef p = LLVMGetOperand(ptoi, 0);
    return LLVMIsAInstruction(p) && !LLVMIsAArgument(p) && only_integer_uses(p, 0, 0) && box_source(c, p, 0);
}

/* The state of a value of type t that `in` reads from l (a load, the old value of an atomic
 * operation); 0 when it carries no pointer bits. */
static int mem_read(ctx_t *c, LLVMValueRef in, loc_t *l, LLVMTypeRef t, pstate_t *out)
{
    lview_t lv;
    memset(out, 0, sizeof *out);
    if (!l)
        return 0;
    loc_view(c, l, &lv);
    if (lv.st.flags) {
        *out = lv.st;
    } else if (is_int(t) && (lv.has_ptr_store || lv.has_ptr_bits)) {
        /* bytes memcpy'd in are read back narrower than a pointer: a header or length next to
         * where the copy went (a node's bit-field header before its payload), not a pointer */
        if (!lv.has_ptr_store && LLVMGetIntTypeWidth(t) < c->ptr_bits)
            return 0;
        /* a pointer stored as a pointer into memory that several objects or callers share (a
         * field of every object of its type, a parameter's memory) and read there through a
         * narrower integer: the integer variant of a tagged union (`tag == INT ? u.i : u.p`),
         * whose bits were stored as that integer on the paths that read it.  Punning is judged
         * only in a local object, whose every access its function shows (ptr_load_state) */
        if (LLVMGetIntTypeWidth(t) < c->ptr_bits && loc_whole(l)->kind != LK_ALLOCA)
            return 0;
        out->flags = F_PLAIN;
        out->origin = lv.has_ptr_store ? in : lv.bits_origin;
        out->origin_kind = lv.has_ptr_store ? ORIGIN_PUN : ORIGIN_MEMCPY;
    } else {
        return 0;
    }
    out->via = in;
    out->via_kind = VIA_LOAD;
    lview_t exact;
    loc_content(c, l, &exact);
    /* an element at a constant index whose own stores hold no pointer bits */
    if (lv.st.flags && l->group && cell_base(l->cell) >= CELL_AT && !exact.st.flags && !exact.has_ptr_store)
        out->weak = 1;
    if (is_int(t) && unboxed(out, LLVMGetIntTypeWidth(t), c->ptr_bits))
        return 0;
    /* a narrow read of a slot that held pointer bits: a truncation only when a pointer-derived
     * value was stored there (a union or type pun in the source); bytes copied by memcpy (or
     * clang's lowering of atomics and aggregate copies) are read a piece at a time, and a byte
     * read inspects bytes, it does not keep a pointer */
    /* and only when the pointer went to these bytes: what was stored at varying offsets of the
     * object (l's group) may lie anywhere in it, so a narrow field read next to it is not a claim */
    if (is_int(t) && out->origin_kind != ORIGIN_MEMCPY && LLVMGetIntTypeWidth(t) > 8 &&
        (exact.st.flags || exact.has_ptr_store) && narrows(out, LLVMGetIntTypeWidth(t), c->ptr_bits)) {
        out->flags |= F_TRUNC;
        if (!out->tbits || LLVMGetIntTypeWidth(t) < out->tbits)
            out->tbits = LLVMGetIntTypeWidth(t);
    }
    return 1;
}

static void unary(ctx_t *c, LLVMValueRef in, LLVMValueRef op, int trunc)
{
    const pstate_t *x = state_of(c, op, 0);
    if (!x)
        return;
    pstate_t out = *x;
    if (trunc) {
        unsigned w = LLVMGetIntTypeWidth(LLVMTypeOf(in));
        if (unboxed(x, w, c->ptr_bits))
            return;
        if (narrows(x, w, c->ptr_bits)) {
            out.flags |= F_TRUNC;
            if (!out.tbits || w < out.tbits)
                out.tbits = w;
        }
    }
    set_val(c, in, &out);
}

/* ------------------------------------------------------------------ pass-through helpers */

/* Small functions whose integer result depends only on their parameters (align_up(x, a),
 * round_down, tag helpers) are evaluated at each call with that call's argument states, so one
 * caller's values (a size, a tagged pointer) never leak into another caller's result. */
#define PT_MAX_INSTS 96
#define PT_MAX_ARGS 8

typedef struct ptenv_s {
    ctx_t *c;
    LLVMValueRef fn;
    const pstate_t *args[PT_MAX_ARGS];
    ptrcheck_ir_pmap_t memo; /* value -> pstate_t* (or &c->noloc while being evaluated / none) */
} ptenv_t;

static int pass_through(ctx_t *c, LLVMValueRef fn)
{
    void *v = NULL;
    if (ptrcheck_ir_pmap_get(&c->pure, fn, &v))
        return v == (void *)2;
    int ok = !LLVMIsDeclaration(fn) && is_int(LLVMGetReturnType(LLVMGlobalGetValueType(fn))) &&
             LLVMCountParams(fn) <= PT_MAX_ARGS;
    unsigned n = 0;
    for (LLVMBasicBlockRef bb = ok ? LLVMGetFirstBasicBlock(fn) : NULL; bb && ok; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in && ok; in = LLVMGetNextInstruction(in)) {
            if (++n > PT_MAX_INSTS) {
                ok = 0;
                break;
            }
            switch (LLVMGetInstructionOpcode(in)) {
            case LLVMAlloca: case LLVMAdd: case LLVMSub: case LLVMMul: case LLVMShl: case LLVMLShr:
            case LLVMAShr: case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMUDiv: case LLVMSDiv:
            case LLVMURem: case LLVMSRem: case LLVMTrunc: case LLVMZExt: case LLVMSExt: case LLVMICmp:
            case LLVMBr: case LLVMSwitch: case LLVMPHI: case LLVMSelect: case LLVMRet: case LLVMUnreachable:
            case LLVMFreeze:
                break;
            case LLVMBitCast: /* the i8* operand of a lifetime marker (typed pointers, -O1 and up) */
                ok = ptrcheck_ir_is_lifetime_use(in);
                break;
            case LLVMLoad:
                ok = LLVMIsAAllocaInst(LLVMGetOperand(in, 0)) != NULL;
                break;
            case LLVMStore:
                ok = LLVMIsAAllocaInst(LLVMGetOperand(in, 1)) != NULL;
                break;
            case LLVMCall: { /* debug info and lifetime markers only */
                LLVMValueRef callee = ptrcheck_ir_called_function(in);
                size_t len = 0;
                const char *nm = callee ? LLVMGetValueName2(callee, &len) : NULL;
                ok = ptrcheck_ir_is_lifetime_use(in) || (nm && len > 9 && strncmp(nm, "llvm.dbg.", 9) == 0);
                break;
            }
            default:
                ok = 0;
            }
        }
    void **slot = ptrcheck_ir_pmap_slot(&c->pure, fn);
    if (slot)
        *slot = (void *)(uintptr_t)(ok ? 2 : 1);
    return ok;
}

static const pstate_t *pt_eval(void *g, LLVMValueRef v, unsigned depth);

static const pstate_t *pt_eval_uncached(ptenv_t *env, LLVMValueRef v, unsigned depth, pstate_t *out)
{
    ctx_t *c = env->c;
    if (LLVMIsAArgument(v)) {
        unsigned np = LLVMCountParams(env->fn);
        for (unsigned i = 0; i < np && i < PT_MAX_ARGS; i++)
            if (LLVMGetParam(env->fn, i) == v)
                return env->args[i];
        return NULL;
    }
    if (!LLVMIsAInstruction(v) || LLVMGetBasicBlockParent(LLVMGetInstructionParent(v)) != env->fn)
        return NULL;
    LLVMOpcode op = LLVMGetInstructionOpcode(v);
    switch (op) {
    case LLVMLoad: { /* every store into the local slot (a small helper: flow-insensitive is fine) */
        LLVMValueRef a = LLVMGetOperand(v, 0);
        for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u)) {
            LLVMValueRef st = LLVMGetUser(u);
            if (LLVMIsAStoreInst(st) && LLVMGetOperand(st, 1) == a)
                join(out, pt_eval(env, LLVMGetOperand(st, 0), depth + 1));
        }
        return out;
    }
    case LLVMAdd: case LLVMSub: case LLVMMul: case LLVMShl: case LLVMLShr: case LLVMAShr:
    case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMUDiv: case LLVMSDiv:
        if (!is_int(LLVMTypeOf(v)))
            return NULL;
        binop_g(c, pt_eval, env, op, LLVMGetOperand(v, 0), LLVMGetOperand(v, 1), LLVMGetIntTypeWidth(LLVMTypeOf(v)),
                depth, out);
        return out;
    case LLVMTrunc: case LLVMZExt: case LLVMSExt: case LLVMFreeze: {
        const pstate_t *x = pt_eval(env, LLVMGetOperand(v, 0), depth + 1);
        if (!x)
            return NULL;
        *out = *x;
        if (op == LLVMTrunc) {
            unsigned w = LLVMGetIntTypeWidth(LLVMTypeOf(v));
            if (unboxed(x, w, c->ptr_bits))
                return NULL;
            if (narrows(x, w, c->ptr_bits)) {
                out->flags |= F_TRUNC;
                if (!out->tbits || w < out->tbits)
                    out->tbits = w;
            }
        }
        return out;
    }
    case LLVMSelect:
        join(out, pt_eval(env, LLVMGetOperand(v, 1), depth + 1));
        join(out, pt_eval(env, LLVMGetOperand(v, 2), depth + 1));
        return out;
    case LLVMPHI:
        for (unsigned i = 0; i < LLVMCountIncoming(v); i++)
            join(out, pt_eval(env, LLVMGetIncomingValue(v, i), depth + 1));
        return out;
    default:
        return NULL;
    }
}

static const pstate_t *pt_eval(void *g, LLVMValueRef v, unsigned depth)
{
    ptenv_t *env = g;
    if (!v || depth > 48 || LLVMIsAConstant(v))
        return NULL;
    void *m = NULL;
    if (ptrcheck_ir_pmap_get(&env->memo, v, &m))
        return m == (void *)&env->c->noloc ? NULL : m;
    void **slot = ptrcheck_ir_pmap_slot(&env->memo, v);
    if (!slot) {
        env->c->oom = 1;
        return NULL;
    }
    *slot = &env->c->noloc; /* cycles through phis and slots read as "nothing" */
    pstate_t *out = ctx_alloc(env->c, sizeof *out);
    if (!out)
        return NULL;
    const pstate_t *r = pt_eval_uncached(env, v, depth, out);
    slot = ptrcheck_ir_pmap_slot(&env->memo, v);
    if (slot)
        *slot = (r && r->flags) ? (void *)r : (void *)&env->c->noloc;
    return r && r->flags ? r : NULL;
}

/* The state of `call`'s result when the callee is a pass-through helper; 0 when it is not. */
static int pass_through_call(ctx_t *c, LLVMValueRef callee, LLVMValueRef call, pstate_t *out)
{
    if (!pass_through(c, callee))
        return 0;
    ptenv_t env;
    memset(&env, 0, sizeof env);
    env.c = c;
    env.fn = callee;
    unsigned nargs = (unsigned)LLVMGetNumArgOperands(call);
    for (unsigned i = 0; i < nargs && i < PT_MAX_ARGS; i++)
        env.args[i] = state_of(c, LLVMGetOperand(call, i), 0);
    ptrcheck_ir_pmap_init(&env.memo);
    memset(out, 0, sizeof *out);
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(callee); bb; bb = LLVMGetNextBasicBlock(bb)) {
        LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
        if (t && LLVMGetInstructionOpcode(t) == LLVMRet && LLVMGetNumOperands(t) == 1)
            join(out, pt_eval(&env, LLVMGetOperand(t, 0), 0));
    }
    ptrcheck_ir_pmap_fini(&env.memo);
    return 1;
}

/* A test whether pointer-derived bits fit in w >= 32 bits: `(x >> w) != 0`, `(x & ~(2^w - 1)) == 0`,
 * `x > 2^w - 1`, `x < 2^w` (clang puts the constant on the right).  A program that tests this
 * keeps narrow copies of pointers only where they fit (small and big entry arrays chosen by such
 * a test): its w-bit narrowings are deliberate, reported as round trips if anything (record). */
static void fit_test(ctx_t *c, LLVMValueRef in)
{
    LLVMValueRef a = LLVMGetOperand(in, 0), b = LLVMGetOperand(in, 1);
    uint64_t k = 0, m = 0;
    unsigned w = 0;
    if (!is_int(LLVMTypeOf(a)) || LLVMGetIntTypeWidth(LLVMTypeOf(a)) != c->ptr_bits || !const_u64(b, &k))
        return;
    LLVMIntPredicate pred = LLVMGetICmpPredicate(in);
    LLVMOpcode op = LLVMIsAInstruction(a) ? LLVMGetInstructionOpcode(a) : (LLVMOpcode)0;
    if ((pred == LLVMIntEQ || pred == LLVMIntNE) && k == 0 && (op == LLVMLShr || op == LLVMAnd) &&
        const_u64(LLVMGetOperand(a, 1), &m)) {
        w = op == LLVMLShr ? (m < 64 ? (unsigned)m : 0) : align_mask_bits(m, c->ptr_bits); /* m == -(2^w) */
        a = LLVMGetOperand(a, 0);
    } else if (pred == LLVMIntUGT || pred == LLVMIntULE) {
        w = align_mask_bits(~k, c->ptr_bits); /* k == 2^w - 1 */
    } else if ((pred == LLVMIntULT || pred == LLVMIntUGE) && k) {
        w = align_mask_bits(~(k - 1), c->ptr_bits); /* k == 2^w */
    }
    /* narrower tests of pointer bits are bucket and hash checks, not whether an address fits */
    if (w >= 32 && w < c->ptr_bits && !((c->fit_tested >> w) & 1) && state_of(c, a, 0))
        c->fit_tested |= (uint64_t)1 << w;
}

static void transfer(ctx_t *c, LLVMValueRef in)
{
    LLVMOpcode op = ptrcheck_compat_opcode(LLVMGetInstructionOpcode(in));
    LLVMTypeRef t = LLVMTypeOf(in);
    pstate_t out;
    memset(&out, 0, sizeof out);
    switch (op) {
    case LLVMPtrToInt: {
        if (!is_int(t) || lowered_conv(c, in))
            return;
        out.flags = F_PLAIN;
        out.origin = in;
        out.origin_kind = ORIGIN_PTRTOINT;
        out.box = boxed_conv(c, in);
        unsigned w = LLVMGetIntTypeWidth(t);
        if (unboxed(&out, w, c->ptr_bits))
            return;
        if (w < c->ptr_bits) {
            out.flags |= F_TRUNC;
            out.tbits = w;
        }
        set_val(c, in, &out);
        return;
    }
    case LLVMAdd: case LLVMSub: case LLVMMul: case LLVMShl: case LLVMLShr: case LLVMAShr:
    case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMUDiv: case LLVMSDiv:
        if (!is_int(t))
            return;
        binop(c, op, LLVMGetOperand(in, 0), LLVMGetOperand(in, 1), LLVMGetIntTypeWidth(t), 0, &out);
        set_val(c, in, &out);
        return;
    case LLVMTrunc:
        unary(c, in, LLVMGetOperand(in, 0), 1);
        return;
    case LLVMExtractValue:
        if (LLVMIsAAtomicCmpXchgInst(LLVMGetOperand(in, 0)) && LLVMGetNumIndices(in) == 1 &&
            LLVMGetIndices(in)[0] == 1)
            return; /* cmpxchg's success flag */
        unary(c, in, LLVMGetOperand(in, 0), 0);
        return;
    case LLVMZExt: case LLVMSExt: case LLVMFreeze:
        unary(c, in, LLVMGetOperand(in, 0), 0);
        return;
    case LLVMInsertValue:
        unary(c, in, LLVMGetOperand(in, 0), 0);
        unary(c, in, LLVMGetOperand(in, 1), 0);
        return;
    case LLVMSelect:
        unary(c, in, LLVMGetOperand(in, 1), 0);
        unary(c, in, LLVMGetOperand(in, 2), 0);
        return;
    case LLVMPHI: {
        unsigned n = LLVMCountIncoming(in);
        for (unsigned i = 0; i < n; i++)
            unary(c, in, LLVMGetIncomingValue(in, i), 0);
        return;
    }
    case LLVMLoad: {
        if (!is_int(t) && LLVMGetTypeKind(t) != LLVMStructTypeKind)
            return;
        LLVMValueRef rs = reaching_store(c, in);
        if (rs) {
            /* strong update: the value of the store before it in the block */
            const pstate_t *x = state_of(c, rs, 0);
            if (!x)
                return;
            out = *x;
            out.via = in;
            out.via_kind = VIA_LOAD;
            set_val(c, in, &out);
            return;
        }
        loc_t *l = resolve(c, LLVMGetOperand(in, 0), 0);
        if (l && memory_unchanged(c, in, l, NULL)) /* mem_read reads l's object only */
            return;
        if (mem_read(c, in, l, t, &out))
            set_val(c, in, &out);
        return;
    }
    case LLVMAtomicCmpXchg: case LLVMAtomicRMW: {
        /* the old value is read; the new one (cmpxchg's third operand, the operation's result)
         * stored */
        LLVMValueRef v = LLVMGetOperand(in, op == LLVMAtomicCmpXchg ? 2 : 1);
        loc_t *l = resolve(c, LLVMGetOperand(in, 0), 0);
        if (!l)
            return;
        pstate_t old;
        int has_old = mem_read(c, in, l, LLVMTypeOf(v), &old);
        if (is_ptr(LLVMTypeOf(v)) && !LLVMIsAConstantPointerNull(v))
            loc_mark(c, l, MEM_PTR_STORE, NULL);
        const pstate_t *x = state_of(c, v, 0);
        LLVMAtomicRMWBinOp rop = op == LLVMAtomicRMW ? LLVMGetAtomicRMWBinOp(in) : LLVMAtomicRMWBinOpXchg;
        if (rop == LLVMAtomicRMWBinOpXchg) {
            loc_join(c, l, x);
        } else {
            uint64_t k = 0;
            unsigned f = rop == LLVMAtomicRMWBinOpXor && small_value(c, v, 0) ? F_TOGGLE
                         : rop == LLVMAtomicRMWBinOpXor                                  ? F_XOR
                         : rop == LLVMAtomicRMWBinOpOr && (const_u64(v, &k) || small_value(c, v, 0)) ? F_SETBITS
                         : rop == LLVMAtomicRMWBinOpAnd && const_u64(v, &k)            ? F_MASK
                         : rop == LLVMAtomicRMWBinOpOr || rop == LLVMAtomicRMWBinOpAnd ? F_MIX
                                                                                        : F_ARITH;
            pstate_t upd;
            if (has_old) {
                upd = old;
                upd.flags = (upd.flags & ~(F_PLAIN | F_ADDC)) | f;
                upd.addc_state = ADDC_NONE;
                loc_join(c, l, &upd);
            }
            if (x && f != F_TOGGLE) { /* a small value keeps no address of its own */
                upd = *x;
                upd.flags = (upd.flags & ~(F_PLAIN | F_ADDC)) | (f == F_XOR ? F_XOR : F_MIX);
                upd.addc_state = ADDC_NONE;
                loc_join(c, l, &upd);
            }
        }
        if (has_old)
            set_val(c, in, &old);
        return;
    }
    case LLVMStore: {
        LLVMValueRef v = LLVMGetOperand(in, 0);
        loc_t *l = resolve(c, LLVMGetOperand(in, 1), 0);
        if (!l)
            return;
        int ptr_value = is_ptr(LLVMTypeOf(v)) ? !LLVMIsAConstantPointerNull(v)
                                              : ptrcheck_ir_opcode(v) == LLVMPtrToInt && lowered_conv(c, v);
        if (ptr_value)
            loc_mark(c, l, MEM_PTR_STORE, NULL);
        loc_join(c, l, state_of(c, v, 0));
        return;
    }
    case LLVMRet:
        if (LLVMGetNumOperands(in) == 1) {
            const pstate_t *x = state_of(c, LLVMGetOperand(in, 0), 0);
            if (x) {
                LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(in));
                loc_join(c, loc_get(c, LK_RET, fn, 0), x);
            }
        }
        return;
    case LLVMICmp:
        fit_test(c, in);
        return;
    case LLVMCall:
    case LLVMInvoke: {
        LLVMValueRef callee = ptrcheck_ir_called_function(in);
        if (!callee)
            return;
        if (ptrcheck_ir_is_intrinsic(callee)) {
            if (is_memcpy_like(callee)) {
                loc_t *d = loc_whole(resolve(c, LLVMGetOperand(in, 0), 0));
                loc_t *s = loc_whole(resolve(c, LLVMGetOperand(in, 1), 0));
                if (d && s) {
                    lview_t sv;
                    loc_content(c, s, &sv);
                    loc_join(c, d, &sv.st);
                    if (sv.has_ptr_store || sv.has_ptr_bits || holds_pointers(s))
                        loc_mark(c, d, MEM_PTR_BITS, in);
                    if (sv.st.flags)
                        loc_mark(c, d, MEM_COPY, NULL);
                }
            }
            return;
        }
        if (LLVMIsDeclaration(callee))
            return;
        unsigned nargs = (unsigned)LLVMGetNumArgOperands(in);
        unsigned nparams = LLVMCountParams(callee);
        for (unsigned i = 0; i < nargs && i < nparams; i++) {
            LLVMValueRef arg = LLVMGetOperand(in, i);
            LLVMValueRef param = LLVMGetParam(callee, i);
            const pstate_t *x = state_of(c, arg, 0);
            if (x && LLVMTypeOf(arg) == LLVMTypeOf(param)) {
                out = *x;
                out.via = param;
                out.via_kind = VIA_ARG;
                pstate_t *ps = val_state(c, param, 1);
                if (ps && join(ps, &out)) {
                    c->changed = 1;
                    mark_dirty(c, callee);
                }
            }
            if (is_ptr(LLVMTypeOf(arg)))
                loc_link_at(c, LLVMGetOperandUse(in, i), resolve(c, arg, 0), loc_get(c, LK_PARAM, callee, i));
        }
        LLVMTypeRef rt = LLVMTypeOf(in);
        if (is_int(rt) && pass_through_call(c, callee, in, &out)) {
            if (out.flags) {
                out.via = callee;
                out.via_kind = VIA_RET;
                set_val(c, in, &out);
            }
        } else if (is_int(rt) || LLVMGetTypeKind(rt) == LLVMStructTypeKind) {
            loc_t *r = loc_get(c, LK_RET, callee, 0);
            loc_read(c, r);
            if (r && r->st.flags) {
                out = r->st;
                out.via = callee;
                out.via_kind = VIA_RET;
                set_val(c, in, &out);
            }
        }
        return;
    }
    default:
        return;
    }
}

/* Global initializers: integers that hold pointer bits, pointers in memory that may be punned. */
/* target: the whole object (a global or a field); off: the byte offset in it when an array element
 * was entered (in_array), which makes the leaf a cell. */
static void init_walk(ctx_t *c, LLVMValueRef g, LLVMValueRef k, loc_t *target, uint64_t off, int in_array,
                      unsigned depth)
{
    if (!k || !target || depth > 8)
        return;
    LLVMTypeRef t = LLVMTypeOf(k);
    LLVMTypeKind tk = LLVMGetTypeKind(t);
    if (tk == LLVMIntegerTypeKind || tk == LLVMPointerTypeKind) {
        loc_t *leaf = in_array ? loc_get_cell(c, target->kind, target->a, target->b, CELL_AT + off) : target;
        if (!leaf)
            return;
        if (tk == LLVMPointerTypeKind) {
            if (!LLVMIsAConstantPointerNull(k) && !LLVMIsUndef(k))
                loc_mark(c, leaf, MEM_PTR_STORE, NULL);
            return;
        }
        const pstate_t *x = state_of(c, k, 0);
        if (x) {
            pstate_t out = *x;
            if (!out.origin) {
                out.origin = g;
                out.origin_kind = ORIGIN_INIT;
            }
            loc_join(c, leaf, &out);
        }
    } else if (tk == LLVMStructTypeKind && (LLVMIsAConstantStruct(k))) {
        char rec[512];
        int named = ptrcheck_ir_record_name(t, rec, sizeof rec) != NULL;
        unsigned n = LLVMCountStructElementTypes(t);
        for (unsigned i = 0; i < n; i++) {
            uint64_t eo = LLVMOffsetOfElement(c->td, t, i);
            if (named)
                init_walk(c, g, LLVMGetOperand(k, i), loc_get(c, LK_FIELD, rec, eo), 0, 0, depth + 1);
            else /* a literal struct clang made for the initializer: the same object */
                init_walk(c, g, LLVMGetOperand(k, i), target, off + eo, in_array, depth + 1);
        }
    } else if ((tk == LLVMArrayTypeKind || tk == LLVMVectorTypeKind) &&
               (LLVMIsAConstantArray(k) || LLVMIsAConstantVector(k))) {
        int n = LLVMGetNumOperands(k);
        uint64_t es = LLVMABISizeOfType(c->td, LLVMGetElementType(t));
        for (int i = 0; i < n; i++)
            init_walk(c, g, LLVMGetOperand(k, i), target, off + (uint64_t)i * es, 1, depth + 1);
    }
}

/* ------------------------------------------------------------------ results */

static ptrcheck_ir_fn_t *fn_of(ctx_t *c, LLVMValueRef inst)
{
    if (!inst || !LLVMIsAInstruction(inst))
        return NULL;
    LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst));
    ptrcheck_ir_fn_t *f = ptrcheck_ir_fncache_get(&c->fns, fn);
    if (!f)
        c->oom = 1;
    return f;
}

static void describe_via(ctx_t *c, const pstate_t *s, char *buf, size_t size)
{
    buf[0] = 0;
    char place[600];
    switch (s->via_kind) {
    case VIA_LOAD: {
        ptrcheck_ir_fn_t *f = fn_of(c, s->via);
        if (!f)
            return;
        ptrcheck_ir_describe_place(c->e, f, LLVMGetOperand(s->via, 0), place, sizeof place);
        snprintf(buf, size, "%s", place);
        return;
    }
    case VIA_RET: {
        char n[512];
        snprintf(buf, size, "the return value of '%s'", ptrcheck_ir_display_name(c->e, s->via, n, sizeof n));
        return;
    }
    case VIA_ARG: {
        LLVMValueRef fn = LLVMGetParamParent(s->via);
        ptrcheck_ir_fn_t *f = ptrcheck_ir_fncache_get(&c->fns, fn);
        if (!f) {
            c->oom = 1;
            return;
        }
        unsigned n = LLVMCountParams(fn), idx = 0;
        for (unsigned i = 0; i < n; i++)
            if (LLVMGetParam(fn, i) == s->via)
                idx = i;
        const char *pn = ptrcheck_ir_fn_param_name(f, idx);
        if (pn)
            snprintf(buf, size, "parameter '%s' of '%s'", pn, ptrcheck_ir_fn_name(f));
        else
            snprintf(buf, size, "parameter #%u of '%s'", idx + 1, ptrcheck_ir_fn_name(f));
        return;
    }
    default: return;
    }
}

/* The result: the conversions, and the strings they point to.  While the analysis records them
 * they are a list in the arena (last first); the array is made at the end. */
typedef struct rt_node_s {
    ptrcheck_rt_conv_t conv;
    struct rt_node_s *prev;
} rt_node_t;

typedef struct rt_result_s {
    ptrcheck_roundtrip_t pub;
    ptrcheck_rt_conv_t *convs;
    rt_node_t *last;
    ptrcheck_arena_t arena;
} rt_result_t;

static const char *keep(ctx_t *c, const char *str)
{
    if (!str)
        return NULL;
    const char *k = ptrcheck_arena_strndup(&c->out->arena, str, strlen(str));
    if (!k)
        c->oom = 1;
    return k;
}

/* Every use of pointer v is a comparison, through casts and locals it is kept in: the rebuilt
 * pointer only tests where an address lies (`(T *)(end + n) <= p` checking for wrap-around). */
static int compared_only(LLVMValueRef v, unsigned depth)
{
    if (depth > 4 || !LLVMGetFirstUse(v))
        return 0;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        LLVMOpcode op = ptrcheck_ir_opcode(user);
        if (op == LLVMICmp || ptrcheck_ir_is_lifetime_use(user))
            continue;
        if ((op == LLVMBitCast || op == LLVMAddrSpaceCast) && compared_only(user, depth + 1))
            continue;
        if (op == LLVMStore && LLVMGetOperand(user, 0) == v && LLVMIsAAllocaInst(LLVMGetOperand(user, 1))) {
            LLVMValueRef a = LLVMGetOperand(user, 1); /* a local: every other use reads it to compare */
            for (LLVMUseRef w = LLVMGetFirstUse(a); w; w = LLVMGetNextUse(w)) {
                LLVMValueRef au = LLVMGetUser(w);
                if (ptrcheck_ir_is_lifetime_use(au) || (LLVMIsAStoreInst(au) && LLVMGetOperand(au, 1) == a &&
                                                        LLVMGetOperand(au, 0) != a))
                    continue;
                if (!LLVMIsALoadInst(au) || !compared_only(au, depth + 1))
                    return 0;
            }
            continue;
        }
        return 0;
    }
    return 1;
}

/* Records the conversion back to a pointer at `at` of bits in state s. */
static void record(ctx_t *c, ptrcheck_ir_fn_t *f, LLVMValueRef at, const pstate_t *s)
{
    rt_result_t *r = c->out;
    char via[700];
    rt_node_t *node = ptrcheck_arena_alloc(&r->arena, sizeof *node);
    if (!node) {
        c->oom = 1;
        return;
    }
    ptrcheck_rt_conv_t *cv = &node->conv;
    int exact = 0;
    cv->paths = s->flags;
    if ((cv->paths & F_TRUNC) && s->tbits && s->tbits < 64 && ((c->fit_tested >> s->tbits) & 1))
        cv->paths &= ~(unsigned)F_TRUNC; /* narrowed where the program has tested that it fits */
    cv->trunc_bits = s->tbits;
    cv->boxed = s->box;
    cv->compared_only = compared_only(at, 0);
    cv->loc = ptrcheck_ir_fn_loc(f, at, &exact);
    describe_via(c, s, via, sizeof via);
    cv->via = keep(c, via);
    cv->fn = keep(c, ptrcheck_ir_fn_name(f));
    cv->origin = s->origin ? (ptrcheck_rt_origin_t)s->origin_kind : PTRCHECK_RT_ORIGIN_NONE;
    if (s->origin && s->origin_kind == ORIGIN_INIT) {
        char gn[512];
        cv->origin_loc = ptrcheck_ir_global_loc(c->e, s->origin);
        cv->origin_exact = 1;
        cv->origin_name = keep(c, ptrcheck_ir_global_name(c->e, s->origin, gn, sizeof gn));
    } else if (s->origin && LLVMIsAInstruction(s->origin)) {
        ptrcheck_ir_fn_t *of = fn_of(c, s->origin);
        if (of) {
            ptrcheck_loc_t oloc = ptrcheck_ir_fn_loc(of, s->origin, &cv->origin_exact);
            if (oloc.file && (oloc.file != cv->loc.file || oloc.line != cv->loc.line || oloc.col != cv->loc.col))
                cv->origin_loc = oloc;
            cv->origin_name = keep(c, ptrcheck_ir_fn_name(of));
        }
    }
    node->prev = r->last;
    r->last = node;
    r->pub.n++;
}

/* The recorded conversions as the result's array; 0 when out of memory. */
static int finish(rt_result_t *r)
{
    if (!r->pub.n)
        return 1;
    r->convs = malloc(r->pub.n * sizeof *r->convs);
    if (!r->convs)
        return 0;
    size_t i = r->pub.n;
    for (const rt_node_t *node = r->last; node; node = node->prev)
        r->convs[--i] = node->conv;
    r->pub.convs = r->convs;
    return 1;
}

/* inttoptr constant expressions inside an instruction's operands (rare: `(T *)((uintptr_t)&g + 8)`). */
static void scan_const_inttoptr(ctx_t *c, ptrcheck_ir_fn_t *f, LLVMValueRef in, LLVMValueRef k, unsigned depth)
{
    if (depth > 4 || !LLVMIsAConstantExpr(k))
        return;
    if (LLVMGetConstOpcode(k) == LLVMIntToPtr) {
        const pstate_t *s = state_of(c, LLVMGetOperand(k, 0), 0);
        if (s)
            record(c, f, in, s);
        return;
    }
    int n = LLVMGetNumOperands(k);
    for (int i = 0; i < n; i++)
        scan_const_inttoptr(c, f, in, LLVMGetOperand(k, i), depth + 1);
}

/* An alloca only loaded and stored through (casts and GEPs of it included): nothing outside the
 * function's own accesses reads or writes it. */
static int alloca_in_view(LLVMValueRef v, unsigned depth)
{
    if (depth > 4)
        return 0;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsALoadInst(user) || ptrcheck_ir_is_lifetime_use(user))
            continue;
        if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 1) == v && LLVMGetOperand(user, 0) != v)
            continue;
        if ((LLVMIsABitCastInst(user) || LLVMIsAGetElementPtrInst(user)) && LLVMGetOperand(user, 0) == v &&
            alloca_in_view(user, depth + 1))
            continue;
        return 0;
    }
    return 1;
}

/* A pointer read from memory that holds changed pointer bits stored as an integer: the integer is
 * converted back to a pointer there.  Reported where that is certain without following paths:
 *  - the bits were copied byte-wise (memcpy) into a pointer object (a local or global of pointer
 *    type);
 *  - a local, accessed only by its own function, was given a pointer, read as an integer, changed
 *    and written back (a union changed through its integer member).
 * Memory shared by several objects (a struct field of every object of its type, a parameter's
 * memory) or handed to callees may hold a pointer on some paths and a changed integer on others
 * (a variant selected by a type tag: Lua's TValue, printf's argument union): not judged.
 * Unchanged bits (punning, clang's temporaries for atomics) are silent. */
static int ptr_load_state(ctx_t *c, LLVMValueRef in, pstate_t *out)
{
    if (!is_ptr(LLVMTypeOf(in)) || reaching_store(c, in))
        return 0;
    loc_t *l = resolve(c, LLVMGetOperand(in, 0), 0);
    loc_t *w = loc_whole(l);
    if (!l || (w->kind != LK_ALLOCA && w->kind != LK_GLOBAL))
        return 0;
    lview_t lv;
    loc_view(c, l, &lv);
    if (!(lv.st.flags & ~F_PLAIN))
        return 0;
    LLVMValueRef obj = (LLVMValueRef)w->a;
    LLVMTypeRef ot = w->kind == LK_ALLOCA ? LLVMGetAllocatedType(obj) : LLVMGlobalGetValueType(obj);
    int copied = lv.has_copy && is_ptr(ot);
    int punned = lv.st.origin_kind == ORIGIN_PUN && w->kind == LK_ALLOCA && alloca_in_view(obj, 0);
    if (!copied && !punned)
        return 0;
    *out = lv.st;
    out->via = in;
    out->via_kind = VIA_LOAD;
    return 1;
}

static void record_function(ctx_t *c, LLVMValueRef fn)
{
    ptrcheck_ir_fn_t *f = NULL;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
            const pstate_t *s = NULL;
            pstate_t ls;
            if (LLVMGetInstructionOpcode(in) == LLVMIntToPtr && !lowered_conv(c, in))
                s = state_of(c, LLVMGetOperand(in, 0), 0);
            else if (LLVMIsALoadInst(in) && ptr_load_state(c, in, &ls))
                s = &ls;
            int n = LLVMGetNumOperands(in), has_const = 0;
            for (int i = 0; i < n; i++)
                if (LLVMIsAConstantExpr(LLVMGetOperand(in, i)))
                    has_const = 1;
            if (!s && !has_const)
                continue;
            if (!f && !(f = ptrcheck_ir_fncache_get(&c->fns, fn))) {
                c->oom = 1;
                return;
            }
            if (s)
                record(c, f, in, s);
            for (int i = 0; i < n && has_const; i++)
                scan_const_inttoptr(c, f, in, LLVMGetOperand(in, i), 0);
        }
    }
}

/* ------------------------------------------------------------------ driver */

#define MAX_SWEEPS 64

static void result_destroy(void *p)
{
    rt_result_t *r = p;
    if (!r)
        return;
    free(r->convs);
    ptrcheck_arena_fini(&r->arena);
    free(r);
}

/* The analysis of the module: the result, or NULL when out of memory. */
static rt_result_t *run_roundtrip(ptrcheck_engine_t *e, LLVMModuleRef m)
{
    ctx_t c;
    int ok = 0;
    memset(&c, 0, sizeof c);
    c.e = e;
    c.m = m;
    c.out = calloc(1, sizeof *c.out);
    if (!c.out)
        return NULL;
    ptrcheck_arena_init(&c.out->arena);
    ptrcheck_ir_pmap_init(&c.vals);
    ptrcheck_ir_pmap_init(&c.resolved);
    ptrcheck_ir_pmap_init(&c.single);
    ptrcheck_ir_pmap_init(&c.direct);
    ptrcheck_ir_pmap_init(&c.reaching);
    ptrcheck_ir_pmap_init(&c.pure);
    ptrcheck_ir_pmap_init(&c.dirty);
    ptrcheck_ir_pmap_init(&c.bb_run);
    ptrcheck_ir_pmap_init(&c.linked);
    ptrcheck_ir_fncache_init(&c.fns, e);
    c.td = LLVMCreateTargetData(LLVMGetDataLayoutStr(m));
    if (!c.td)
        goto fail;
    c.ptr_bits = LLVMPointerSize(c.td) * 8;

    for (LLVMValueRef g = LLVMGetFirstGlobal(m); g; g = LLVMGetNextGlobal(g)) {
        LLVMValueRef init = LLVMIsDeclaration(g) ? NULL : LLVMGetInitializer(g);
        if (init)
            init_walk(&c, g, init, loc_get(&c, LK_GLOBAL, g, 0), 0, 0, 0);
    }
    /* The first sweep runs every function; later sweeps only those that read something that
     * changed since they last ran (a location, a callee's result, a parameter, their own values),
     * and not only further on in the same run, where the new state is seen anyway. */
    for (unsigned sweep = 0; sweep < MAX_SWEEPS && !c.oom; sweep++) {
        c.changed = 0;
        for (LLVMValueRef fn = LLVMGetFirstFunction(m); fn; fn = LLVMGetNextFunction(fn)) {
            if (sweep > 0) {
                void **slot = ptrcheck_ir_pmap_slot(&c.dirty, fn);
                if (!slot || !*slot)
                    continue;
                *slot = NULL;
            }
            c.cur_fn = fn;
            c.run++;
            for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb && !c.oom; bb = LLVMGetNextBasicBlock(bb)) {
                void **r = ptrcheck_ir_pmap_slot(&c.bb_run, bb);
                if (!r) {
                    c.oom = 1;
                    break;
                }
                *r = (void *)(uintptr_t)c.run;
                c.cur_bb = bb;
                for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
                    c.cur_in = in;
                    transfer(&c, in);
                }
            }
        }
        c.cur_fn = NULL;
        c.cur_bb = NULL;
        c.cur_in = NULL;
        if (!c.changed)
            break;
    }
    if (c.oom)
        goto fail;
    for (LLVMValueRef fn = LLVMGetFirstFunction(m); fn && !c.oom; fn = LLVMGetNextFunction(fn))
        record_function(&c, fn);
    if (c.oom || !finish(c.out))
        goto fail;

    ok = 1;
fail:
    ptrcheck_ir_fncache_fini(&c.fns);
    ptrcheck_ir_pmap_fini(&c.vals);
    ptrcheck_ir_pmap_fini(&c.resolved);
    ptrcheck_ir_pmap_fini(&c.single);
    ptrcheck_ir_pmap_fini(&c.direct);
    ptrcheck_ir_pmap_fini(&c.reaching);
    ptrcheck_ir_pmap_fini(&c.pure);
    ptrcheck_ir_pmap_fini(&c.dirty);
    ptrcheck_ir_pmap_fini(&c.bb_run);
    ptrcheck_ir_pmap_fini(&c.linked);
    for (size_t i = 0; i < c.loccap; i++)
        if (c.locs && c.locs[i])
            free(c.locs[i]->readers);
    free(c.locs);
    while (c.chunks) {
        chunk_t *n = c.chunks->next;
        free(c.chunks);
        c.chunks = n;
    }
    if (c.td)
        LLVMDisposeTargetData(c.td);
    if (!ok) {
        result_destroy(c.out);
        return NULL;
    }
    return c.out;
}

static char roundtrip_tag; /* the key of the result in ptrcheck_ir_module_result */

static void *roundtrip_compute(ptrcheck_ir_module_t *mod)
{
    return run_roundtrip(ptrcheck_ir_module_engine(mod), ptrcheck_ir_module_llvm(mod));
}

const ptrcheck_roundtrip_t *ptrcheck_roundtrip(ptrcheck_ir_module_t *mod)
{
    rt_result_t *r = ptrcheck_ir_module_result(mod, &roundtrip_tag, roundtrip_compute, result_destroy);
    return r ? &r->pub : NULL;
}

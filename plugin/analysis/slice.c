/* The slice-flow analysis (interface: ptrcheck_private/slice.h): slice headers whose data pointer or
 * lengths come through data flow the AST cannot see -- a local assigned earlier (`char *b =
 * malloc(16); GoSlice s = {b, 32, 32}`), a length kept in a variable, or the arguments of a call that
 * builds the header in another function of the module (`GoSlice mk(void *p, long n)` called with a
 * 16-byte buffer and n = 32).
 *
 * Which struct types are headers, and where their fields are, comes from the AST (the caller's
 * ptrcheck_slice_headers_t); without it this analysis has nothing to do.  Pointee types are never
 * looked at: element sizes come from the AST too.
 *
 * Per basic block, stores into the fields of a header object (an alloca, an sret argument, any
 * pointer) are collected; the header is judged when the block ends or something reads or passes
 * the object on.  Values are followed back through
 *   - GEPs with constant indices, casts;
 *   - locals with a single store whose address is never taken (a `char *b = malloc(16)` that is
 *     never reassigned);
 *   - allocations: allocas, globals, string literals, malloc/calloc/realloc/aligned_alloc with
 *     known sizes;
 *   - parameters, one level up, for each call of the function in the module.
 * Only claims that needed one of those steps (a local, a variable length, a call) are returned:
 * what is visible in one initialiser is the AST's, so the two layers never see one hazard twice.
 * Claims are placed at the header's variable (or the call that builds it), which the AST's site
 * tables locate with or without -g, and the IR is the same at -O0 and -O2 (PipelineStart).
 * Never names a check and never words a finding: checks/slice-forge/ir.c does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck_private/ir.h"
#include "ptrcheck_private/slice.h"

#define MAX_OBJS 16
#define MAX_DEPTH 12

typedef struct claims_s {
    ptrcheck_slice_claim_t *v;
    size_t n, cap;
} claims_t;

typedef struct sctx_s {
    ptrcheck_engine_t *e;
    const ptrcheck_slice_headers_t *headers;
    claims_t *out;
    ptrcheck_ir_fncache_t *cache;
    ptrcheck_ir_pmap_t *types;    /* LLVMTypeRef -> layout (or a sentinel when not a header) */
    ptrcheck_ir_pmap_t *loadvals; /* load of a header field -> the value stored there in the block */
    LLVMValueRef fn;
    ptrcheck_ir_fn_t *f;
    LLVMTargetDataRef td;
    LLVMValueRef call;            /* when set: parameters of fn are the arguments of this call */
    int needs_args;               /* a value depended on a parameter (and there was no call) */
} sctx_t;

typedef struct pval_s {
    int known, is_null, hop;
    unsigned long long total;
    long long offset;
    ptrcheck_slice_mem_t kind;
    const char *name; /* interned; see ptrcheck_slice_memory_t */
    ptrcheck_loc_t at;
} pval_t;

typedef struct ival_s {
    int known, hop;
    long long v;
} ival_t;

typedef struct obj_s {
    LLVMValueRef base;
    const ptrcheck_slice_layout_t *lay;
    LLVMValueRef field[3]; /* data, len, cap: the values last stored in this block */
    LLVMValueRef last_store;
    int dirty;
} obj_t;

static const char not_header;

/* ------------------------------------------------------------------ headers and fields */

static const ptrcheck_slice_layout_t *layout_of(sctx_t *c, LLVMTypeRef t)
{
    if (!t || LLVMGetTypeKind(t) != LLVMStructTypeKind)
        return NULL;
    void *v = NULL;
    if (ptrcheck_ir_pmap_get(c->types, t, &v))
        return v == &not_header ? NULL : v;
    char name[256];
    const ptrcheck_slice_layout_t *l = NULL;
    if (ptrcheck_ir_record_name(t, name, sizeof name))
        l = c->headers->lookup(c->headers->ctx, name);
    if (l && ptrcheck_ir_type_size(c->td, t) != l->bytes)
        l = NULL; /* not the record the AST described */
    void **slot = ptrcheck_ir_pmap_slot(c->types, t);
    if (slot)
        *slot = l ? (void *)l : (void *)&not_header;
    return l;
}

/* ptr = gep(base, 0, k) into a header: which field (0 data, 1 len, 2 cap), else -1. */
static int header_field(sctx_t *c, LLVMValueRef ptr, LLVMValueRef *base, const ptrcheck_slice_layout_t **lay)
{
    ptr = ptrcheck_ir_strip_casts(ptr);
    if (ptrcheck_ir_opcode(ptr) != LLVMGetElementPtr || LLVMGetNumOperands(ptr) != 3)
        return -1;
    LLVMTypeRef st = LLVMGetGEPSourceElementType(ptr);
    const ptrcheck_slice_layout_t *l = layout_of(c, st);
    LLVMValueRef i0 = LLVMGetOperand(ptr, 1), i1 = LLVMGetOperand(ptr, 2);
    if (!l || !LLVMIsAConstantInt(i0) || LLVMConstIntGetZExtValue(i0) != 0 || !LLVMIsAConstantInt(i1))
        return -1;
    unsigned long long off = LLVMOffsetOfElement(c->td, st, (unsigned)LLVMConstIntGetZExtValue(i1));
    *base = ptrcheck_ir_strip_casts(LLVMGetOperand(ptr, 0));
    *lay = l;
    if (off == l->data_off)
        return 0;
    if (off == l->len_off)
        return 1;
    if (l->has_cap && off == l->cap_off)
        return 2;
    return -1;
}

/* ------------------------------------------------------------------ following values */

/* The value of the single store into a local whose address is never taken, or NULL. */
static LLVMValueRef single_store(LLVMValueRef a)
{
    LLVMValueRef val = NULL;
    for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsALoadInst(user))
            continue;
        if (ptrcheck_ir_is_lifetime_use(user))
            continue;
        if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 1) == a && LLVMGetOperand(user, 0) != a && !val) {
            val = LLVMGetOperand(user, 0);
            continue;
        }
        return NULL;
    }
    return val;
}

static int param_index(LLVMValueRef fn, LLVMValueRef arg, unsigned *idx)
{
    unsigned n = LLVMCountParams(fn);
    for (unsigned i = 0; i < n; i++)
        if (LLVMGetParam(fn, i) == arg) {
            *idx = i;
            return 1;
        }
    return 0;
}

static ival_t eval_int(sctx_t *c, LLVMValueRef v, unsigned depth);

/* A parameter of c->fn seen through the call c->call: evaluates the argument in the caller. */
static int caller_arg(sctx_t *c, LLVMValueRef v, LLVMValueRef *arg, sctx_t *cc)
{
    unsigned i;
    if (!LLVMIsAArgument(v) || !param_index(c->fn, v, &i)) 
        return 0;
    if (!c->call) {
        c->needs_args = 1;
        return 0;
    }
    if (i >= (unsigned)LLVMGetNumArgOperands(c->call))
        return 0;
    LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(c->call));
    ptrcheck_ir_fn_t *cf = ptrcheck_ir_fncache_get(c->cache, caller);
    if (!cf)
        return 0;
    *cc = *c;
    cc->fn = caller;
    cc->f = cf;
    cc->call = NULL;
    *arg = LLVMGetOperand(c->call, i);
    return 1;
}

static ival_t eval_int(sctx_t *c, LLVMValueRef v, unsigned depth)
{
    ival_t r = {0, 0, 0};
    if (!v || depth > MAX_DEPTH)
        return r;
    if (LLVMIsAConstantInt(v)) {
        r.known = 1;
        r.v = LLVMConstIntGetSExtValue(v);
        return r;
    }
    void *stored = NULL;
    if (LLVMIsALoadInst(v) && ptrcheck_ir_pmap_get(c->loadvals, v, &stored) && stored)
        return eval_int(c, stored, depth + 1);
    LLVMValueRef arg;
    sctx_t cc;
    if (caller_arg(c, v, &arg, &cc)) {
        r = eval_int(&cc, arg, depth + 1);
        r.hop = 1;
        return r;
    }
    switch (ptrcheck_ir_opcode(v)) {
    case LLVMSExt:
    case LLVMZExt:
    case LLVMTrunc:
        return eval_int(c, LLVMGetOperand(v, 0), depth + 1);
    case LLVMLoad: {
        LLVMValueRef a = ptrcheck_ir_strip_casts(LLVMGetOperand(v, 0));
        LLVMValueRef s = LLVMIsAAllocaInst(a) ? single_store(a) : NULL;
        if (!s)
            return r;
        r = eval_int(c, s, depth + 1);
        r.hop = 1;
        return r;
    }
    case LLVMAdd:
    case LLVMSub:
    case LLVMMul:
    case LLVMShl: {
        ival_t a = eval_int(c, LLVMGetOperand(v, 0), depth + 1);
        if (!a.known)
            return r;
        ival_t b = eval_int(c, LLVMGetOperand(v, 1), depth + 1);
        if (!b.known)
            return r;
        r.known = 1;
        r.hop = a.hop | b.hop;
        LLVMOpcode op = ptrcheck_ir_opcode(v);
        if (op == LLVMAdd)
            r.v = a.v + b.v;
        else if (op == LLVMSub)
            r.v = a.v - b.v;
        else if (op == LLVMMul)
            r.v = a.v * b.v;
        else if (b.v >= 0 && b.v < 62)
            r.v = a.v << b.v;
        else
            r.known = 0;
        return r;
    }
    default:
        return r;
    }
}

static int is_alloc_fn(const char *n, size_t len, int *size_arg, int *count_arg)
{
    *count_arg = -1;
    if ((len == 6 && strncmp(n, "malloc", 6) == 0)) {
        *size_arg = 0;
        return 1;
    }
    if (len == 6 && strncmp(n, "calloc", 6) == 0) {
        *size_arg = 1;
        *count_arg = 0;
        return 1;
    }
    if ((len == 7 && strncmp(n, "realloc", 7) == 0) || (len == 13 && strncmp(n, "aligned_alloc", 13) == 0)) {
        *size_arg = 1;
        return 1;
    }
    return 0;
}

static pval_t eval_ptr(sctx_t *c, LLVMValueRef v, unsigned depth)
{
    pval_t r;
    memset(&r, 0, sizeof r);
    if (!v || depth > MAX_DEPTH)
        return r;
    if (LLVMIsAConstantPointerNull(v)) {
        r.known = r.is_null = 1;
        return r;
    }
    LLVMValueRef arg;
    sctx_t cc;
    if (caller_arg(c, v, &arg, &cc)) {
        r = eval_ptr(&cc, arg, depth + 1);
        r.hop = 1;
        return r;
    }
    switch (ptrcheck_ir_opcode(v)) {
    case LLVMBitCast:
    case LLVMAddrSpaceCast:
        return eval_ptr(c, LLVMGetOperand(v, 0), depth + 1);
    case LLVMGetElementPtr: {
        pval_t b = eval_ptr(c, LLVMGetOperand(v, 0), depth + 1);
        if (!b.known || b.is_null)
            return r;
        ptrcheck_ir_gep_it_t it;
        ptrcheck_ir_gep_step_t s;
        long long off = 0;
        ptrcheck_ir_gep_begin(&it, c->td, v);
        while (ptrcheck_ir_gep_next(&it, &s)) {
            if (s.kind == PTRCHECK_IR_GEP_FIELD) {
                off += (long long)s.field_offset;
                continue;
            }
            if (s.kind == PTRCHECK_IR_GEP_VECTOR)
                return r;
            ival_t k = eval_int(c, s.index, depth + 1); /* indices may come through locals */
            if (!k.known)
                return r;
            b.hop |= k.hop;
            off += k.v * (long long)s.elem_bytes;
        }
        if (it.stuck)
            return r;
        b.offset += off;
        return b;
    }
    case LLVMAlloca: {
        unsigned long long sz = ptrcheck_ir_type_size(c->td, LLVMGetAllocatedType(v));
        LLVMValueRef n = LLVMGetOperand(v, 0);
        if (!LLVMIsAConstantInt(n) || !sz)
            return r;
        r.known = 1;
        r.total = sz * LLVMConstIntGetZExtValue(n);
        r.kind = PTRCHECK_SLICE_MEM_LOCAL;
        r.name = ptrcheck_ir_fn_local_name(c->f, v); /* interned */
        int exact = 0;
        r.at = ptrcheck_ir_fn_loc(c->f, v, &exact);
        if (!exact)
            memset(&r.at, 0, sizeof r.at);
        return r;
    }
    case LLVMLoad: {
        LLVMValueRef a = ptrcheck_ir_strip_casts(LLVMGetOperand(v, 0));
        LLVMValueRef s = LLVMIsAAllocaInst(a) ? single_store(a) : NULL;
        if (!s)
            return r;
        r = eval_ptr(c, s, depth + 1);
        r.hop = 1;
        return r;
    }
    case LLVMCall: {
        LLVMValueRef callee = ptrcheck_ir_called_function(v);
        size_t len = 0;
        const char *n = callee ? LLVMGetValueName2(callee, &len) : NULL;
        int sa, ca;
        if (!n || !is_alloc_fn(n, len, &sa, &ca) || (unsigned)sa >= (unsigned)LLVMGetNumArgOperands(v))
            return r;
        ival_t s = eval_int(c, LLVMGetOperand(v, (unsigned)sa), depth + 1);
        ival_t k = ca >= 0 ? eval_int(c, LLVMGetOperand(v, (unsigned)ca), depth + 1) : (ival_t){1, 0, 1};
        if (!s.known || !k.known || s.v <= 0 || k.v <= 0)
            return r;
        r.known = 1;
        r.hop = s.hop | k.hop;
        r.total = (unsigned long long)s.v * (unsigned long long)k.v;
        char fn[256];
        snprintf(fn, sizeof fn, "%.*s", (int)len, n);
        r.kind = PTRCHECK_SLICE_MEM_ALLOC;
        r.name = ptrcheck_engine_intern(c->e, fn);
        if (!r.name) {
            memset(&r, 0, sizeof r); /* out of memory: unknown */
            return r;
        }
        int exact = 0;
        r.at = ptrcheck_ir_fn_loc(c->f, v, &exact);
        if (!exact)
            memset(&r.at, 0, sizeof r.at);
        return r;
    }
    default:
        break;
    }
    if (LLVMIsAGlobalVariable(v)) {
        LLVMTypeRef t = LLVMGlobalGetValueType(v);
        unsigned long long sz = ptrcheck_ir_type_size(c->td, t);
        if (!sz || LLVMIsDeclaration(v) || (!LLVMIsGlobalConstant(v) && LLVMGetLinkage(v) != LLVMInternalLinkage &&
                                            LLVMGetLinkage(v) != LLVMPrivateLinkage &&
                                            LLVMGetLinkage(v) != LLVMExternalLinkage))
            return r; /* weak/common definitions may be replaced by a bigger one */
        size_t len = 0;
        const char *gn = LLVMGetValueName2(v, &len);
        r.known = 1;
        r.total = sz;
        if (gn && len >= 4 && strncmp(gn, ".str", 4) == 0) {
            r.kind = PTRCHECK_SLICE_MEM_STRING;
            return r; /* no location: literals have one only with -g, and only on some LLVMs */
        }
        char tmp[200];
        r.kind = PTRCHECK_SLICE_MEM_GLOBAL;
        r.name = ptrcheck_engine_intern(c->e, ptrcheck_ir_global_name(c->e, v, tmp, sizeof tmp));
        if (!r.name) {
            memset(&r, 0, sizeof r);
            return r;
        }
        r.at = ptrcheck_ir_global_loc(c->e, v);
    }
    return r;
}

/* ------------------------------------------------------------------ judging a header */

/* 1 and *out (without its place) when the header o, with the values its fields have in c (through
 * c->call when set), breaks len <= cap <= bytes behind data after a data-flow step. */
static int judge(sctx_t *c, const obj_t *o, ptrcheck_slice_claim_t *out)
{
    const ptrcheck_slice_layout_t *l = o->lay;
    pval_t d = o->field[0] ? eval_ptr(c, o->field[0], 0) : (pval_t){0};
    ival_t n[2] = {{0, 0, 0}, {0, 0, 0}};
    if (o->field[1])
        n[0] = eval_int(c, o->field[1], 0);
    if (o->field[2] && l->has_cap)
        n[1] = eval_int(c, o->field[2], 0);
    memset(out, 0, sizeof *out);
    out->layout = l;
    if (n[0].known && n[1].known && !n[0].hop && !n[1].hop && n[0].v > n[1].v)
        return 0; /* len > cap in plain sight: the AST's */
    for (int k = 0; k < 2; k++) {
        int exceeds = d.known && !d.is_null && n[k].known && n[k].v > 0 && d.offset >= 0 &&
                      (long long)d.total >= d.offset &&
                      n[k].v * (long long)l->elem_bytes > (long long)d.total - d.offset;
        if (k == 1 && n[0].known && n[1].known && n[0].v > n[1].v && n[1].v >= 0 && (n[0].hop || n[1].hop)) {
            out->flaw = PTRCHECK_SLICE_LEN_OVER_CAP;
            out->len = n[0].v;
            out->cap = n[1].v;
            return 1;
        }
        if (!exceeds || !(d.hop || n[k].hop))
            continue;
        out->flaw = PTRCHECK_SLICE_OVER_DATA;
        out->field = k + 1;
        if (k == 0)
            out->len = n[k].v;
        else
            out->cap = n[k].v;
        out->data.kind = d.kind;
        out->data.name = d.name;
        out->data.bytes = d.total;
        out->data.offset = d.offset;
        out->data.at = d.at;
        return 1;
    }
    return 0;
}

/* The header's variable (its alloca's site); else the function, so that the location does not
 * depend on -g. */
static ptrcheck_loc_t object_loc(sctx_t *c, const obj_t *o, int *exact)
{
    *exact = 0;
    if (LLVMIsAAllocaInst(o->base)) {
        ptrcheck_loc_t loc = ptrcheck_ir_fn_loc(c->f, o->base, exact);
        if (*exact)
            return loc;
    }
    *exact = 0;
    return ptrcheck_ir_fn_loc(c->f, NULL, NULL);
}

static int add_claim(claims_t *cs, const ptrcheck_slice_claim_t *cl)
{
    if (cs->n == cs->cap) {
        size_t ncap = cs->cap ? cs->cap * 2 : 8;
        ptrcheck_slice_claim_t *nv = realloc(cs->v, ncap * sizeof *nv);
        if (!nv)
            return 0;
        cs->v = nv;
        cs->cap = ncap;
    }
    cs->v[cs->n++] = *cl;
    return 1;
}

/* Judges a header whose fields changed since it was last judged; 0 when out of memory. */
static int judge_object(sctx_t *c, obj_t *o)
{
    if (!o->dirty)
        return 1;
    o->dirty = 0;
    ptrcheck_slice_claim_t cl;
    c->call = NULL;
    c->needs_args = 0;
    int exact = 0;
    if (judge(c, o, &cl)) {
        cl.loc = object_loc(c, o, &exact);
        return add_claim(c->out, &cl);
    }
    if (!c->needs_args)
        return 1;
    /* built from parameters: judge it for every call of this function in the module */
    ptrcheck_loc_t built = object_loc(c, o, &exact);
    int built_exact = exact, ok = 1;
    for (LLVMUseRef u = LLVMGetFirstUse(c->fn); u && ok; u = LLVMGetNextUse(u)) {
        LLVMValueRef call = LLVMGetUser(u);
        if (!LLVMIsACallInst(call) || ptrcheck_ir_called_function(call) != c->fn)
            continue;
        c->call = call;
        if (!judge(c, o, &cl))
            continue;
        LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
        ptrcheck_ir_fn_t *cf = ptrcheck_ir_fncache_get(c->cache, caller);
        if (!cf)
            continue;
        cl.loc = ptrcheck_ir_fn_loc(cf, call, &exact);
        cl.builder = ptrcheck_ir_fn_name(c->f);
        cl.built = built;
        cl.built_exact = built_exact;
        ok = add_claim(c->out, &cl);
    }
    c->call = NULL;
    return ok;
}

/* ------------------------------------------------------------------ the walk */

static obj_t *find_obj(obj_t *objs, unsigned n, LLVMValueRef base)
{
    for (unsigned i = 0; i < n; i++)
        if (objs[i].base == base)
            return &objs[i];
    return NULL;
}

static void drop_obj(obj_t *objs, unsigned *n, obj_t *o)
{
    *o = objs[--*n];
}

static int run_block(sctx_t *c, LLVMBasicBlockRef bb)
{
    obj_t objs[MAX_OBJS];
    unsigned nobjs = 0;
    for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
        LLVMOpcode op = LLVMGetInstructionOpcode(in);
        LLVMValueRef base = NULL;
        const ptrcheck_slice_layout_t *lay = NULL;
        if (op == LLVMStore) {
            int k = header_field(c, LLVMGetOperand(in, 1), &base, &lay);
            if (k >= 0) {
                obj_t *o = find_obj(objs, nobjs, base);
                if (!o && nobjs < MAX_OBJS) {
                    o = &objs[nobjs++];
                    memset(o, 0, sizeof *o);
                    o->base = base;
                    o->lay = lay;
                }
                if (o && o->lay == lay) {
                    o->field[k] = LLVMGetOperand(in, 0);
                    o->last_store = in;
                    o->dirty = 1;
                }
                continue;
            }
        }
        if (op == LLVMLoad) {
            int k = header_field(c, LLVMGetOperand(in, 0), &base, &lay);
            obj_t *o = k >= 0 ? find_obj(objs, nobjs, base) : NULL;
            if (o) {
                void **slot = ptrcheck_ir_pmap_slot(c->loadvals, in);
                if (!slot)
                    return 0;
                *slot = o->field[k];
                if (!judge_object(c, o))
                    return 0;
                continue;
            }
        }
        if (op == LLVMGetElementPtr || op == LLVMBitCast)
            continue;
        /* any other use of a header object: judge it; anything but a load may change it */
        unsigned nops = (unsigned)LLVMGetNumOperands(in);
        for (unsigned i = 0; i < nops; i++) {
            LLVMValueRef v = LLVMGetOperand(in, i);
            LLVMValueRef b = v ? ptrcheck_ir_strip(v) : NULL;
            obj_t *o = b ? find_obj(objs, nobjs, b) : NULL;
            if (!o)
                continue;
            if (!judge_object(c, o))
                return 0;
            if (op != LLVMLoad && !ptrcheck_ir_is_lifetime_use(in))
                drop_obj(objs, &nobjs, o);
        }
    }
    for (unsigned i = 0; i < nobjs; i++)
        if (!judge_object(c, &objs[i]))
            return 0;
    return 1;
}

/* The claims of module m into out; 0 when out of memory. */
static int run_slice(ptrcheck_engine_t *e, LLVMModuleRef m, const ptrcheck_slice_headers_t *headers, claims_t *out)
{
    int ok = 1;
    ptrcheck_ir_fncache_t cache;
    ptrcheck_ir_pmap_t types, loadvals;
    ptrcheck_ir_fncache_init(&cache, e);
    ptrcheck_ir_pmap_init(&types);
    ptrcheck_ir_pmap_init(&loadvals);
    sctx_t c;
    memset(&c, 0, sizeof c);
    c.e = e;
    c.headers = headers;
    c.out = out;
    c.cache = &cache;
    c.types = &types;
    c.loadvals = &loadvals;
    for (LLVMValueRef fn = LLVMGetFirstFunction(m); fn && ok; fn = LLVMGetNextFunction(fn)) {
        if (LLVMIsDeclaration(fn))
            continue;
        /* only functions that store into a slice header's fields need a location map */
        c.fn = fn;
        c.f = NULL;
        for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb && ok; bb = LLVMGetNextBasicBlock(bb)) {
            int any = 0;
            if (!c.td) {
                c.f = ptrcheck_ir_fncache_get(&cache, fn);
                if (!c.f) {
                    ok = 0;
                    break;
                }
                c.td = ptrcheck_ir_fn_target_data(c.f);
            }
            for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in && !any; in = LLVMGetNextInstruction(in)) {
                LLVMValueRef base;
                const ptrcheck_slice_layout_t *lay;
                if (LLVMIsAStoreInst(in) && header_field(&c, LLVMGetOperand(in, 1), &base, &lay) >= 0)
                    any = 1;
            }
            if (!any)
                continue;
            if (!c.f && !(c.f = ptrcheck_ir_fncache_get(&cache, fn))) {
                ok = 0;
                break;
            }
            if (!run_block(&c, bb))
                ok = 0;
        }
    }
    ptrcheck_ir_pmap_fini(&types);
    ptrcheck_ir_pmap_fini(&loadvals);
    ptrcheck_ir_fncache_fini(&cache);
    return ok;
}

/* ------------------------------------------------------------------ the result, once per module */

/* The memoised result.  ptrcheck_ir_module_result computes results from the module alone, so it
 * holds an empty one; the first ptrcheck_slice_flow fills it with its headers. */
typedef struct flow_s {
    ptrcheck_slice_flow_t pub;
    claims_t claims;
    int done, failed;
} flow_t;

static void flow_destroy(void *p)
{
    flow_t *f = p;
    if (!f)
        return;
    free(f->claims.v);
    free(f);
}

static char flow_tag;
static void *flow_create(ptrcheck_ir_module_t *m)
{
    (void)m;
    return calloc(1, sizeof(flow_t));
}

const ptrcheck_slice_flow_t *ptrcheck_slice_flow(ptrcheck_ir_module_t *m, const ptrcheck_slice_headers_t *headers)
{
    flow_t *f = ptrcheck_ir_module_result(m, &flow_tag, flow_create, flow_destroy);
    if (!f)
        return NULL;
    if (!f->done) {
        f->done = 1;
        if (headers && headers->lookup &&
            !run_slice(ptrcheck_ir_module_engine(m), ptrcheck_ir_module_llvm(m), headers, &f->claims))
            f->failed = 1;
        f->pub.claims = f->claims.v;
        f->pub.n = f->claims.n;
    }
    return f->failed ? NULL : &f->pub;
}

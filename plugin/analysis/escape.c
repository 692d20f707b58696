/* Escape flow of automatic storage and of borrowed pointer parameters over the module straight
 * from IRGen (interface: ptrcheck_private/escape.h).  Check-agnostic: it collects the escapes,
 * with their route, locations and the steps through callees; checks/stack-escape/ir.c and
 * checks/borrowed-escape/ir.c decide what to report and word the findings.
 *
 * Abstract objects.  STACK (an alloca: local, parameter spill, array, VLA, alloca(), compound
 * literal; or a byval parameter), ARG i (the memory pointer parameter i points to: the value of the
 * parameter), ARGR i (memory reachable from parameter i through loads), GLOBAL g, GLOBR g (memory
 * reachable from global g), HEAP (the result of a call to an allocator), RET (the memory of the
 * return value: clang's retval alloca or the sret parameter).
 *
 * Values.  Every SSA value carries a set of elements, element = object id << 1 | asint, asint
 * meaning "the address went through ptrtoint" (cleared again by inttoptr).  Derived values (GEP,
 * casts, phi, select, integer arithmetic, insert/extractvalue) take the union of their operands.
 * Each object has contents: the elements stored into it (field- and index-insensitive).  A load
 * from a pointer gives the contents of its objects, plus ARGR/GLOBR for parameters and globals; a
 * load from a promotable alloca (one only ever loaded and stored, like clang's -O0 spills of
 * locals) gives only the values of the stores that reach it (kill-aware), so `p = &x; ... p =
 * NULL; return p;` is silent.  memcpy/memmove copy contents.  The sets only grow; each function is
 * iterated to a fixpoint.  The IR is the same shape at every -O level (PipelineStart, before any
 * optimisation; lifetime markers and TBAA are ignored), so the findings are too.
 *
 * Summaries (bottom-up over the call graph, with a worklist for recursion): for each defined
 * function and pointer parameter i, whether what i points to escapes (and how: the first step of
 * the path, possibly a call to another summarised function, so chains are followed for the notes),
 * whether i (or memory reachable from it) is returned, which parameters are stored into memory
 * of which others and at which offset (`link(list, node)`: an edge, judged at each call with what
 * the destination is there, so a callee storing into a local of its caller's frame keeps nothing),
 * what the function stores on every path ("must" stores, which undo a caller's earlier link:
 * close_func after open_func, pop after push), and the guard on a flag or mode parameter under
 * which a parameter escapes (a constant argument that makes it false makes the call silent).
 *
 * Sinks.  Stores into GLOBAL/GLOBR/ARG/ARGR/RET, returns, calls whose summary says the parameter
 * escapes, thread start routines (pthread_create, thrd_create, ...) unless the thread is joined on
 * every path to a return, `retaining-functions`, and heap objects that themselves escape (stored
 * into one of the above, returned, passed on).  A store into a global or into a parameter's memory
 * is forgiven when every path from it to a return overwrites the same location with a value that
 * holds no stack address (`g = &x; ...; g = NULL;`, linking a stack node and unlinking it).
 * Returning an address converted to an integer is collected as such (stack-escape reports it only
 * with strict-provenance: a stack-depth probe otherwise).
 *
 * Locations.  Calls and returns map to the AST's CALL and RETURN sites (util.c); stores into
 * non-local memory map to the STORE sites the AST pass records (this file, by ordinal, when the
 * counts agree); otherwise !dbg, otherwise the variable's declaration.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck_private/escape.h"
#include "ptrcheck_private/ir.h"
#include "ptrcheck_private/util.h"

/* ------------------------------------------------------------------ element sets */

/* Sorted; most hold one or two elements, which live in the set itself (v == inl exactly when
 * 0 < cap <= ESET_INLINE, so a set moved with its owner is repointed by eset_moved). */
#define ESET_INLINE 2
typedef struct eset_s {
    uint32_t *v;
    uint32_t n, cap;
    uint32_t inl[ESET_INLINE];
} eset_t;

static void eset_moved(eset_t *s)
{
    if (s->cap && s->cap <= ESET_INLINE)
        s->v = s->inl;
}

static int eset_add(eset_t *s, uint32_t x, int *changed)
{
    uint32_t lo = 0, hi = s->n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (s->v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->n && s->v[lo] == x)
        return 1;
    if (s->n == s->cap) {
        if (!s->cap) {
            s->v = s->inl;
            s->cap = ESET_INLINE;
        } else {
            uint32_t ncap = s->cap * 2;
            uint32_t *nv = s->cap <= ESET_INLINE ? malloc(ncap * sizeof *nv) : realloc(s->v, ncap * sizeof *nv);
            if (!nv)
                return 0;
            if (s->cap <= ESET_INLINE)
                memcpy(nv, s->inl, s->n * sizeof *nv);
            s->v = nv;
            s->cap = ncap;
        }
    }
    memmove(s->v + lo + 1, s->v + lo, (s->n - lo) * sizeof *s->v);
    s->v[lo] = x;
    s->n++;
    if (changed)
        *changed = 1;
    return 1;
}

enum { XF_KEEP = 0, XF_SETINT, XF_CLEARINT };

static int eset_union(eset_t *dst, const eset_t *src, int xf, int *changed)
{
    if (!src)
        return 1;
    for (uint32_t i = 0; i < src->n; i++) {
        uint32_t x = src->v[i];
        if (xf == XF_SETINT)
            x |= 1u;
        else if (xf == XF_CLEARINT)
            x &= ~1u;
        if (!eset_add(dst, x, changed))
            return 0;
    }
    return 1;
}

static void eset_free(eset_t *s)
{
    if (s->cap > ESET_INLINE)
        free(s->v);
    memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------------ objects */

typedef enum okind_e { O_STACK = 1, O_ARG, O_ARGR, O_GLOBAL, O_GLOBR, O_HEAP, O_RET } okind_t;

typedef struct obj_s {
    okind_t kind;
    LLVMValueRef v; /* alloca / Argument / global / allocator call / retval alloca or sret Argument */
    unsigned idx;   /* parameter index for ARG/ARGR */
    eset_t contents;
    uint32_t base;  /* field object of a local aggregate: index + 1 of the aggregate's object */
    long long off;  /* ... at this byte offset */
    int has_fields; /* a local aggregate whose fields have objects of their own */
} obj_t;

#define EL_OBJ(x) ((x) >> 1)
#define EL_INT(x) ((x)&1u)

/* ------------------------------------------------------------------ summaries */

typedef struct esc_info_s {
    int escapes;
    const ptrcheck_escape_route_t *how; /* the first route it takes (kept in the result's arena) */
    ptrcheck_loc_t loc;  /* where in the callee */
    LLVMValueRef next;   /* the step is a call to this summarised function ... */
    unsigned next_param; /* ... passing the parameter as this argument */
    ptrcheck_escape_step_t step; /* this step, for the notes of callers (valid with how) */
    LLVMValueRef global; /* the global it is stored into, when that is where it goes */
    int mixed;           /* it also goes somewhere else */
    /* every escape of it is on a branch taken only when `icmp pred (parameter gparam), gconst` is
     * gwant (a flag or mode parameter): gstate 1; 2 when some escape is not guarded so */
    int gstate;
    unsigned gparam;
    LLVMIntPredicate gpred;
    LLVMValueRef gconst;
    int gwant;
    /* every escape of it is on the arm of `p == q` / `p != q` where it is not parameter neparam's
     * value (`if (t != buf) g_last = t;`): nestate 1; 2 when some escape is not */
    int nestate;
    unsigned neparam;
} esc_info_t;

#define OFF_UNKNOWN (-0x7fffffffffffffffLL - 1)

/* Parameter `src` is stored into the memory parameter `dst` points to, at byte `off` of it (or
 * OFF_UNKNOWN), or, with `reach`, into memory reachable from it through loads. */
typedef struct into_s {
    unsigned short dst, src;
    unsigned char reach;
    long long off;
    /* how it happens, for the notes of callers: a store of this function into that memory (step.next
     * NULL, step.route the place), or a call passing both on to `next`, whose edge next_dst <-
     * next_src it is (has_step 0 when it could not be described) */
    int has_step;
    ptrcheck_escape_step_t step;
    LLVMValueRef next;
    unsigned short next_dst, next_src;
} into_t;

struct fn_s;

/* What summary_add_into records of a new edge's origin (NULL members: not known). */
typedef struct into_why_s {
    LLVMValueRef in;                     /* the store or call */
    const ptrcheck_escape_route_t *how;  /* a store: where it goes */
    LLVMValueRef next;                   /* a call: the callee and its edge */
    unsigned next_dst, next_src;
} into_why_t;

/* A store the function makes on every path from its entry to a return ("must"): into byte `off`
 * of the memory parameter `param` points to, or of `global`; the value stored holds no stack
 * address (`valparam` -1) or is parameter `valparam` as it was passed.  A caller's earlier store to
 * the same place is undone by the call (close_func after open_func, pop after push). */
typedef struct must_s {
    LLVMValueRef global; /* NULL: a parameter's memory */
    unsigned param;
    long long off;
    int valparam;
    int deref;           /* the place is byte `off` of the object whose address is at byte `off1` of
                            the memory `param` points to (`leaveblock(ls->fs)`: ls->fs->bl) */
    long long off1;
    int local;           /* (only while judging one function's calls) `global` is a local of it */
} must_t;

#define MAX_MUST 8

/* The function removes parameter `node` from a singly linked list and returns only after that: on
 * every path from its entry to a return it passes the arm of `n == node` on which a node `n` read
 * from the list is its parameter, and then stores a link read from a list node into the list
 * (`last->next = n->next` or `head = n->next`).  The list hangs from global `global`, or (global
 * NULL) from the memory parameter `list` points to.  A caller's earlier push of `node` onto that
 * list is undone by the call (signal emissions pushed, then popped by searching the list). */
typedef struct unlink_s {
    LLVMValueRef global;
    unsigned list;
    unsigned node;
} unlink_t;

#define MAX_UNLINK 2

typedef struct summary_s {
    unsigned nparams;
    esc_info_t *esc;
    unsigned char *ret;  /* parameter value may be returned */
    unsigned char *retr; /* memory reachable from the parameter may be returned */
    int *retne;          /* it is returned only where it is not parameter retne - 1's value (`return p == buf ?
                            copy(p) : p;`); 0: not returned, -1: returned unconditionally */
    into_t *into;        /* parameters stored into memory of other parameters */
    size_t ninto, capinto;
    must_t must[MAX_MUST];
    size_t nmust;
    unlink_t unl[MAX_UNLINK];
    size_t nunl;
    unsigned char *borrowed;
    unsigned char *frees; /* the parameter may be handed to a deallocator (free, realloc, ...) */
    unsigned char *waits; /* the function waits on a semaphore or barrier in the parameter's memory on
                             every path to a return (a handshake helper: wait_ready(&s)) */
} summary_t;

static void summary_free(summary_t *s)
{
    if (!s)
        return;
    free(s->esc);
    free(s->ret);
    free(s->retr);
    free(s->retne);
    free(s->into);
    free(s->borrowed);
    free(s->frees);
    free(s->waits);
    free(s);
}

static int into_describe(struct fn_s *F, into_t *e, const into_why_t *why);

static int summary_add_into(struct fn_s *F, summary_t *s, unsigned i, unsigned j, int reach, long long off,
                            const into_why_t *why, int *changed)
{
    for (size_t k = 0; k < s->ninto; k++) {
        into_t *e = &s->into[k];
        if (e->dst != i || e->src != j || e->reach != (reach != 0))
            continue;
        if (e->off != off && e->off != OFF_UNKNOWN) { /* two places: any place */
            e->off = OFF_UNKNOWN;
            *changed = 1;
        }
        return 1;
    }
    if (s->ninto == s->capinto) {
        size_t ncap = s->capinto ? s->capinto * 2 : 4;
        into_t *ni = realloc(s->into, ncap * sizeof *ni);
        if (!ni)
            return 0;
        s->into = ni;
        s->capinto = ncap;
    }
    into_t *e = &s->into[s->ninto++];
    memset(e, 0, sizeof *e);
    e->dst = (unsigned short)i;
    e->src = (unsigned short)j;
    e->reach = reach != 0;
    e->off = off;
    *changed = 1;
    return !why || into_describe(F, e, why);
}

/* ------------------------------------------------------------------ module state */

typedef struct thread_api_s {
    const char *name;
    unsigned arg;    /* 0-based argument the start routine receives */
    int handle;      /* 0-based argument that receives the handle (by address), -1: the call's result, -2: none */
    const char *join;
} thread_api_t;

static const thread_api_t thread_apis[] = {
    {"pthread_create", 3, 0, "pthread_join"},
    {"thrd_create", 2, 0, "thrd_join"},
    {"uv_thread_create", 2, 0, "uv_thread_join"},
    {"g_thread_new", 2, -1, "g_thread_join"},
    {"g_thread_try_new", 2, -1, "g_thread_join"},
    {"_beginthreadex", 3, -2, NULL},
    {"_beginthread", 2, -2, NULL},
    {"CreateThread", 3, -2, NULL},
    {"pthread_setspecific", 1, -2, NULL},
    {"on_exit", 1, -2, NULL},
    {"tss_set", 1, -2, NULL},
};

typedef struct mod_s {
    ptrcheck_engine_t *e;
    LLVMModuleRef m;
    ptrcheck_ir_fncache_t fns;
    ptrcheck_ir_pmap_t summaries; /* defined function -> summary_t* */
    ptrcheck_ir_pmap_t annotated; /* function -> (void*)1: annotate("ptrcheck_borrowed") */
    ptrcheck_arena_t *arena;      /* the routes and steps kept (the result's) */
    ptrcheck_ir_reach_t *reach;   /* reaching stores of promotable slots, for the whole run */
    ptrcheck_ir_pmap_t callees;   /* called function -> callee_t* (callee_of) */
} mod_t;

/* What the analysis knows of a called function by its name, worked out once per callee. */
enum { CE_ALLOC = 1, CE_FREE = 2, CE_RET_ARG0 = 4 };
typedef struct callee_s {
    unsigned is;               /* CE_* */
    const thread_api_t *api;   /* a thread-starting (or value-keeping) API, or NULL */
    const char *display;       /* its name as the source spells it (interned) */
} callee_t;

static const callee_t *callee_of(mod_t *M, LLVMValueRef callee);

/* ------------------------------------------------------------------ per-function state */


typedef struct fn_s {
    mod_t *mod;
    LLVMValueRef fn;
    ptrcheck_ir_fn_t *f;
    summary_t *sum;
    obj_t *objs;
    size_t nobjs, capobjs;
    ptrcheck_ir_pmap_t obj_of;    /* alloca/global/heap call/byval arg -> id + 1 */
    ptrcheck_ir_pmap_t globr_of;  /* global -> id + 1 */
    uint32_t *arg_obj, *argr_obj; /* by parameter index: id + 1 (0: not a pointer) */
    ptrcheck_ir_pmap_t pts;       /* value -> eset_t* (in arena) */
    ptrcheck_arena_t arena;       /* what lives as long as the function's analysis */
    ptrcheck_ir_pmap_t promotable; /* alloca -> (void*)1 promotable, (void*)2 not */
    ptrcheck_ir_pmap_t field_of;  /* (aggregate, offset) key -> id + 1 of the field object */
    ptrcheck_ir_pmap_t compared;  /* promotable alloca -> (void*)1 a load of it is compared (==, !=), 2 not */
    ptrcheck_ir_pmap_t cleanup;   /* alloca -> (void*)1 a cleanup destination (cd_is_slot), 2 not */
    LLVMValueRef retval;
    uint32_t ret_obj;             /* id + 1 */
    ptrcheck_ir_pmap_t store_site; /* store -> const ptrcheck_site_t* */
    int oom;
    LLVMValueRef kill_global; /* for kill_global_store */
    LLVMValueRef kill_base;   /* for kill_place: the place base + kill_off */
    long long kill_off;
    const must_t *kill_must;  /* for kill_must_key */
    const unlink_t *kill_unlink; /* for kill_relink */
    LLVMValueRef kill_val;    /* for kill_global_store, kill_place, kill_unlink_call: the value linked, or NULL */
    LLVMValueRef ne_y;        /* for ne_edge: the parameter the other side must be (NULL: element el itself) */
    int ptr_eq;               /* 0 not known, 1 some branch compares two pointers for (in)equality, 2 none */
    LLVMValueRef saved_origin; /* for killed_on_all_paths: at a test of the value this store's place held
                                  before it, follow only the arm on which that value is not null */
    LLVMValueRef saved_test;  /* ... such a test it followed */
    LLVMValueRef restore;     /* ... the first store that undid the origin after it */
    LLVMValueRef only_if_null; /* for record: the restoring store of a store that stays only when its
                                  place held null (NULL: none) */
    const struct into_s *into_edge; /* for record: the edge of a callee's summary by which it stores the
                                       argument into another's memory (the notes' steps) */
} fn_t;

static uint32_t new_obj(fn_t *F, okind_t kind, LLVMValueRef v, unsigned idx)
{
    if (F->nobjs == F->capobjs) {
        size_t ncap = F->capobjs ? F->capobjs * 2 : 16;
        obj_t *no = realloc(F->objs, ncap * sizeof *no);
        if (!no) {
            F->oom = 1;
            return 0;
        }
        F->objs = no;
        F->capobjs = ncap;
        for (size_t i = 0; i < F->nobjs; i++)
            eset_moved(&F->objs[i].contents);
    }
    obj_t *o = &F->objs[F->nobjs];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->v = v;
    o->idx = idx;
    return (uint32_t)(F->nobjs++) + 1;
}

static uint32_t obj_for(fn_t *F, ptrcheck_ir_pmap_t *map, okind_t kind, LLVMValueRef v)
{
    void **slot = ptrcheck_ir_pmap_slot(map, v);
    if (!slot) {
        F->oom = 1;
        return 0;
    }
    if (!*slot)
        *slot = (void *)(uintptr_t)new_obj(F, kind, v, 0);
    return (uint32_t)(uintptr_t)*slot;
}

/* ------------------------------------------------------------------ field-sensitive locals */

/* Local structs and arrays are field-sensitive: `&s.f` is an object of its own, keyed by the
 * aggregate and the byte offset, so a pointer read from one field does not carry what was stored
 * in another (`sParse.zErrMsg` is not `&sParse`).  Whole-aggregate reads (struct copies, returns)
 * see every field. */
static int gep_const_offset(fn_t *F, LLVMValueRef gep, long long *off)
{
    return ptrcheck_ir_gep_const_offset(F->f ? ptrcheck_ir_fn_target_data(F->f) : NULL, gep, off);
}

/* id + 1 of the object for byte `off` of local aggregate `base` (an object index). */
static uint32_t field_obj(fn_t *F, uint32_t base, long long off)
{
    const void *key = (const void *)(uintptr_t)((((uint64_t)base + 1) << 40) | ((uint64_t)off & 0xFFFFFFFFFFull));
    void **slot = ptrcheck_ir_pmap_slot(&F->field_of, key);
    if (!slot) {
        F->oom = 1;
        return 0;
    }
    if (!*slot) {
        LLVMValueRef v = F->objs[base].v;
        uint32_t id = new_obj(F, O_STACK, v, 0);
        if (!id)
            return 0;
        F->objs[id - 1].base = base + 1;
        F->objs[id - 1].off = off;
        F->objs[base].has_fields = 1;
        slot = ptrcheck_ir_pmap_slot(&F->field_of, key);
        if (!slot) {
            F->oom = 1;
            return 0;
        }
        *slot = (void *)(uintptr_t)id;
    }
    return (uint32_t)(uintptr_t)*slot;
}

/* A GEP with constant indices into exactly one local aggregate: points to the field's object.
 * Returns 1 when it handled `in`. */
static int field_gep(fn_t *F, LLVMValueRef in, eset_t *tmp, int *changed, int *ok);

static eset_t *pts_slot(fn_t *F, LLVMValueRef v)
{
    void **slot = ptrcheck_ir_pmap_slot(&F->pts, v);
    if (!slot) {
        F->oom = 1;
        return NULL;
    }
    if (!*slot) {
        *slot = ptrcheck_arena_alloc(&F->arena, sizeof(eset_t));
        if (!*slot)
            F->oom = 1;
    }
    return *slot;
}

/* The element set of v.  For constants (globals and constant expressions over them) the set is
 * built in *tmp. */
static const eset_t *pts_get(fn_t *F, LLVMValueRef v, eset_t *tmp)
{
    void *s = NULL;
    if (ptrcheck_ir_pmap_get(&F->pts, v, &s))
        return s;
    if (!LLVMIsAConstant(v))
        return NULL;
    int asint = 0;
    for (unsigned guard = 0; v && guard < 16 && LLVMIsAConstantExpr(v); guard++) {
        LLVMOpcode op = ptrcheck_compat_opcode(LLVMGetConstOpcode(v));
        if (op == LLVMPtrToInt)
            asint = 1;
        else if (op == LLVMIntToPtr)
            asint = 0;
        else if (op != LLVMGetElementPtr && op != LLVMBitCast && op != LLVMAddrSpaceCast && op != LLVMAdd &&
                 op != LLVMSub)
            return NULL;
        v = LLVMGetOperand(v, 0);
    }
    if (!v || !LLVMIsAGlobalVariable(v))
        return NULL;
    uint32_t id = obj_for(F, &F->obj_of, O_GLOBAL, v);
    if (!id)
        return NULL;
    tmp->n = 0;
    if (!eset_add(tmp, (id - 1) << 1 | (uint32_t)asint, NULL))
        return NULL;
    return tmp;
}

/* Does the set hold anything whose escape matters (stack, parameter values, heap)? */
static int set_dirty(fn_t *F, const eset_t *s)
{
    if (!s)
        return 0;
    for (uint32_t i = 0; i < s->n; i++) {
        okind_t k = F->objs[EL_OBJ(s->v[i])].kind;
        if (k == O_STACK || k == O_ARG)
            return 1;
    }
    return 0;
}

/* Does s hold the address of a local of this frame (an alloca's object)? */
static int set_has_stack(fn_t *F, const eset_t *s)
{
    for (uint32_t i = 0; s && i < s->n; i++)
        if (F->objs[EL_OBJ(s->v[i])].kind == O_STACK)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ IR helpers */

/* A function's name (LLVMGetValueName2 looks it up in the context's table: fetched once per
 * question, then compared against each candidate). */
typedef struct fname_s {
    const char *s;
    size_t len;
} fname_t;

static fname_t fname_of(LLVMValueRef fn)
{
    fname_t n = {NULL, 0};
    if (fn)
        n.s = LLVMGetValueName2(fn, &n.len);
    return n;
}

static int fname_eq(fname_t n, const char *want)
{
    return n.s && strlen(want) == n.len && memcmp(n.s, want, n.len) == 0;
}

/* The index of n in names[0..count), or -1. */
static int fname_in(fname_t n, const char *const *names, size_t count)
{
    for (size_t i = 0; n.s && i < count; i++)
        if (fname_eq(n, names[i]))
            return (int)i;
    return -1;
}

static int name_is(LLVMValueRef fn, const char *want) { return fname_eq(fname_of(fn), want); }

static const char *value_name(LLVMValueRef v, char *buf, size_t size)
{
    size_t len = 0;
    const char *nm = v ? LLVMGetValueName2(v, &len) : NULL;
    snprintf(buf, size, "%.*s", (int)len, nm ? nm : "");
    return buf;
}

static int has_attr(LLVMValueRef fn, unsigned idx, const char *attr)
{
    unsigned kind = LLVMGetEnumAttributeKindForName(attr, strlen(attr));
    return kind && LLVMGetEnumAttributeAtIndex(fn, idx, kind) != NULL;
}

static unsigned param_index(LLVMValueRef fn, LLVMValueRef arg)
{
    unsigned n = LLVMCountParams(fn);
    for (unsigned i = 0; i < n; i++)
        if (LLVMGetParam(fn, i) == arg)
            return i;
    return n;
}

static int is_heap_alloc(LLVMValueRef callee)
{
    static const char *const names[] = {"malloc",  "calloc",  "realloc",  "reallocarray", "strdup", "strndup",
                                        "aligned_alloc", "memalign", "valloc", "xmalloc", "xcalloc", "xrealloc",
                                        "xstrdup", "g_malloc", "g_malloc0", "g_realloc", "g_strdup"};
    return fname_in(fname_of(callee), names, sizeof names / sizeof names[0]) >= 0;
}

/* free(), realloc() and the project's own deallocators, recognised by name (sqlite3_free,
 * sqlite3DbFreeNN, g_free, xfree, lua's luaM_free_): they end in an allocator's indirect call, so
 * their summaries cannot show it. */
static int is_heap_free(LLVMValueRef callee)
{
    fname_t n = fname_of(callee);
    const char *nm = n.s;
    size_t len = n.len;
    if (!nm)
        return 0;
    if (fname_eq(n, "realloc") || fname_eq(n, "reallocarray"))
        return 1;
    for (size_t i = 0; i + 4 <= len; i++)
        if ((nm[i] == 'f' || nm[i] == 'F') && nm[i + 1] == 'r' && nm[i + 2] == 'e' && nm[i + 3] == 'e' &&
            (i + 4 == len || nm[i + 4] == '_' || (nm[i + 4] >= 'A' && nm[i + 4] <= 'Z')))
            return 1;
    return 0;
}

/* Library functions that return (a pointer into) their first argument. */
static int returns_arg0(LLVMValueRef callee)
{
    static const char *const names[] = {"strcpy", "strncpy", "strcat", "strncat", "memcpy",   "memmove",
                                        "memset", "stpcpy",  "stpncpy", "strchr", "strrchr",  "strstr",
                                        "strpbrk", "memchr", "memrchr", "rawmemchr", "strchrnul", "strcasestr"};
    return fname_in(fname_of(callee), names, sizeof names / sizeof names[0]) >= 0;
}

static int intrinsic_prefix(LLVMValueRef callee, const char *prefix)
{
    size_t len = 0;
    const char *nm = callee ? LLVMGetValueName2(callee, &len) : NULL;
    size_t pl = strlen(prefix);
    return nm && len >= pl && memcmp(nm, prefix, pl) == 0;
}

/* ------------------------------------------------------------------ promotable allocas */

static int is_promotable(fn_t *F, LLVMValueRef a)
{
    void *p = NULL;
    if (ptrcheck_ir_pmap_get(&F->promotable, a, &p))
        return p == (void *)1;
    int ok = LLVMIsAAllocaInst(a) && LLVMIsAConstantInt(LLVMGetOperand(a, 0)) && a != F->retval;
    for (LLVMUseRef u = ok ? LLVMGetFirstUse(a) : NULL; u && ok; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsALoadInst(user) || ptrcheck_ir_is_lifetime_use(user)) /* -O1+ markers change nothing */
            continue;
        if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 1) == a && LLVMGetOperand(user, 0) != a)
            continue;
        ok = 0;
    }
    void **slot = ptrcheck_ir_pmap_slot(&F->promotable, a);
    if (!slot) {
        F->oom = 1;
        return 0;
    }
    *slot = (void *)(uintptr_t)(ok ? 1 : 2);
    return ok;
}

static LLVMBasicBlockRef inst_block(LLVMValueRef i) { return LLVMGetInstructionParent(i); }

/* ------------------------------------------------------------------ transfer functions */

static int field_gep(fn_t *F, LLVMValueRef in, eset_t *tmp, int *changed, int *ok)
{
    const eset_t *s0 = pts_get(F, LLVMGetOperand(in, 0), tmp);
    long long off = 0;
    if (!s0 || s0->n != 1 || F->objs[EL_OBJ(s0->v[0])].kind != O_STACK || !gep_const_offset(F, in, &off))
        return 0;
    uint32_t el = s0->v[0];
    uint32_t b = EL_OBJ(el);
    if (F->objs[b].base) {
        off += F->objs[b].off;
        b = F->objs[b].base - 1;
    }
    uint32_t id = field_obj(F, b, off);
    eset_t *s = id ? pts_slot(F, in) : NULL;
    *ok = s && eset_add(s, ((id - 1) << 1) | EL_INT(el), changed);
    return 1;
}

static int is_root(okind_t k) { return k == O_GLOBAL || k == O_GLOBR || k == O_ARG || k == O_ARGR || k == O_RET; }

static uint32_t reach_obj(fn_t *F, uint32_t id)
{
    obj_t *o = &F->objs[id];
    if (o->kind == O_ARG || o->kind == O_ARGR)
        return F->argr_obj[o->idx];
    if (o->kind == O_GLOBAL || o->kind == O_GLOBR)
        return obj_for(F, &F->globr_of, O_GLOBR, o->v);
    return 0;
}

/* dst |= what a load through a pointer with elements `ptr` gives */
static int load_through(fn_t *F, eset_t *dst, const eset_t *ptr, int *changed)
{
    if (!ptr)
        return 1;
    for (uint32_t i = 0; i < ptr->n; i++) {
        uint32_t id = EL_OBJ(ptr->v[i]);
        /* What this function stores into a global, a parameter's memory or the return value is a
         * sink already (reported there unless overwritten on every path); reading it back
         * flow-insensitively would taint the very value that overwrites it (`*head = n.next`). */
        if (!is_root(F->objs[id].kind) && !eset_union(dst, &F->objs[id].contents, XF_KEEP, changed))
            return 0;
        if (F->objs[id].has_fields) /* the aggregate as a whole: every field */
            for (size_t j = 0; j < F->nobjs; j++)
                if (F->objs[j].base == id + 1 && !eset_union(dst, &F->objs[j].contents, XF_KEEP, changed))
                    return 0;
        uint32_t r = reach_obj(F, id);
        if (r && !eset_add(dst, (r - 1) << 1, changed))
            return 0;
    }
    return 1;
}

/* What a load yields from a set of memory contents: an integer load (a length, a flag, a count
 * read from a struct that also holds a stack address) carries only addresses that were converted
 * to integers; pointer and aggregate loads carry everything. */
static int union_for_load(eset_t *dst, const eset_t *src, LLVMValueRef load, int *changed)
{
    if (!src)
        return 1;
    if (LLVMGetTypeKind(LLVMTypeOf(load)) != LLVMIntegerTypeKind)
        return eset_union(dst, src, XF_KEEP, changed);
    for (uint32_t i = 0; i < src->n; i++)
        if (EL_INT(src->v[i]) && !eset_add(dst, src->v[i], changed))
            return 0;
    return 1;
}

static int same_addr(fn_t *F, LLVMValueRef a, LLVMValueRef b, unsigned depth);
static LLVMValueRef addr_base(fn_t *F, LLVMValueRef v, long long *off);
static uint32_t obj_root(fn_t *F, uint32_t id) { return F->objs[id].base ? F->objs[id].base - 1 : id; }

/* May a write to an address with points-to set ps reach local object `root` (or a field of it)?
 * As everywhere in this analysis, a pointer that points to nothing it knows (an external
 * function's result) writes no local. */
static int may_write_local(fn_t *F, const eset_t *ps, uint32_t root)
{
    for (uint32_t i = 0; ps && i < ps->n; i++)
        if (!EL_INT(ps->v[i]) && obj_root(F, EL_OBJ(ps->v[i])) == root)
            return 1;
    return 0;
}

/* The store a load from one field of a local (an address-taken aggregate, `s.data`) certainly
 * reads: walking back from the load, through blocks with one predecessor, the first store to the
 * same address, when nothing on the way may write the local (a call other than memcpy/memset into
 * other memory, a store that may reach it).  NULL when there is no such store: the load reads
 * every store into the field (flow-insensitive).  `s.data = buf; fill(&s); s.data = alloc(n);
 * ...; v->data = s.data;` reads only the allocation. */
#define LAST_STORE_MAX_STEPS 64

/* The terminator of b's single predecessor (which may branch to b more than once); NULL when b is
 * the entry block or a join of several predecessors. */
static LLVMValueRef sole_pred_terminator(LLVMBasicBlockRef b)
{
    LLVMValueRef term = NULL;
    for (LLVMUseRef u = LLVMGetFirstUse(LLVMBasicBlockAsValue(b)); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (!LLVMIsAInstruction(user) || !LLVMIsATerminatorInst(user))
            continue;
        if (term && user != term)
            return NULL;
        term = user;
    }
    return term;
}

/* Walks the chain of single predecessors above `in` (at most `steps` blocks), asking step() of each
 * terminator on the way: 1 takes it, -1 ends the walk, 0 goes on.  Returns the terminator taken
 * (*on_first: `in` is under its first successor), NULL when none.  A block whose only predecessor is
 * itself is unreachable, and ends the walk. */
typedef int (*guard_step_fn)(fn_t *F, LLVMValueRef term, void *ctx);
static LLVMValueRef guarding_branch(fn_t *F, LLVMValueRef in, unsigned steps, guard_step_fn step, void *ctx,
                                    int *on_first)
{
    LLVMBasicBlockRef b = in ? LLVMGetInstructionParent(in) : NULL;
    for (unsigned i = 0; b && i < steps; i++) {
        LLVMValueRef term = sole_pred_terminator(b);
        if (!term || LLVMGetInstructionParent(term) == b)
            return NULL; /* the entry, a join, or unreachable: no single condition */
        int r = step(F, term, ctx);
        if (r > 0) {
            *on_first = LLVMGetSuccessor(term, 0) == b;
            return term;
        }
        if (r < 0)
            return NULL;
        b = LLVMGetInstructionParent(term);
    }
    return NULL;
}

static LLVMValueRef last_store(fn_t *F, LLVMValueRef load, const eset_t *ps)
{
    if (!ps || ps->n != 1 || EL_INT(ps->v[0]) || F->objs[EL_OBJ(ps->v[0])].kind != O_STACK ||
        !F->objs[EL_OBJ(ps->v[0])].base)
        return NULL; /* only a field of a local aggregate */
    uint32_t root = obj_root(F, EL_OBJ(ps->v[0]));
    LLVMValueRef addr = LLVMGetOperand(load, 0);
    long long off = 0;
    LLVMValueRef base = addr_base(F, addr, &off);
    if (off == OFF_UNKNOWN)
        base = NULL;
    LLVMBasicBlockRef bb = LLVMGetInstructionParent(load);
    LLVMValueRef in = LLVMGetPreviousInstruction(load);
    eset_t tmp = {0};
    for (unsigned steps = 0; steps < LAST_STORE_MAX_STEPS; steps++) {
        if (!in) { /* to the end of the one predecessor */
            LLVMValueRef t = sole_pred_terminator(bb);
            if (!t || inst_block(t) == bb)
                return NULL;
            bb = inst_block(t);
            in = LLVMGetLastInstruction(bb);
            continue;
        }
        if (LLVMIsAStoreInst(in)) {
            long long o = 0;
            if ((same_addr(F, LLVMGetOperand(in, 1), addr, 0) ||
                 (addr_base(F, LLVMGetOperand(in, 1), &o) == base && o == off)) &&
                LLVMTypeOf(LLVMGetOperand(in, 0)) == LLVMTypeOf(load))
                return in;

            int w = may_write_local(F, pts_get(F, LLVMGetOperand(in, 1), &tmp), root);
            eset_free(&tmp);
            if (w)
                return NULL;
        } else if (LLVMIsACallInst(in) || LLVMIsAInvokeInst(in)) {
            LLVMValueRef callee = ptrcheck_ir_called_function(in);
            if (!callee || !ptrcheck_ir_is_intrinsic(callee))
                return NULL;
            if (intrinsic_prefix(callee, "llvm.memcpy") || intrinsic_prefix(callee, "llvm.memmove") ||
                intrinsic_prefix(callee, "llvm.memset")) {
                int w = may_write_local(F, pts_get(F, LLVMGetOperand(in, 0), &tmp), root);
                eset_free(&tmp);
                if (w)
                    return NULL;
            }
        } else if (LLVMIsAAtomicRMWInst(in) || LLVMIsAAtomicCmpXchgInst(in) || LLVMIsAVAArgInst(in)) {
            return NULL;
        }
        in = LLVMGetPreviousInstruction(in);
    }
    return NULL;
}

/* Memory reached through a loaded pointer (a list the caller owns, `loop->queue.next->prev`): a
 * stack node stored there is usually unlinked again (intrusive lists moved to a local head and
 * drained), which no flow-insensitive view can prove, so such stores are not reported; a
 * parameter's or global's own memory (`*out = &x`, `c->p = &x`, `g = &x`) is. */
static int reportable_target(okind_t k) { return k != O_ARGR; }

static int eset_has(const eset_t *s, uint32_t x)
{
    uint32_t lo = 0, hi = s ? s->n : 0;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (s->v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return s && lo < s->n && s->v[lo] == x;
}

/* A local whose own address is stored in it (or in one of its fields): an intrusive list head. */
static int self_linked(fn_t *F, uint32_t id)
{
    uint32_t root = F->objs[id].base ? F->objs[id].base - 1 : id;
    if (eset_has(&F->objs[root].contents, root << 1) || eset_has(&F->objs[root].contents, id << 1))
        return 1;
    for (size_t j = 0; j < F->nobjs; j++)
        if (F->objs[j].base == root + 1 &&
            (eset_has(&F->objs[j].contents, root << 1) || eset_has(&F->objs[j].contents, (uint32_t)j << 1)))
            return 1;
    return 0;
}

static summary_t *summary_of(mod_t *M, LLVMValueRef callee)
{
    void *s = NULL;
    return callee && ptrcheck_ir_pmap_get(&M->summaries, callee, &s) ? s : NULL;
}

/* At a call: the one local (element) argument a is exactly, at a constant offset (`buf`,
 * `&s.f`); 0 when it is not one such. */
static LLVMValueRef addr_base(fn_t *F, LLVMValueRef v, long long *off);
static int exact_local(fn_t *F, LLVMValueRef a, uint32_t *el)
{
    eset_t tmp = {0};
    const eset_t *s = pts_get(F, a, &tmp);
    long long off = 0;
    int ok = s && s->n == 1 && !EL_INT(s->v[0]) && F->objs[EL_OBJ(s->v[0])].kind == O_STACK;
    if (ok) {
        *el = s->v[0];
        (void)addr_base(F, a, &off);
        ok = off != OFF_UNKNOWN;
    }
    eset_free(&tmp);
    return ok;
}

/* dst |= src without element `drop` */
static int eset_union_but(eset_t *dst, const eset_t *src, uint32_t drop, int *changed)
{
    for (uint32_t i = 0; src && i < src->n; i++)
        if (src->v[i] != drop && !eset_add(dst, src->v[i], changed))
            return 0;
    return 1;
}

static int transfer_call(fn_t *F, LLVMValueRef call, int *changed)
{
    LLVMValueRef callee = ptrcheck_ir_called_function(call);
    eset_t tmp = {0}, tmp2 = {0};
    int ok = 1;
    if (!callee)
        return 1;
    unsigned nargs = (unsigned)LLVMGetNumArgOperands(call);
    if (ptrcheck_ir_is_intrinsic(callee)) {
        if ((intrinsic_prefix(callee, "llvm.memcpy") || intrinsic_prefix(callee, "llvm.memmove")) && nargs >= 2) {
            const eset_t *dst = pts_get(F, LLVMGetOperand(call, 0), &tmp);
            const eset_t *src = pts_get(F, LLVMGetOperand(call, 1), &tmp2);
            eset_t got = {0};
            ok = load_through(F, &got, src, NULL);
            for (uint32_t i = 0; ok && dst && i < dst->n; i++)
                ok = eset_union(&F->objs[EL_OBJ(dst->v[i])].contents, &got, XF_KEEP, changed);
            eset_free(&got);
        }
        goto done;
    }
    const callee_t *ce = callee_of(F->mod, callee);
    if (!ce) {
        ok = 0;
        goto done;
    }
    if (ce->is & CE_ALLOC) {
        uint32_t id = obj_for(F, &F->obj_of, O_HEAP, call);
        eset_t *s = pts_slot(F, call);
        ok = id && s && eset_add(s, (id - 1) << 1, changed);
        goto done;
    }
    if ((ce->is & CE_RET_ARG0) && nargs >= 1) {
        const eset_t *a0 = pts_get(F, LLVMGetOperand(call, 0), &tmp);
        if (a0 && a0->n) {
            eset_t *s = pts_slot(F, call);
            ok = s && eset_union(s, a0, XF_KEEP, changed);
        }
        goto done;
    }
    summary_t *cs = LLVMIsDeclaration(callee) ? NULL : summary_of(F->mod, callee);
    if (!cs)
        goto done;
    for (unsigned i = 0; ok && i < nargs && i < cs->nparams; i++) {
        if (!cs->ret[i] && !cs->retr[i])
            continue;
        const eset_t *a = pts_get(F, LLVMGetOperand(call, i), &tmp);
        if (!a || !a->n)
            continue;
        eset_t *s = pts_slot(F, call);
        if (!s) {
            ok = 0;
            break;
        }
        uint32_t drop = 0;
        if (cs->ret[i] && cs->retne[i] > 0 && (unsigned)cs->retne[i] - 1 < nargs &&
            exact_local(F, LLVMGetOperand(call, (unsigned)cs->retne[i] - 1), &drop))
            ok = eset_union_but(s, a, drop, changed); /* returned only where it is not that local */
        else if (cs->ret[i])
            ok = eset_union(s, a, XF_KEEP, changed);
        if (ok && cs->retr[i])
            ok = load_through(F, s, a, changed);
    }
    for (size_t k = 0; ok && k < cs->ninto; k++) {
        unsigned i = cs->into[k].dst, j = cs->into[k].src;
        if (i >= nargs || j >= nargs)
            continue;
        const eset_t *dst = pts_get(F, LLVMGetOperand(call, i), &tmp);
        const eset_t *src = pts_get(F, LLVMGetOperand(call, j), &tmp2);
        for (uint32_t d = 0; ok && dst && src && d < dst->n; d++)
            ok = eset_union(&F->objs[EL_OBJ(dst->v[d])].contents, src, XF_KEEP, changed);
    }
done:
    eset_free(&tmp);
    eset_free(&tmp2);
    if (!ok)
        F->oom = 1;
    return ok;
}

/* A link read out of a local list head (its own address stored in itself: `q.next = q.prev = &q`)
 * is an element of the list, or the head itself only when the list is empty, where the loop that
 * drains it stops (`while (q.next != &q)`): the elements reach the callees, the head does not. */
static void drop_own_head(fn_t *F, eset_t *got, uint32_t from)
{
    if (F->objs[from].kind != O_STACK || !self_linked(F, from))
        return;
    uint32_t root = F->objs[from].base ? F->objs[from].base - 1 : from;
    uint32_t w = 0;
    for (uint32_t i = 0; i < got->n; i++) {
        uint32_t id = EL_OBJ(got->v[i]);
        uint32_t r = F->objs[id].base ? F->objs[id].base - 1 : id;
        if (r != root || EL_INT(got->v[i]))
            got->v[w++] = got->v[i];
    }
    got->n = w;
}

/* The stored values that reach `load` of promotable slot `a` (plugin/analysis/reach.c: computed once
 * per slot for the whole run, however often the function is analysed). */
static const ptrcheck_ir_valvec_t *load_reach(fn_t *F, LLVMValueRef load, LLVMValueRef a)
{
    const ptrcheck_ir_valvec_t *vv = ptrcheck_ir_reach_stores(F->mod->reach, load, a);
    if (!vv)
        F->oom = 1;
    return vv;
}

/* ---- clang's cleanup destinations.  At -O1 and above a scope with locals ends in a cleanup block
 * (their lifetime ends) shared by every way out of the scope: each way sets an i32 local
 * (cleanup.dest.slot) to a constant, and a switch on it after the cleanup goes on to the
 * return, the loop, the code after the scope.  Walks of the CFG carry that constant so the
 * switch takes only the way the path came (-O0 has no such blocks: the findings agree). */

enum { CD_UNKNOWN = 63 };

/* Is alloca a a cleanup destination: an i32 only ever set to constants and read by switches?
 * (cached in F->cleanup) */
static int cd_is_slot(fn_t *F, LLVMValueRef a)
{
    void *v = NULL;
    if (ptrcheck_ir_pmap_get(&F->cleanup, a, &v))
        return v == (void *)1;
    LLVMTypeRef t = LLVMGetAllocatedType(a);
    int ok = LLVMGetTypeKind(t) == LLVMIntegerTypeKind && LLVMGetIntTypeWidth(t) == 32, loads = 0;
    for (LLVMUseRef u = ok ? LLVMGetFirstUse(a) : NULL; u && ok; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsAStoreInst(user))
            ok = LLVMGetOperand(user, 1) == a && LLVMIsAConstantInt(LLVMGetOperand(user, 0));
        else if (LLVMIsALoadInst(user)) {
            for (LLVMUseRef w = LLVMGetFirstUse(user); w && ok; w = LLVMGetNextUse(w))
                ok = LLVMIsASwitchInst(LLVMGetUser(w)) != NULL;
            loads++;
        } else
            ok = 0;
    }
    ok = ok && loads > 0;
    void **slot = ptrcheck_ir_pmap_slot(&F->cleanup, a);
    if (!slot)
        F->oom = 1;
    else
        *slot = (void *)(uintptr_t)(ok ? 1 : 2);
    return ok;
}

/* Follows store `in`: (*slot, *val) is the cleanup destination and the constant it holds (slot
 * NULL: none known). */
static void cd_step(fn_t *F, LLVMValueRef in, LLVMValueRef *slot, unsigned *val)
{
    if (!LLVMIsAStoreInst(in) || !LLVMIsAAllocaInst(LLVMGetOperand(in, 1)) || !cd_is_slot(F, LLVMGetOperand(in, 1)))
        return;
    long long c = LLVMConstIntGetSExtValue(LLVMGetOperand(in, 0));
    *slot = LLVMGetOperand(in, 1);
    *val = c >= 0 && c < CD_UNKNOWN ? (unsigned)c : CD_UNKNOWN;
}

/* The one successor a switch on `slot` takes when it holds val (NULL: any). */
static LLVMBasicBlockRef cd_only(LLVMValueRef term, LLVMValueRef slot, unsigned val)
{
    if (!slot || val == CD_UNKNOWN || !LLVMIsASwitchInst(term) || !LLVMIsALoadInst(LLVMGetOperand(term, 0)) ||
        LLVMGetOperand(LLVMGetOperand(term, 0), 0) != slot)
        return NULL;
    LLVMBasicBlockRef only = LLVMGetSwitchDefaultDest(term);
    for (unsigned k = 0; k + 1 < LLVMGetNumSuccessors(term); k++) {
        LLVMValueRef cv = ptrcheck_compat_switch_case_value(term, k);
        if (LLVMIsAConstantInt(cv) && LLVMConstIntGetSExtValue(cv) == (long long)val)
            only = LLVMGetSuccessor(term, k + 1);
    }
    return only;
}

/* Backwards: the value a switch on a local (in term's block) must have seen to go to b; CD_UNKNOWN
 * when b is its default or more than one case goes there. */
static LLVMValueRef cd_want(fn_t *F, LLVMValueRef term, LLVMBasicBlockRef b, unsigned *val)
{
    if (!LLVMIsASwitchInst(term) || !LLVMIsALoadInst(LLVMGetOperand(term, 0)) ||
        !LLVMIsAAllocaInst(LLVMGetOperand(LLVMGetOperand(term, 0), 0)) || LLVMGetSwitchDefaultDest(term) == b ||
        !cd_is_slot(F, LLVMGetOperand(LLVMGetOperand(term, 0), 0)))
        return NULL;
    int n = 0;
    for (unsigned k = 0; k + 1 < LLVMGetNumSuccessors(term); k++) {
        LLVMValueRef cv = ptrcheck_compat_switch_case_value(term, k);
        if (LLVMGetSuccessor(term, k + 1) != b)
            continue;
        long long c = LLVMIsAConstantInt(cv) ? LLVMConstIntGetSExtValue(cv) : -1;
        *val = c >= 0 && c < CD_UNKNOWN ? (unsigned)c : CD_UNKNOWN;
        n++;
    }
    return n == 1 && *val != CD_UNKNOWN ? LLVMGetOperand(LLVMGetOperand(term, 0), 0) : NULL;
}

/* Marks block b as reached with (slot, val) in `seen`; 0 when it already was. */
static int cd_first_visit(fn_t *F, ptrcheck_ir_pmap_t *seen, LLVMBasicBlockRef b, LLVMValueRef slot, unsigned val)
{
    void **p = ptrcheck_ir_pmap_slot(seen, b);
    if (!p) {
        F->oom = 1;
        return 0;
    }
    uintptr_t bit = (uintptr_t)1 << (slot ? val : CD_UNKNOWN);
    if ((uintptr_t)*p & bit)
        return 0;
    *p = (void *)((uintptr_t)*p | bit);
    return 1;
}

static int cd_push(ptrcheck_ir_valvec_t *w, LLVMBasicBlockRef b, LLVMValueRef slot, unsigned val)
{
    return ptrcheck_ir_valvec_push(w, LLVMBasicBlockAsValue(b)) && ptrcheck_ir_valvec_push(w, slot) &&
           ptrcheck_ir_valvec_push(w, (LLVMValueRef)(uintptr_t)val);
}

/* Is some load of local pointer variable `slot` compared for (in)equality by a branch?  Cached:
 * the path condition below is looked for only on such variables. */
static int slot_compared(fn_t *F, LLVMValueRef slot)
{
    void *v = NULL;
    if (ptrcheck_ir_pmap_get(&F->compared, slot, &v))
        return v == (void *)1;
    int found = 0;
    for (LLVMUseRef u = LLVMGetFirstUse(slot); u && !found; u = LLVMGetNextUse(u)) {
        LLVMValueRef ld = LLVMGetUser(u);
        if (!LLVMIsALoadInst(ld))
            continue;
        for (LLVMUseRef w = LLVMGetFirstUse(ld); w && !found; w = LLVMGetNextUse(w)) {
            LLVMValueRef c = LLVMGetUser(w);
            for (unsigned guard = 0; c && guard < 4 && !LLVMIsAICmpInst(c) && LLVMIsACastInst(c); guard++)
                c = LLVMGetFirstUse(c) ? LLVMGetUser(LLVMGetFirstUse(c)) : NULL;
            found = c && LLVMIsAICmpInst(c) &&
                    (LLVMGetICmpPredicate(c) == LLVMIntEQ || LLVMGetICmpPredicate(c) == LLVMIntNE);
        }
    }
    void **slotp = ptrcheck_ir_pmap_slot(&F->compared, slot);
    if (!slotp) {
        F->oom = 1;
        return 0;
    }
    *slotp = (void *)(uintptr_t)(found ? 1 : 2);
    return found;
}

static LLVMValueRef canon(fn_t *F, LLVMValueRef v);
static int returns_arg0(LLVMValueRef callee);
static summary_t *summary_of(mod_t *M, LLVMValueRef callee);

/* Is the edge from term's block to b the arm of `if (p == y)` / `p != y ? ... : ...` on which p is
 * not y: p a load of variable `slot` in that block with no store to the variable after it, y a
 * value that is exactly element el? */
static int ne_edge(fn_t *F, LLVMValueRef term, LLVMBasicBlockRef b, LLVMValueRef slot, uint32_t el)
{
    LLVMValueRef c = LLVMIsABranchInst(term) && LLVMIsConditional(term) ? LLVMGetCondition(term) : NULL;
    if (!c || !LLVMIsAICmpInst(c) || LLVMGetSuccessor(term, 0) == LLVMGetSuccessor(term, 1))
        return 0;
    LLVMIntPredicate pred = LLVMGetICmpPredicate(c);
    if ((pred != LLVMIntEQ && pred != LLVMIntNE) || LLVMGetSuccessor(term, pred == LLVMIntEQ ? 1 : 0) != b)
        return 0;
    eset_t tmp = {0};
    int found = 0;
    for (unsigned side = 0; side < 2 && !found; side++) {
        LLVMValueRef x = ptrcheck_ir_strip_casts(LLVMGetOperand(c, side));
        if (!LLVMIsALoadInst(x) || LLVMGetOperand(x, 0) != slot || inst_block(x) != inst_block(term))
            continue;
        int stored = 0;
        for (LLVMValueRef i = LLVMGetNextInstruction(x); i && !stored; i = LLVMGetNextInstruction(i))
            stored = LLVMIsAStoreInst(i) && LLVMGetOperand(i, 1) == slot;
        if (!stored && F->ne_y) { /* through a callee: the other side is exactly that parameter */
            found = canon(F, LLVMGetOperand(c, 1 - side)) == F->ne_y;
            continue;
        }
        const eset_t *ys = stored ? NULL : pts_get(F, LLVMGetOperand(c, 1 - side), &tmp);
        found = ys && ys->n == 1 && ys->v[0] == el;
    }
    eset_free(&tmp);
    return found;
}

/* Path condition on pointer equality: does every path that brings a store of element el (a
 * local's address) to `load` of local pointer variable `slot`, with no other store to the variable
 * on the way, cross the arm of a comparison `p == &x` / `p != &x` on which p is not &x?  Then the
 * load cannot give &x (`p == tmp ? copy(p) : p`; `t = lookup(tmp); if (t == tmp) return dflt;
 * ... return t;` however the paths join). */
static int ne_excluded(fn_t *F, LLVMValueRef load, LLVMValueRef slot, uint32_t el)
{
    LLVMBasicBlockRef b0 = inst_block(load);
    for (LLVMValueRef i = LLVMGetFirstInstruction(b0); i && i != load; i = LLVMGetNextInstruction(i))
        if (LLVMIsAStoreInst(i) && LLVMGetOperand(i, 1) == slot)
            return 0; /* the store right above it reaches it */
    ptrcheck_ir_pmap_t seen;
    ptrcheck_ir_valvec_t work = {0}; /* (block, cleanup slot, the value it must hold) triples */
    eset_t tmp = {0};
    int excluded = 1;
    ptrcheck_ir_pmap_init(&seen);
    if (!cd_push(&work, b0, NULL, CD_UNKNOWN))
        F->oom = 1;
    while (!F->oom && excluded && work.n >= 3) {
        unsigned want = (unsigned)(uintptr_t)work.v[--work.n];
        LLVMValueRef cslot = work.v[--work.n];
        LLVMBasicBlockRef bb = LLVMValueAsBasicBlock(work.v[--work.n]);
        for (LLVMUseRef u = LLVMGetFirstUse(LLVMBasicBlockAsValue(bb)); u && excluded && !F->oom; u = LLVMGetNextUse(u)) {
            LLVMValueRef term = LLVMGetUser(u);
            if (!LLVMIsAInstruction(term) || !LLVMIsATerminatorInst(term) || ne_edge(F, term, bb, slot, el))
                continue;
            LLVMBasicBlockRef pred = inst_block(term);
            LLVMValueRef ns = cslot;
            unsigned nw = want;
            if (!ns)
                ns = cd_want(F, term, bb, &nw); /* came out of a cleanup's switch on this case */
            int stopped = 0;
            for (LLVMValueRef i = LLVMGetPreviousInstruction(term); i && !stopped; i = LLVMGetPreviousInstruction(i)) {
                if (!LLVMIsAStoreInst(i))
                    continue;
                if (LLVMGetOperand(i, 1) == slot) { /* the store that reaches the load on this path */
                    excluded = !eset_has(pts_get(F, LLVMGetOperand(i, 0), &tmp), el);
                    stopped = 1;
                } else if (ns && LLVMGetOperand(i, 1) == ns) {
                    LLVMValueRef v = LLVMGetOperand(i, 0);
                    if (!LLVMIsAConstantInt(v) || LLVMConstIntGetSExtValue(v) != (long long)nw)
                        stopped = 1; /* this path does not lead to that case */
                    ns = NULL;
                }
            }
            if (!stopped && cd_first_visit(F, &seen, pred, ns, nw) && !cd_push(&work, pred, ns, nw))
                F->oom = 1;
        }
    }
    free(work.v);
    eset_free(&tmp);
    ptrcheck_ir_pmap_fini(&seen);
    return !F->oom && excluded;
}

/* ---- the same condition in a callee, on its parameters (`return p == buf ? copy(p) : p;`,
 * `if (t != buf) g_last = t;`): summarised as "parameter i is returned (kept) only where it is not
 * parameter j's value", and judged at each call with what j is there. */

/* Does some branch of the function compare two pointers for (in)equality, or some call go to a
 * callee whose summary has such a guard?  (cached for the run) */
static int has_ptr_eq(fn_t *F)
{
    if (F->ptr_eq)
        return F->ptr_eq == 1;
    F->ptr_eq = 2;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(F->fn); bb && F->ptr_eq == 2; bb = LLVMGetNextBasicBlock(bb)) {
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in && F->ptr_eq == 2; in = LLVMGetNextInstruction(in)) {
            LLVMValueRef callee = LLVMIsACallInst(in) ? ptrcheck_ir_called_function(in) : NULL;
            summary_t *cs = callee && !LLVMIsDeclaration(callee) ? summary_of(F->mod, callee) : NULL;
            for (unsigned k = 0; cs && k < cs->nparams; k++)
                if (cs->retne[k] > 0 || (cs->esc[k].escapes && cs->esc[k].nestate == 1))
                    F->ptr_eq = 1;
        }
        LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
        LLVMValueRef c = term && LLVMIsABranchInst(term) && LLVMIsConditional(term) ? LLVMGetCondition(term) : NULL;
        if (c && LLVMIsAICmpInst(c) && (LLVMGetICmpPredicate(c) == LLVMIntEQ || LLVMGetICmpPredicate(c) == LLVMIntNE) &&
            LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(c, 0))) == LLVMPointerTypeKind &&
            !LLVMIsAConstant(LLVMGetOperand(c, 0)) && !LLVMIsAConstant(LLVMGetOperand(c, 1)))
            F->ptr_eq = 1;
    }
    return F->ptr_eq == 1;
}

/* Does parameter value element el reach v other than through a load of a local pointer variable
 * that ne_excluded finds only on the arm where it is not F->ne_y?  1: yes (or not known), 0: only
 * there.  Through casts, GEPs, phis, selects, the variable's reaching stores, and calls whose
 * summary returns an argument (guarded the same way, or not). */
static int arg_reaches(fn_t *F, LLVMValueRef v, uint32_t el, ptrcheck_ir_pmap_t *seen, unsigned depth)
{
    eset_t tmp = {0};
    int has = eset_has(pts_get(F, v, &tmp), el);
    eset_free(&tmp);
    if (!has)
        return 0;
    if (depth > 24 || F->oom || !LLVMIsAInstruction(v))
        return 1; /* the parameter itself, or too far to tell */
    void **mark = ptrcheck_ir_pmap_slot(seen, v);
    if (!mark) {
        F->oom = 1;
        return 1;
    }
    if (*mark)
        return 0; /* being looked at on this path, or found only guarded */
    *mark = (void *)1;
    LLVMOpcode op = ptrcheck_compat_opcode(LLVMGetInstructionOpcode(v));
    switch (op) {
    case LLVMLoad: {
        LLVMValueRef a = LLVMGetOperand(v, 0);
        if (!LLVMIsAAllocaInst(a) || !is_promotable(F, a))
            return 1;
        if (slot_compared(F, a) && ne_excluded(F, v, a, el))
            return 0;
        const ptrcheck_ir_valvec_t *vv = load_reach(F, v, a);
        for (size_t k = 0; vv && k < vv->n; k++)
            if (arg_reaches(F, vv->v[k], el, seen, depth + 1))
                return 1;
        return !vv;
    }
    case LLVMCall: {
        LLVMValueRef callee = ptrcheck_ir_called_function(v);
        unsigned nargs = (unsigned)LLVMGetNumArgOperands(v);
        if (callee && returns_arg0(callee) && nargs >= 1)
            return arg_reaches(F, LLVMGetOperand(v, 0), el, seen, depth + 1);
        summary_t *cs = callee && !LLVMIsDeclaration(callee) ? summary_of(F->mod, callee) : NULL;
        if (!cs)
            return 1;
        for (unsigned k = 0; k < nargs && k < cs->nparams; k++) {
            LLVMValueRef ak = LLVMGetOperand(v, k);
            if (cs->retr[k]) {
                const eset_t *as = pts_get(F, ak, &tmp);
                int any = as && as->n;
                eset_free(&tmp);
                if (any)
                    return 1;
            }
            if (!cs->ret[k])
                continue;
            if (cs->retne[k] > 0 && (unsigned)cs->retne[k] - 1 < nargs &&
                canon(F, LLVMGetOperand(v, (unsigned)cs->retne[k] - 1)) == F->ne_y)
                continue; /* the callee returns it only where it is not F->ne_y either */
            if (arg_reaches(F, ak, el, seen, depth + 1))
                return 1;
        }
        return 0;
    }
    case LLVMGetElementPtr:
    case LLVMBitCast:
    case LLVMAddrSpaceCast:
    case LLVMPHI:
    case LLVMSelect:
    case LLVMFreeze: {
        unsigned n = (unsigned)LLVMGetNumOperands(v);
        for (unsigned k = op == LLVMSelect ? 1 : 0; k < n && (op != LLVMGetElementPtr || k < 1); k++)
            if (arg_reaches(F, LLVMGetOperand(v, k), el, seen, depth + 1))
                return 1;
        return 0;
    }
    default:
        return 1;
    }
}

/* Parameter value element el is returned or kept as v: j + 1 when it reaches v only where it is
 * not parameter j's value, -1 otherwise. */
static int ne_guard_of(fn_t *F, LLVMValueRef v, uint32_t el)
{
    obj_t *o = &F->objs[EL_OBJ(el)];
    if (!v || o->kind != O_ARG || EL_INT(el) || !has_ptr_eq(F))
        return -1;
    eset_t tmp = {0};
    int has = eset_has(pts_get(F, v, &tmp), el);
    eset_free(&tmp);
    if (!has)
        return -1;
    unsigned np = LLVMCountParams(F->fn);
    for (unsigned j = 0; j < np && !F->oom; j++) {
        LLVMValueRef pj = LLVMGetParam(F->fn, j);
        if (j == o->idx || LLVMGetTypeKind(LLVMTypeOf(pj)) != LLVMPointerTypeKind)
            continue;
        ptrcheck_ir_pmap_t seen;
        ptrcheck_ir_pmap_init(&seen);
        F->ne_y = pj;
        int r = arg_reaches(F, v, el, &seen, 0);
        F->ne_y = NULL;
        ptrcheck_ir_pmap_fini(&seen);
        if (!r && !F->oom)
            return (int)j + 1;
    }
    return -1;
}

static int transfer(fn_t *F, LLVMValueRef in, int *changed)
{
    eset_t tmp = {0};
    int ok = 1;
    LLVMOpcode op = ptrcheck_compat_opcode(LLVMGetInstructionOpcode(in));
    switch (op) {
    case LLVMLoad: {
        LLVMValueRef p = LLVMGetOperand(in, 0);
        LLVMValueRef base = ptrcheck_ir_strip_casts(p);
        if (LLVMIsAAllocaInst(base) && base == p && is_promotable(F, base)) {
            uint32_t id = 0;
            void *v = NULL;
            if (ptrcheck_ir_pmap_get(&F->obj_of, base, &v))
                id = (uint32_t)(uintptr_t)v;
            if (!id || !F->objs[id - 1].contents.n)
                break;
            const ptrcheck_ir_valvec_t *vv = load_reach(F, in, base);
            if (!vv) {
                ok = 0;
                break;
            }
            eset_t got = {0};
            for (size_t k = 0; ok && k < vv->n; k++) {
                const eset_t *src = pts_get(F, vv->v[k], &tmp);
                if (src && src->n)
                    ok = union_for_load(&got, src, in, NULL);
            }
            if (ok && got.n && slot_compared(F, base)) { /* `p == tmp ? copy(p) : p`: here p is not tmp */
                uint32_t w = 0;
                for (uint32_t i = 0; i < got.n; i++)
                    if (EL_INT(got.v[i]) || F->objs[EL_OBJ(got.v[i])].kind != O_STACK ||
                        !ne_excluded(F, in, base, got.v[i]))
                        got.v[w++] = got.v[i];
                got.n = w;
            }
            if (ok && got.n) {
                eset_t *s = pts_slot(F, in);
                ok = s && eset_union(s, &got, XF_KEEP, changed);
            }
            eset_free(&got);
            break;
        }
        const eset_t *ps = pts_get(F, p, &tmp);
        if (!ps || !ps->n)
            break;
        LLVMValueRef last = last_store(F, in, ps);
        if (last) { /* what that store wrote, and nothing older */
            eset_t tv = {0};
            const eset_t *vs = pts_get(F, LLVMGetOperand(last, 0), &tv);
            if (vs && vs->n) {
                eset_t *s = pts_slot(F, in);
                ok = s && union_for_load(s, vs, in, changed);
            }
            eset_free(&tv);
            break;
        }
        eset_t got = {0};
        ok = load_through(F, &got, ps, NULL);
        if (ok && got.n && ps->n == 1)
            drop_own_head(F, &got, EL_OBJ(ps->v[0]));
        if (ok && got.n) {
            eset_t *s = pts_slot(F, in);
            ok = s && union_for_load(s, &got, in, changed);
        }
        eset_free(&got);
        break;
    }
    case LLVMStore: {
        const eset_t *vs = pts_get(F, LLVMGetOperand(in, 0), &tmp);
        if (!vs || !vs->n)
            break;
        eset_t tmp2 = {0};
        const eset_t *ps = pts_get(F, LLVMGetOperand(in, 1), &tmp2);
        for (uint32_t i = 0; ok && ps && i < ps->n; i++)
            ok = eset_union(&F->objs[EL_OBJ(ps->v[i])].contents, vs, XF_KEEP, changed);
        eset_free(&tmp2);
        break;
    }
    case LLVMCall:
    case LLVMInvoke:
        ok = transfer_call(F, in, changed);
        break;
    case LLVMGetElementPtr:
        if (field_gep(F, in, &tmp, changed, &ok))
            break;
        /* fall through */
    case LLVMBitCast:
    case LLVMAddrSpaceCast:
    case LLVMPtrToInt:
    case LLVMIntToPtr:
    case LLVMTrunc:
    case LLVMZExt:
    case LLVMSExt:
    case LLVMFreeze:
    case LLVMExtractValue:
    case LLVMExtractElement: {
        const eset_t *s0 = pts_get(F, LLVMGetOperand(in, 0), &tmp);
        if (s0 && s0->n) {
            eset_t *s = pts_slot(F, in);
            ok = s && eset_union(s, s0, op == LLVMPtrToInt ? XF_SETINT : op == LLVMIntToPtr ? XF_CLEARINT : XF_KEEP,
                                 changed);
        }
        break;
    }
    case LLVMSub: {
        /* p - q of two addresses is a length (`&a[4] - a`), whatever the element size: only an
         * address minus a non-address (`(uintptr_t)&x - 1`) still carries the address */
        const eset_t *s1 = pts_get(F, LLVMGetOperand(in, 1), &tmp);
        int addr1 = 0;
        for (uint32_t i = 0; s1 && i < s1->n; i++)
            if (EL_INT(s1->v[i]))
                addr1 = 1;
        if (addr1)
            break;
        const eset_t *s0 = pts_get(F, LLVMGetOperand(in, 0), &tmp);
        if (s0 && s0->n) {
            eset_t *s = pts_slot(F, in);
            ok = s && eset_union(s, s0, XF_KEEP, changed);
        }
        break;
    }
    case LLVMAdd:
    case LLVMAnd:
    case LLVMOr:
    case LLVMXor:
    case LLVMShl:
    case LLVMLShr:
    case LLVMAShr:
    case LLVMMul:
    case LLVMPHI:
    case LLVMSelect:
    case LLVMInsertValue:
    case LLVMInsertElement:
    case LLVMShuffleVector: {
        unsigned n = (unsigned)LLVMGetNumOperands(in);
        for (unsigned k = op == LLVMSelect ? 1 : 0; ok && k < n; k++) {
            if (op == LLVMInsertValue && k > 1)
                break;
            const eset_t *s0 = pts_get(F, LLVMGetOperand(in, k), &tmp);
            if (s0 && s0->n) {
                eset_t *s = pts_slot(F, in);
                ok = s && eset_union(s, s0, XF_KEEP, changed);
            }
        }
        break;
    }
    default:
        break;
    }
    eset_free(&tmp);
    if (!ok)
        F->oom = 1;
    return ok;
}

/* ------------------------------------------------------------------ function set-up */

static void fn_free(fn_t *F)
{
    for (size_t i = 0; i < F->nobjs; i++)
        eset_free(&F->objs[i].contents);
    free(F->objs);
    for (size_t i = 0; i < F->pts.cap; i++)
        if (F->pts.keys[i] && F->pts.vals[i])
            eset_free(F->pts.vals[i]);
    ptrcheck_ir_pmap_fini(&F->pts);
    ptrcheck_arena_fini(&F->arena);
    ptrcheck_ir_pmap_fini(&F->field_of);
    ptrcheck_ir_pmap_fini(&F->compared);
    ptrcheck_ir_pmap_fini(&F->cleanup);
    ptrcheck_ir_pmap_fini(&F->obj_of);
    ptrcheck_ir_pmap_fini(&F->globr_of);
    ptrcheck_ir_pmap_fini(&F->promotable);
    ptrcheck_ir_pmap_fini(&F->store_site);
    free(F->arg_obj);
    free(F->argr_obj);
}

static int fn_init(fn_t *F, mod_t *M, LLVMValueRef fn, summary_t *sum)
{
    memset(F, 0, sizeof *F);
    F->mod = M;
    F->fn = fn;
    F->sum = sum;
    ptrcheck_ir_pmap_init(&F->obj_of);
    ptrcheck_ir_pmap_init(&F->globr_of);
    ptrcheck_ir_pmap_init(&F->pts);
    ptrcheck_arena_init(&F->arena);
    ptrcheck_ir_pmap_init(&F->promotable);
    ptrcheck_ir_pmap_init(&F->field_of);
    ptrcheck_ir_pmap_init(&F->compared);
    ptrcheck_ir_pmap_init(&F->cleanup);
    ptrcheck_ir_pmap_init(&F->store_site);
    unsigned np = LLVMCountParams(fn);
    F->arg_obj = calloc(np + 1, sizeof *F->arg_obj);
    F->argr_obj = calloc(np + 1, sizeof *F->argr_obj);
    if (!F->arg_obj || !F->argr_obj)
        return 0;
    F->retval = ptrcheck_ir_retval_alloca(fn);
    if (F->retval && F->retval == ptrcheck_ir_nrvo_alloca(M->e, fn))
        F->retval = NULL; /* a named return value: the rets load it */
    if (F->retval) {
        F->ret_obj = obj_for(F, &F->obj_of, O_RET, F->retval);
        eset_t *s = pts_slot(F, F->retval);
        if (!F->ret_obj || !s || !eset_add(s, (F->ret_obj - 1) << 1, NULL))
            return 0;
    }
    for (unsigned i = 0; i < np; i++) {
        LLVMValueRef a = LLVMGetParam(fn, i);
        if (LLVMGetTypeKind(LLVMTypeOf(a)) != LLVMPointerTypeKind)
            continue;
        uint32_t id;
        if (has_attr(fn, i + 1, "sret")) {
            id = F->ret_obj ? F->ret_obj : (F->ret_obj = new_obj(F, O_RET, a, i));
        } else if (has_attr(fn, i + 1, "byval")) {
            id = obj_for(F, &F->obj_of, O_STACK, a);
        } else {
            id = new_obj(F, O_ARG, a, i);
            F->arg_obj[i] = id;
            F->argr_obj[i] = new_obj(F, O_ARGR, a, i);
            if (!F->argr_obj[i])
                return 0;
        }
        eset_t *s = pts_slot(F, a);
        if (!id || !s || !eset_add(s, (id - 1) << 1, NULL))
            return 0;
    }
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
            if (!LLVMIsAAllocaInst(in) || in == F->retval)
                continue;
            uint32_t id = obj_for(F, &F->obj_of, O_STACK, in);
            eset_t *s = pts_slot(F, in);
            if (!id || !s || !eset_add(s, (id - 1) << 1, NULL))
                return 0;
        }
    return !F->oom;
}

/* Does transfer() do anything for this opcode? */
static int transfers(LLVMOpcode op)
{
    switch (op) {
    case LLVMLoad: case LLVMStore: case LLVMCall: case LLVMInvoke: case LLVMGetElementPtr:
    case LLVMBitCast: case LLVMAddrSpaceCast: case LLVMPtrToInt: case LLVMIntToPtr: case LLVMTrunc:
    case LLVMZExt: case LLVMSExt: case LLVMFreeze: case LLVMExtractValue: case LLVMExtractElement:
    case LLVMSub: case LLVMAdd: case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMShl: case LLVMLShr:
    case LLVMAShr: case LLVMMul: case LLVMPHI: case LLVMSelect: case LLVMInsertValue:
    case LLVMInsertElement: case LLVMShuffleVector:
        return 1;
    default:
        return 0;
    }
}

enum { FX_DIRTY = 1, FX_READS = 2, FX_CALL = 4, FX_STORE = 8 };

/* The points-to fixpoint of one function, sparse: an instruction is transferred again only when
 * what it reads changed since its last transfer.  Its inputs are its operands' sets (a change
 * marks the users dirty) and, for loads and calls, memory: every transfer of a store (its
 * operands changed), and every call that changed something, starts a new memory generation,
 * which the loads and calls that read memory in an older one see.  (A load's result may be a
 * store's value operand directly, the store it certainly reads; that store's transfer is such
 * a generation.)  The order of transfers is the order of a full sweep, without the ones that
 * could not change anything, so the result is the same. */
static int fn_fixpoint(fn_t *F)
{
    size_t n = 0, cap = 0;
    LLVMValueRef *ins = NULL;
    unsigned char *fl = NULL;
    uint32_t *seen = NULL;
    ptrcheck_ir_pmap_t at; /* instruction -> index + 1 in ins */
    int ok = 0;
    ptrcheck_ir_pmap_init(&at);
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(F->fn); bb; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
            LLVMOpcode op = ptrcheck_compat_opcode(LLVMGetInstructionOpcode(in));
            if (!transfers(op))
                continue;
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 64;
                LLVMValueRef *ni = realloc(ins, ncap * sizeof *ni);
                unsigned char *nf = ni ? realloc(fl, ncap) : NULL;
                if (ni)
                    ins = ni;
                if (nf)
                    fl = nf;
                if (!ni || !nf)
                    goto done;
                cap = ncap;
            }
            void **slot = ptrcheck_ir_pmap_slot(&at, in);
            if (!slot)
                goto done;
            *slot = (void *)(uintptr_t)(n + 1);
            ins[n] = in;
            fl[n++] = FX_DIRTY | (op == LLVMLoad ? FX_READS : 0) |
                      (op == LLVMCall || op == LLVMInvoke ? FX_READS | FX_CALL : 0) | (op == LLVMStore ? FX_STORE : 0);
        }
    seen = calloc(n + 1, sizeof *seen);
    if (!seen)
        goto done;
    uint32_t gen = 0;
    for (unsigned round = 0; round < 64; round++) {
        int progress = 0;
        for (size_t i = 0; i < n; i++) {
            if (!(fl[i] & FX_DIRTY) && !((fl[i] & FX_READS) && seen[i] != gen))
                continue;
            fl[i] &= (unsigned char)~FX_DIRTY;
            seen[i] = gen;
            int changed = 0;
            if (!transfer(F, ins[i], &changed))
                goto done;
            if ((fl[i] & FX_STORE) || ((fl[i] & FX_CALL) && changed)) {
                seen[i] = ++gen;
                progress = 1;
            }
            if (!changed)
                continue;
            progress = 1;
            for (LLVMUseRef u = LLVMGetFirstUse(ins[i]); u; u = LLVMGetNextUse(u)) {
                void *k = NULL;
                if (ptrcheck_ir_pmap_get(&at, LLVMGetUser(u), &k))
                    fl[(uintptr_t)k - 1] |= FX_DIRTY;
            }
        }
        if (!progress)
            break;
    }
    ok = !F->oom;
done:
    if (!ok)
        F->oom = 1;
    ptrcheck_ir_pmap_fini(&at);
    free(ins);
    free(fl);
    free(seen);
    return ok;
}

/* ------------------------------------------------------------------ "overwritten on every path" */

/* Canonical form of an address: through casts and through loads of promotable allocas that are
 * stored exactly once (clang's parameter spills, `T *p = expr;` never reassigned). */
static LLVMValueRef canon(fn_t *F, LLVMValueRef v)
{
    for (unsigned guard = 0; v && guard < 16; guard++) {
        v = ptrcheck_ir_strip_casts(v);
        if (!LLVMIsALoadInst(v))
            break;
        LLVMValueRef a = LLVMGetOperand(v, 0);
        if (!LLVMIsAAllocaInst(a) || !is_promotable(F, a))
            break;
        LLVMValueRef only = NULL;
        int n = 0;
        for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u))
            if (LLVMIsAStoreInst(LLVMGetUser(u))) {
                only = LLVMGetOperand(LLVMGetUser(u), 0);
                n++;
            }
        if (n != 1)
            break;
        v = only;
    }
    return v;
}

static int same_addr(fn_t *F, LLVMValueRef a, LLVMValueRef b, unsigned depth)
{
    if (depth > 8)
        return 0;
    a = canon(F, a);
    b = canon(F, b);
    if (a == b)
        return 1;
    int ga = ptrcheck_ir_opcode(a) == LLVMGetElementPtr;
    int gb = ptrcheck_ir_opcode(b) == LLVMGetElementPtr;
    if (!ga || !gb || LLVMGetNumOperands(a) != LLVMGetNumOperands(b) ||
        LLVMGetGEPSourceElementType(a) != LLVMGetGEPSourceElementType(b))
        return 0;
    for (int k = 1; k < LLVMGetNumOperands(a); k++) {
        LLVMValueRef x = LLVMGetOperand(a, k), y = LLVMGetOperand(b, k);
        if (x != y && canon(F, x) != canon(F, y))
            return 0;
    }
    return same_addr(F, LLVMGetOperand(a, 0), LLVMGetOperand(b, 0), depth + 1);
}

/* Base and constant byte offset of an address: through casts, GEPs with constant indices and
 * parameter spills (canon).  *off is OFF_UNKNOWN when an index is not constant. */
static LLVMValueRef addr_base(fn_t *F, LLVMValueRef v, long long *off)
{
    long long o = 0;
    for (unsigned guard = 0; v && guard < 16; guard++) {
        v = canon(F, v);
        if (ptrcheck_ir_opcode(v) != LLVMGetElementPtr)
            break;
        long long g = 0;
        if (o != OFF_UNKNOWN && gep_const_offset(F, v, &g))
            o += g;
        else
            o = OFF_UNKNOWN;
        v = LLVMGetOperand(v, 0);
    }
    *off = o;
    return v;
}

/* Does value v (stored by this function) match a must-store's value: no stack address
 * (valparam -1) or exactly parameter valparam? */
static int value_matches(fn_t *F, LLVMValueRef v, int valparam)
{
    if (valparam >= 0)
        return (unsigned)valparam < LLVMCountParams(F->fn) && canon(F, v) == LLVMGetParam(F->fn, (unsigned)valparam);
    eset_t tmp = {0};
    int clean = !set_dirty(F, pts_get(F, v, &tmp));
    eset_free(&tmp);
    return clean;
}

/* Is `in` a store, or a call whose callee must-stores, into byte `off` of `base` (a parameter or
 * a global) a value matching valparam (value_matches)?  off OFF_UNKNOWN: any byte of a global. */
static int inst_writes(fn_t *F, LLVMValueRef in, LLVMValueRef base, long long off, int valparam)
{
    long long o = 0;
    if (LLVMIsAStoreInst(in)) {
        if (addr_base(F, LLVMGetOperand(in, 1), &o) != base || (o != off && off != OFF_UNKNOWN) || o == OFF_UNKNOWN)
            return 0;
        return value_matches(F, LLVMGetOperand(in, 0), valparam);
    }
    if (!LLVMIsACallInst(in))
        return 0;
    LLVMValueRef callee = ptrcheck_ir_called_function(in);
    summary_t *cs = callee && !LLVMIsDeclaration(callee) ? summary_of(F->mod, callee) : NULL;
    unsigned nargs = (unsigned)LLVMGetNumArgOperands(in);
    for (size_t k = 0; cs && k < cs->nmust; k++) {
        const must_t *m = &cs->must[k];
        if (m->deref)
            continue; /* through a loaded pointer: kill_place */
        if (m->global) {
            if (m->global != base || (m->off != off && off != OFF_UNKNOWN))
                continue;
        } else {
            if (m->param >= nargs || addr_base(F, LLVMGetOperand(in, m->param), &o) != base || o == OFF_UNKNOWN ||
                (o + m->off != off && off != OFF_UNKNOWN))
                continue;
        }
        LLVMValueRef val = m->valparam >= 0 && (unsigned)m->valparam < nargs ? LLVMGetOperand(in, (unsigned)m->valparam)
                                                                            : NULL;
        if (m->valparam < 0) {
            if (valparam < 0)
                return 1;
            continue;
        }
        if (val && value_matches(F, val, valparam))
            return 1;
    }
    return 0;
}

/* A store or call into F->kill_base + F->kill_off of a value without stack addresses. */
static int unlinks_value(fn_t *F, LLVMValueRef in, LLVMValueRef base, LLVMValueRef v);
static size_t keys_of(fn_t *F, LLVMValueRef in, must_t *out, size_t max);
static int must_same_place(const must_t *a, const must_t *b);

/* Also through the object the link made current: the linking call `origin` must-stores parameter
 * kill_base at byte off1 of parameter P's memory (`open_func(ls, fs, &bl)` sets ls->fs = fs), and
 * `in` must-stores a clean value at byte kill_off of the object at that place (`close_func(ls)`
 * runs leaveblock(ls->fs)).  Nested link/unlink pairs in between restore the place (the stack
 * discipline these pairs exist for). */
static int kill_place(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    must_t keys[MAX_MUST], okeys[MAX_MUST];
    if (unlinks_value(F, in, F->kill_base, F->kill_val))
        return 1;
    if (F->kill_off == OFF_UNKNOWN)
        return 0;
    if (inst_writes(F, in, F->kill_base, F->kill_off, -1))
        return 1;
    if (!LLVMIsACallInst(in) || !origin || !LLVMIsACallInst(origin))
        return 0;
    size_t nk = keys_of(F, in, keys, MAX_MUST), no = 0;
    for (size_t k = 0; k < nk; k++) {
        if (!keys[k].deref || keys[k].valparam != -1 || keys[k].off != F->kill_off)
            continue;
        if (!no && !(no = keys_of(F, origin, okeys, MAX_MUST)))
            return 0;
        for (size_t j = 0; j < no; j++)
            if (!okeys[j].deref && okeys[j].global == keys[k].global &&
                (okeys[j].global || okeys[j].param == keys[k].param) && okeys[j].off == keys[k].off1 &&
                okeys[j].valparam >= 0 &&
                LLVMGetParam(F->fn, (unsigned)okeys[j].valparam) == F->kill_base)
                return 1;
    }
    return 0;
}

/* For the must-store summary: `in` performs F->kill_must. */
static int kill_must_key(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    (void)origin;
    const must_t *m = F->kill_must;
    must_t keys[MAX_MUST];
    if (!m->deref)
        return inst_writes(F, in, m->global ? m->global : LLVMGetParam(F->fn, m->param), m->off, m->valparam);
    size_t nk = keys_of(F, in, keys, MAX_MUST);
    for (size_t k = 0; k < nk; k++)
        if (must_same_place(&keys[k], m) && keys[k].valparam == m->valparam)
            return 1;
    return 0;
}

typedef int (*kill_fn)(fn_t *F, LLVMValueRef origin, LLVMValueRef in);

/* The value a load from a promotable local (only loads and stores use it: nothing else writes it)
 * reads: the one stored value that reaches it (plugin/analysis/reach.c).  The load itself when
 * none or several do: the value of `rc = pthread_create(...); if (rc) goto out;` is the create's
 * result however often `rc` is assigned elsewhere. */
static const ptrcheck_ir_valvec_t *load_reach(fn_t *F, LLVMValueRef load, LLVMValueRef a);
static LLVMValueRef slot_value(fn_t *F, LLVMValueRef load)
{
    LLVMValueRef a = LLVMGetOperand(load, 0);
    if (!LLVMIsAAllocaInst(a) || !is_promotable(F, a))
        return load;
    const ptrcheck_ir_valvec_t *vv = load_reach(F, load, a);
    return vv && vv->n == 1 ? vv->v[0] : load;
}

/* For a thread-creating call `origin` (pthread-style: 0 means success): is successor k of the
 * conditional branch `term` taken only when the creation failed (`if (pthread_create(...) != 0)`)?
 * No thread exists on that path, so there is nothing to join. */
static LLVMValueRef canon(fn_t *F, LLVMValueRef v);
static int failure_edge(fn_t *F, LLVMValueRef origin, LLVMValueRef term, unsigned k)
{
    if (!origin || !LLVMIsACallInst(origin) || !LLVMIsABranchInst(term) || !LLVMIsConditional(term))
        return 0;
    LLVMValueRef c = LLVMGetCondition(term);
    if (!LLVMIsAICmpInst(c))
        return 0;
    LLVMValueRef a = LLVMGetOperand(c, 0), b = LLVMGetOperand(c, 1);
    if (LLVMIsAConstantInt(a)) {
        LLVMValueRef t = a;
        a = b;
        b = t;
    }
    if (!LLVMIsAConstantInt(b) || LLVMConstIntGetZExtValue(b) != 0)
        return 0;
    a = canon(F, a);
    if (LLVMIsAZExtInst(a) || LLVMIsASExtInst(a) || LLVMIsATruncInst(a))
        a = canon(F, LLVMGetOperand(a, 0));
    if (LLVMIsALoadInst(a)) /* a status variable assigned again later (`rc = pthread_join(...)`) */
        a = canon(F, slot_value(F, a));
    if (a != origin)
        return 0;
    LLVMIntPredicate pred = LLVMGetICmpPredicate(c);
    if (pred == LLVMIntNE)
        return k == 0; /* true: result != 0, failure */
    if (pred == LLVMIntEQ)
        return k == 1;
    return 0;
}

static int cint_of(LLVMValueRef v, int sign, long long *out)
{
    if (LLVMIsAConstantPointerNull(v)) {
        *out = 0;
        return 1;
    }
    if (!LLVMIsAConstantInt(v) || LLVMGetIntTypeWidth(LLVMTypeOf(v)) > 64)
        return 0;
    *out = sign ? LLVMConstIntGetSExtValue(v) : (long long)LLVMConstIntGetZExtValue(v);
    return 1;
}

/* *r = `icmp pred a, c` for constants a and c; 0 when either is not a constant integer. */
static int eval_icmp(LLVMIntPredicate pred, LLVMValueRef av, LLVMValueRef cv, int *r)
{
    int sign = pred == LLVMIntSGT || pred == LLVMIntSGE || pred == LLVMIntSLT || pred == LLVMIntSLE;
    long long a = 0, c = 0;
    if (!cint_of(av, sign, &a) || !cint_of(cv, sign, &c))
        return 0;
    unsigned long long ua = (unsigned long long)a, uc = (unsigned long long)c;
    switch (pred) {
    case LLVMIntEQ: *r = a == c; break;
    case LLVMIntNE: *r = a != c; break;
    case LLVMIntUGT: *r = ua > uc; break;
    case LLVMIntUGE: *r = ua >= uc; break;
    case LLVMIntULT: *r = ua < uc; break;
    case LLVMIntULE: *r = ua <= uc; break;
    case LLVMIntSGT: *r = a > c; break;
    case LLVMIntSGE: *r = a >= c; break;
    case LLVMIntSLT: *r = a < c; break;
    case LLVMIntSLE: *r = a <= c; break;
    default: return 0;
    }
    return 1;
}


/* Blocks reachable from `from` (marks them with `mark` in m). */
static int mark_reachable(ptrcheck_ir_pmap_t *m, LLVMBasicBlockRef from, uintptr_t mark)
{
    ptrcheck_ir_valvec_t work = {0};
    int ok = ptrcheck_ir_valvec_push(&work, LLVMBasicBlockAsValue(from));
    while (ok && work.n) {
        LLVMBasicBlockRef b = LLVMValueAsBasicBlock(work.v[--work.n]);
        void **slot = ptrcheck_ir_pmap_slot(m, b);
        if (!slot) {
            ok = 0;
            break;
        }
        if ((uintptr_t)*slot & mark)
            continue;
        *slot = (void *)((uintptr_t)*slot | mark);
        LLVMValueRef t = LLVMGetBasicBlockTerminator(b);
        for (unsigned k = 0, ns = t ? LLVMGetNumSuccessors(t) : 0; ok && k < ns; k++)
            ok = ptrcheck_ir_valvec_push(&work, LLVMBasicBlockAsValue(LLVMGetSuccessor(t, k)));
    }
    free(work.v);
    return ok;
}

/* A branch on a local status variable that only the create's failure path changes
 * (`if (pthread_create(...)) { ...; ret = -1; } ... if (!ret) sem_wait(...)`): on the success
 * path the variable has the values of its other stores.  `region` maps blocks to 1 (reachable from
 * the failure edge), 2 (from the success edge).  Returns the successor the branch takes there, or -1. */
static int flag_branch(fn_t *F, LLVMValueRef term, ptrcheck_ir_pmap_t *region)
{
    if (!LLVMIsABranchInst(term) || !LLVMIsConditional(term))
        return -1;
    LLVMValueRef c = LLVMGetCondition(term);
    if (!LLVMIsAICmpInst(c) || !LLVMIsAConstantInt(LLVMGetOperand(c, 1)))
        return -1;
    LLVMValueRef x = LLVMGetOperand(c, 0);
    if (LLVMIsAZExtInst(x) || LLVMIsASExtInst(x) || LLVMIsATruncInst(x))
        x = LLVMGetOperand(x, 0);
    LLVMValueRef slot = LLVMIsALoadInst(x) ? LLVMGetOperand(x, 0) : NULL;
    if (!slot || !LLVMIsAAllocaInst(slot) || !is_promotable(F, slot))
        return -1;
    const ptrcheck_ir_valvec_t *vv = load_reach(F, x, slot);
    int taken = -1;
    for (size_t k = 0; vv && k < vv->n; k++) {
        /* a value stored only in blocks of the failure path does not reach here */
        int live = 0;
        for (LLVMUseRef u = LLVMGetFirstUse(slot); u && !live; u = LLVMGetNextUse(u)) {
            LLVMValueRef st = LLVMGetUser(u);
            void *mk = NULL;
            if (!LLVMIsAStoreInst(st) || LLVMGetOperand(st, 1) != slot || LLVMGetOperand(st, 0) != vv->v[k])
                continue;
            ptrcheck_ir_pmap_get(region, inst_block(st), &mk);
            live = (uintptr_t)mk != 1;
        }
        if (!live)
            continue;
        int r = 0;
        if (!eval_icmp(LLVMGetICmpPredicate(c), vv->v[k], LLVMGetOperand(c, 1), &r))
            return -1;
        if (taken >= 0 && taken != !r)
            return -1;
        taken = !r; /* successor 0 when true */
    }
    return taken;
}

/* Can a store to a local variable run after `origin` (*after: the blocks reachable from
 * origin's, built on first use)? */
static int runs_after(fn_t *F, LLVMValueRef st, LLVMValueRef origin, ptrcheck_ir_pmap_t *after, int *ready)
{
    LLVMBasicBlockRef ob = inst_block(origin);
    if (!*ready) {
        LLVMValueRef t = LLVMGetBasicBlockTerminator(ob);
        for (unsigned k = 0, ns = t ? LLVMGetNumSuccessors(t) : 0; k < ns; k++)
            if (!mark_reachable(after, LLVMGetSuccessor(t, k), 1)) {
                F->oom = 1;
                return 1;
            }
        *ready = 1;
    }
    void *mk = NULL;
    if (ptrcheck_ir_pmap_get(after, inst_block(st), &mk) && mk)
        return 1;
    if (inst_block(st) != ob)
        return 0;
    for (LLVMValueRef i = LLVMGetNextInstruction(origin); i; i = LLVMGetNextInstruction(i))
        if (i == st)
            return 1;
    return 0;
}

/* Store `origin` saved the old value of its place (`saved = f->buf; f->buf = local;`, the read
 * in origin's block above it, nothing stored or called in between): is term a test of that saved
 * value against null?  The successor on which it is not null, else -1.  Other values of the
 * variable (`*saved = 0` at its declaration) must be stored where no path from origin goes. */
static int saved_nonnull_arm(fn_t *F, LLVMValueRef term, LLVMValueRef origin)
{
    LLVMValueRef c = LLVMIsABranchInst(term) && LLVMIsConditional(term) ? LLVMGetCondition(term) : NULL;
    if (!c || !LLVMIsAICmpInst(c) || (LLVMGetICmpPredicate(c) != LLVMIntEQ && LLVMGetICmpPredicate(c) != LLVMIntNE))
        return -1;
    LLVMValueRef x = ptrcheck_ir_strip_casts(LLVMGetOperand(c, 0)), k = LLVMGetOperand(c, 1);
    if (LLVMIsAConstantPointerNull(x)) {
        LLVMValueRef t = x;
        x = ptrcheck_ir_strip_casts(k);
        k = t;
    }
    if (!LLVMIsAConstantPointerNull(k) || !LLVMIsALoadInst(x))
        return -1;
    LLVMValueRef slot = LLVMGetOperand(x, 0);
    if (!LLVMIsAAllocaInst(slot) || !is_promotable(F, slot))
        return -1;
    const ptrcheck_ir_valvec_t *vv = load_reach(F, x, slot);
    if (!vv || !vv->n)
        return -1;
    ptrcheck_ir_pmap_t after;
    int ready = 0, saved = 0, other = 0;
    ptrcheck_ir_pmap_init(&after);
    for (size_t k2 = 0; k2 < vv->n && !other; k2++) {
        LLVMValueRef old = ptrcheck_ir_strip_casts(vv->v[k2]);
        if (LLVMIsALoadInst(old) && inst_block(old) == inst_block(origin) &&
            same_addr(F, LLVMGetOperand(old, 0), LLVMGetOperand(origin, 1), 0)) {
            saved = 1;
            continue;
        }
        for (LLVMUseRef u = LLVMGetFirstUse(slot); u && !other; u = LLVMGetNextUse(u)) {
            LLVMValueRef st = LLVMGetUser(u);
            if (LLVMIsAStoreInst(st) && LLVMGetOperand(st, 1) == slot && LLVMGetOperand(st, 0) == vv->v[k2])
                other = runs_after(F, st, origin, &after, &ready);
        }
    }
    ptrcheck_ir_pmap_fini(&after);
    if (other || !saved)
        return -1;
    for (size_t k2 = 0; k2 < vv->n; k2++) {
        LLVMValueRef old = ptrcheck_ir_strip_casts(vv->v[k2]);
        if (!LLVMIsALoadInst(old) || inst_block(old) != inst_block(origin) ||
            !same_addr(F, LLVMGetOperand(old, 0), LLVMGetOperand(origin, 1), 0))
            continue;
        LLVMValueRef i = LLVMGetNextInstruction(old);
        for (; i && i != origin; i = LLVMGetNextInstruction(i))
            if (LLVMIsAStoreInst(i) ? same_addr(F, LLVMGetOperand(i, 1), LLVMGetOperand(origin, 1), 0)
                                    : LLVMIsACallInst(i) && (!ptrcheck_ir_called_function(i) ||
                                                             !ptrcheck_ir_is_intrinsic(ptrcheck_ir_called_function(i))))
                return -1;
        if (!i)
            return -1; /* read after the store */
    }
    return LLVMGetICmpPredicate(c) == LLVMIntNE ? 0 : 1;
}

/* A condition whose value is the same wherever the function tests it: `icmp pred a, b` (or the
 * truncation of a bool to i1) of parameters, constants, and values computed once per call (outside
 * any loop), also through locals assigned once.  *key gets what identifies it: two branches with
 * equal keys go the same way on every run.  Only the guard's own key is checked for loops (guard):
 * a later test with an equal key tests the same value. */
typedef struct { LLVMIntPredicate pred; LLVMValueRef a, b; int trunc; } cond_key_t;
static int in_loop(fn_t *F, LLVMBasicBlockRef b);
static LLVMValueRef value_root(fn_t *F, LLVMValueRef v)
{
    for (unsigned steps = 0; v && steps < 8; steps++) {
        v = canon(F, v);
        if (LLVMIsAZExtInst(v) || LLVMIsASExtInst(v) || LLVMIsATruncInst(v))
            v = LLVMGetOperand(v, 0);
        else
            break;
    }
    return v;
}
static LLVMValueRef invariant_root(fn_t *F, LLVMValueRef v, int guard)
{
    v = value_root(F, v);
    if (!v)
        return NULL;
    if (LLVMIsAArgument(v) || LLVMIsAConstantInt(v) || LLVMIsAConstantPointerNull(v))
        return v;
    if (!LLVMIsAInstruction(v) || LLVMIsALoadInst(v) || LLVMIsAPHINode(v))
        return NULL; /* a load or a join of paths: a value of this one test */
    return !guard || !in_loop(F, inst_block(v)) ? v : NULL;
}
static int invariant_cond(fn_t *F, LLVMValueRef c, cond_key_t *key, int guard)
{
    memset(key, 0, sizeof *key);
    if (c && LLVMIsAICmpInst(c)) {
        key->pred = LLVMGetICmpPredicate(c);
        key->a = invariant_root(F, LLVMGetOperand(c, 0), guard);
        key->b = invariant_root(F, LLVMGetOperand(c, 1), guard);
        return key->a && key->b && !(LLVMIsAConstant(key->a) && LLVMIsAConstant(key->b));
    }
    if (c && (LLVMIsATruncInst(c) || LLVMIsAArgument(c))) { /* a _Bool at -O0: trunc i8 (load) to i1 */
        key->trunc = 1;
        key->a = invariant_root(F, c, guard);
        return key->a && !LLVMIsAConstant(key->a);
    }
    return 0;
}

/* guarding_branch's step for origin_guard: the first conditional branch, when its condition is
 * invariant; nothing past a branch of any other kind. */
static int invariant_guard_step(fn_t *F, LLVMValueRef term, void *key)
{
    if (LLVMIsABranchInst(term) && LLVMIsConditional(term))
        return LLVMGetSuccessor(term, 0) != LLVMGetSuccessor(term, 1) &&
                       invariant_cond(F, LLVMGetCondition(term), key, 1)
                   ? 1
                   : -1;
    return LLVMGetNumSuccessors(term) == 1 ? 0 : -1;
}

/* The invariant condition deciding whether `origin` runs at all, and the arm it is on: the first
 * conditional branch above it through blocks with one predecessor.  A later test of the same
 * condition takes the same arm (`if (track) link(&f); ... if (track) unlink(&f);`). */
static int origin_guard(fn_t *F, LLVMValueRef origin, cond_key_t *key, unsigned *arm)
{
    int on_first = 0;
    if (!guarding_branch(F, origin, 16, invariant_guard_step, key, &on_first))
        return 0;
    *arm = on_first ? 0 : 1;
    return 1;
}

static int same_cond(const cond_key_t *x, const cond_key_t *y)
{
    return x->trunc == y->trunc && x->pred == y->pred && x->a == y->a && x->b == y->b;
}

/* 1 when every path from `origin` to a return meets an instruction for which kill() is true. */
static int killed_on_all_paths(fn_t *F, LLVMValueRef origin, kill_fn kill, int thread)
{
    ptrcheck_ir_pmap_t seen, region;
    ptrcheck_ir_valvec_t work = {0}; /* (block, cleanup slot, value) triples */
    int result = 1, region_ready = 0;
    ptrcheck_ir_pmap_init(&seen);
    ptrcheck_ir_pmap_init(&region);
    LLVMValueRef start = LLVMGetNextInstruction(origin);
    LLVMBasicBlockRef bb = inst_block(origin);
    LLVMValueRef cslot = NULL;
    unsigned cval = CD_UNKNOWN;
    cond_key_t gkey, tkey;
    unsigned garm = 0;
    int guarded = origin_guard(F, origin, &gkey, &garm);
    for (;;) {
        int stopped = 0;
        for (LLVMValueRef in = start; in; in = LLVMGetNextInstruction(in)) {
            if (in != origin && kill(F, origin, in)) {
                if (F->saved_origin == origin && F->saved_test && !F->restore)
                    F->restore = in;
                stopped = 1;
                break;
            }
            cd_step(F, in, &cslot, &cval);
        }
        if (!stopped) {
            LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
            if (!term || LLVMGetInstructionOpcode(term) == LLVMRet || LLVMGetInstructionOpcode(term) == LLVMResume) {
                result = 0;
                break;
            }
            unsigned ns = LLVMGetNumSuccessors(term);
            int only = -1;
            LLVMBasicBlockRef conly = cd_only(term, cslot, cval);
            if (thread && region_ready)
                only = flag_branch(F, term, &region);
            if (F->saved_origin == origin && only < 0 && (only = saved_nonnull_arm(F, term, origin)) >= 0)
                F->saved_test = term;
            if (only < 0 && guarded && ns == 2 && LLVMIsABranchInst(term) && LLVMIsConditional(term) &&
                invariant_cond(F, LLVMGetCondition(term), &tkey, 0) && same_cond(&gkey, &tkey))
                only = (int)garm;
            for (unsigned k = 0; k < ns; k++) {
                LLVMBasicBlockRef s = LLVMGetSuccessor(term, k);
                if ((only >= 0 && (int)k != only) || (conly && s != conly))
                    continue;
                if (thread && failure_edge(F, origin, term, k)) {
                    if (!region_ready && ns == 2) { /* the failure path's own blocks, once */
                        region_ready = mark_reachable(&region, s, 1) &&
                                       mark_reachable(&region, LLVMGetSuccessor(term, 1 - k), 2);
                        if (!region_ready) {
                            F->oom = 1;
                            result = 0;
                            goto done;
                        }
                    }
                    continue;
                }
                if (cd_first_visit(F, &seen, s, cslot, cval) && !cd_push(&work, s, cslot, cval))
                    F->oom = 1;
                if (F->oom) {
                    result = 0;
                    goto done;
                }
            }
        }
        if (work.n < 3)
            break;
        cval = (unsigned)(uintptr_t)work.v[--work.n];
        cslot = work.v[--work.n];
        bb = LLVMValueAsBasicBlock(work.v[--work.n]);
        start = LLVMGetFirstInstruction(bb);
    }
done:
    free(work.v);
    ptrcheck_ir_pmap_fini(&seen);
    ptrcheck_ir_pmap_fini(&region);
    return result;
}

/* Is block b on a cycle of the CFG (b reachable from one of its successors)? */
static int in_loop(fn_t *F, LLVMBasicBlockRef b)
{
    ptrcheck_ir_pmap_t m;
    ptrcheck_ir_pmap_init(&m);
    LLVMValueRef t = LLVMGetBasicBlockTerminator(b);
    int ok = 1;
    for (unsigned k = 0, ns = t ? LLVMGetNumSuccessors(t) : 0; ok && k < ns; k++)
        ok = mark_reachable(&m, LLVMGetSuccessor(t, k), 1);
    int r = ok && ptrcheck_ir_pmap_get(&m, b, NULL);
    ptrcheck_ir_pmap_fini(&m);
    if (!ok)
        F->oom = 1;
    return r;
}

/* A wait for the other side of a handshake: a volatile or atomic read, inside a loop, of the
 * local whose address `origin` stores (`inst = &new_inst; b->inst = inst; ... while
 * (inst->finished == 1) futex_wait(&inst->finished, 1);`): only the thread that received the
 * address ends the loop, by saying it is done with it, as a semaphore handshake does. */
static int waits_on_stored(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    eset_t t1 = {0}, t2 = {0};
    int r = 0;
    if (!LLVMGetVolatile(in) && LLVMGetOrdering(in) == LLVMAtomicOrderingNotAtomic)
        return 0;
    const eset_t *vs = pts_get(F, LLVMGetOperand(origin, 0), &t1);
    const eset_t *ps = pts_get(F, LLVMGetOperand(in, 0), &t2);
    for (uint32_t i = 0; vs && ps && i < vs->n && !r; i++) {
        const obj_t *a = &F->objs[EL_OBJ(vs->v[i])];
        uint32_t ra = a->base ? a->base - 1 : EL_OBJ(vs->v[i]);
        if (a->kind != O_STACK || EL_INT(vs->v[i]))
            continue;
        for (uint32_t j = 0; j < ps->n && !r; j++) {
            const obj_t *b = &F->objs[EL_OBJ(ps->v[j])];
            r = b->kind == O_STACK && (b->base ? b->base - 1 : EL_OBJ(ps->v[j])) == ra;
        }
    }
    eset_free(&t1);
    eset_free(&t2);
    return r && in_loop(F, inst_block(in));
}

/* Does every path from the entry to `b` pass through instruction w (w before b in b's block, or
 * w's block on every path)?  Asked only of a whole-object restore (restores_saved_copy). */
static int precedes(fn_t *F, LLVMValueRef w, LLVMValueRef b)
{
    LLVMBasicBlockRef wb = LLVMGetInstructionParent(w), bb = LLVMGetInstructionParent(b);
    if (wb == bb) {
        for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
            if (i == w)
                return 1;
            if (i == b)
                return 0;
        }
        return 0;
    }
    /* b's block unreachable from the entry once w's block is removed */
    LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(F->fn);
    if (entry == wb)
        return 1;
    ptrcheck_ir_valvec_t work = {0};
    ptrcheck_ir_pmap_t seen;
    ptrcheck_ir_pmap_init(&seen);
    void **slot = ptrcheck_ir_pmap_slot(&seen, entry);
    int reached = 0, ok = slot && ptrcheck_ir_valvec_push(&work, LLVMBasicBlockAsValue(entry));
    while (ok && !reached && work.n) {
        LLVMBasicBlockRef cur = LLVMValueAsBasicBlock(work.v[--work.n]);
        if (cur == bb) {
            reached = 1;
            break;
        }
        LLVMValueRef t = LLVMGetBasicBlockTerminator(cur);
        unsigned ns = t ? LLVMGetNumSuccessors(t) : 0;
        for (unsigned k = 0; ok && k < ns; k++) {
            LLVMBasicBlockRef sb = LLVMGetSuccessor(t, k);
            void *dummy = NULL;
            if (sb == wb || ptrcheck_ir_pmap_get(&seen, sb, &dummy))
                continue;
            ok = ptrcheck_ir_pmap_slot(&seen, sb) && ptrcheck_ir_valvec_push(&work, LLVMBasicBlockAsValue(sb));
        }
    }
    free(work.v);
    ptrcheck_ir_pmap_fini(&seen);
    return ok && !reached;
}

static uint64_t memcpy_len(LLVMValueRef call)
{
    LLVMValueRef n = LLVMGetNumArgOperands(call) >= 3 ? LLVMGetOperand(call, 2) : NULL;
    return n && LLVMIsAConstantInt(n) ? LLVMConstIntGetZExtValue(n) : 0;
}

/* Is every write of local object `obj` (through casts and GEPs) a copy into it from base's memory
 * taken before `origin` on every path, and is it otherwise only read or copied from? */
static int saved_before(fn_t *F, LLVMValueRef v, LLVMValueRef base, LLVMValueRef origin, unsigned depth)
{
    if (depth > 4)
        return 0;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsALoadInst(user) || ptrcheck_ir_is_lifetime_use(user))
            continue;
        if (LLVMIsABitCastInst(user) || LLVMIsAGetElementPtrInst(user)) {
            if (!saved_before(F, user, base, origin, depth + 1))
                return 0;
            continue;
        }
        LLVMValueRef callee = LLVMIsACallInst(user) ? ptrcheck_ir_called_function(user) : NULL;
        if (!callee || !(intrinsic_prefix(callee, "llvm.memcpy") || intrinsic_prefix(callee, "llvm.memmove")))
            return 0;
        if (LLVMGetOperand(user, 1) == v && LLVMGetOperand(user, 0) != v)
            continue; /* copied from */
        long long off = 0;
        if (LLVMGetOperand(user, 0) != v || addr_base(F, LLVMGetOperand(user, 1), &off) != base || off != 0 ||
            !precedes(F, user, origin))
            return 0;
    }
    return 1;
}

/* `save = *cf; cf->ctx = &ctx; ...; *cf = save;`: `in` copies back, over the place `origin`
 * stored to, a local copy of the same object taken before `origin` on every path.  The copy holds
 * what the place held before the link, so the link is undone (as `prev = cf->ctx; ...;
 * cf->ctx = prev;` is). */
static int restores_saved_copy(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    LLVMValueRef callee = ptrcheck_ir_called_function(in);
    if (!callee || !ptrcheck_ir_is_intrinsic(callee) ||
        !(intrinsic_prefix(callee, "llvm.memcpy") || intrinsic_prefix(callee, "llvm.memmove")))
        return 0;
    long long doff = 0, soff = 0;
    LLVMValueRef dst = addr_base(F, LLVMGetOperand(in, 0), &doff);
    LLVMValueRef place = addr_base(F, LLVMGetOperand(origin, 1), &soff);
    uint64_t n = memcpy_len(in);
    if (dst != place || doff != 0 || soff == OFF_UNKNOWN || soff < 0 || (uint64_t)soff >= n ||
        !(LLVMIsAArgument(dst) || LLVMIsAGlobalVariable(dst)))
        return 0;
    LLVMValueRef src = ptrcheck_ir_strip_casts(LLVMGetOperand(in, 1));
    return LLVMIsAAllocaInst(src) && saved_before(F, src, dst, origin, 0);
}

/* `prev = g; g = &local; ...; undo(prev)`: call `in`, to a function without a body here, is handed
 * the value the place `origin` stores to held before the link (read from that place before
 * `origin` on every path, possibly kept in a local stored once: canon): the callee gets what it
 * needs to put the old value back (dash's restore_handler(savehandler, err)), so the link is not
 * proven to stay.  A callee with a body is judged by its own must-stores instead. */
static int hands_back_saved(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    LLVMValueRef callee = ptrcheck_ir_called_function(in);
    if (!callee || !LLVMIsDeclaration(callee) || ptrcheck_ir_is_intrinsic(callee))
        return 0;
    LLVMValueRef place = LLVMGetOperand(origin, 1);
    unsigned n = (unsigned)LLVMGetNumArgOperands(in);
    for (unsigned i = 0; i < n; i++) {
        LLVMValueRef v = canon(F, LLVMGetOperand(in, i));
        if (v && LLVMIsALoadInst(v) && same_addr(F, LLVMGetOperand(v, 0), place, 0) && precedes(F, v, origin))
            return 1;
    }
    return 0;
}

static int kill_store(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    if (LLVMIsALoadInst(in))
        return waits_on_stored(F, origin, in);
    if (LLVMIsACallInst(in) && (restores_saved_copy(F, origin, in) || hands_back_saved(F, origin, in)))
        return 1;
    if (LLVMIsACallInst(in)) { /* a callee that must store there (close_func after `ls->fs = &fs`) */
        long long off = 0;
        LLVMValueRef base = addr_base(F, LLVMGetOperand(origin, 1), &off);
        return off != OFF_UNKNOWN && (LLVMIsAArgument(base) || LLVMIsAGlobalVariable(base)) &&
               (inst_writes(F, in, base, off, -1) || unlinks_value(F, in, base, LLVMGetOperand(origin, 0)));
    }
    if (!LLVMIsAStoreInst(in) || !same_addr(F, LLVMGetOperand(in, 1), LLVMGetOperand(origin, 1), 0))
        return 0;
    /* the local's address is gone from the place once no local of this frame is stored there: a
     * parameter's own memory (`c->filters = c->own_array`) may be the caller's, but the caller's
     * summary judges that edge, not this undo */
    eset_t tmp = {0};
    int clean = !set_has_stack(F, pts_get(F, LLVMGetOperand(in, 0), &tmp));
    eset_free(&tmp);
    return clean;
}

/* A store into F->kill_global of a value that holds no stack address. */
static int kill_global_store(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    (void)origin;
    if (LLVMIsACallInst(in))
        return inst_writes(F, in, F->kill_global, OFF_UNKNOWN, -1) || unlinks_value(F, in, F->kill_global, F->kill_val);
    if (!LLVMIsAStoreInst(in) || ptrcheck_ir_strip(LLVMGetOperand(in, 1)) != F->kill_global)
        return 0;
    eset_t tmp = {0};
    int clean = !set_dirty(F, pts_get(F, LLVMGetOperand(in, 0), &tmp));
    eset_free(&tmp);
    return clean;
}

/* The places (must_t keys) instruction `in` writes: a store into a parameter's or a global's memory
 * at a constant offset, and the must-stores of a called function mapped to this function's
 * parameters.  valparam -2: a value that matches no key (it holds a stack address or another
 * pointer). */
static size_t keys_of(fn_t *F, LLVMValueRef in, must_t *out, size_t max)
{
    size_t n = 0;
    long long off = 0;
    if (LLVMIsAStoreInst(in)) {
        LLVMValueRef base = addr_base(F, LLVMGetOperand(in, 1), &off);
        long long off1 = 0;
        int deref = 0;
        if (off != OFF_UNKNOWN && base && LLVMIsALoadInst(base)) { /* ls->fs->bl = ... */
            base = addr_base(F, LLVMGetOperand(base, 0), &off1);
            if (!LLVMIsAArgument(base) || off1 == OFF_UNKNOWN)
                return 0;
            deref = 1;
        }
        int gl = LLVMIsAGlobalVariable(base) != NULL;
        if (off == OFF_UNKNOWN || (!gl && !LLVMIsAArgument(base)) || !max)
            return 0;
        memset(out, 0, sizeof *out);
        out[0].deref = deref;
        out[0].off1 = off1;
        unsigned pi = gl ? 0 : param_index(F->fn, base);
        if (!gl && (has_attr(F->fn, pi + 1, "sret") || has_attr(F->fn, pi + 1, "byval")))
            return 0;
        LLVMValueRef v = canon(F, LLVMGetOperand(in, 0));
        out[0].global = gl ? base : NULL;
        out[0].param = pi;
        out[0].off = off;
        out[0].valparam = LLVMIsAArgument(v) ? (int)param_index(F->fn, v) : value_matches(F, v, -1) ? -1 : -2;
        return 1;
    }
    LLVMValueRef callee = LLVMIsACallInst(in) ? ptrcheck_ir_called_function(in) : NULL;
    summary_t *cs = callee && !LLVMIsDeclaration(callee) ? summary_of(F->mod, callee) : NULL;
    unsigned nargs = cs ? (unsigned)LLVMGetNumArgOperands(in) : 0;
    for (size_t k = 0; cs && k < cs->nmust && n < max; k++) {
        const must_t *m = &cs->must[k];
        must_t key = *m;
        if (!m->global) {
            LLVMValueRef base = m->param < nargs ? addr_base(F, LLVMGetOperand(in, m->param), &off) : NULL;
            if (!base || off == OFF_UNKNOWN)
                continue;
            if (m->deref) { /* *(arg + off1) + off: arg a parameter or a local here */
                if (LLVMIsAArgument(base)) {
                    key.param = param_index(F->fn, base);
                } else if (LLVMIsAAllocaInst(base)) {
                    key.global = base;
                    key.local = 1;
                } else {
                    continue;
                }
                key.off1 = off + m->off1;
            } else if (LLVMIsAAllocaInst(base)) { /* sqlite3ParseObjectInit(&sParse, db) */
                key.global = base;
                key.local = 1;
                key.off = off + m->off;
            } else if (LLVMIsAGlobalVariable(base)) {
                key.global = base;
                key.off = off + m->off;
            } else if (LLVMIsAArgument(base)) {
                key.param = param_index(F->fn, base);
                key.off = off + m->off;
            } else if (LLVMIsALoadInst(base)) { /* leaveblock(ls->fs) */
                long long o1 = 0;
                LLVMValueRef b2 = addr_base(F, LLVMGetOperand(base, 0), &o1);
                if (!LLVMIsAArgument(b2) || o1 == OFF_UNKNOWN)
                    continue;
                key.param = param_index(F->fn, b2);
                key.global = NULL;
                key.deref = 1;
                key.off1 = o1;
                key.off = off + m->off;
            } else {
                continue;
            }
        }
        if (m->valparam >= 0) {
            LLVMValueRef v = (unsigned)m->valparam < nargs ? canon(F, LLVMGetOperand(in, (unsigned)m->valparam)) : NULL;
            key.valparam = !v ? -2 : LLVMIsAArgument(v) ? (int)param_index(F->fn, v) : value_matches(F, v, -1) ? -1 : -2;
        }
        out[n++] = key;
    }
    return n;
}

static int must_same_place(const must_t *a, const must_t *b)
{
    return a->global == b->global && (a->global || a->param == b->param) && a->off == b->off &&
           a->deref == b->deref && (!a->deref || a->off1 == b->off1);
}

/* The must-stores of F (must_t): places F writes on every path from its entry to a return, with
 * one kind of value only.  Bounded: MAX_MUST candidates, one walk of the CFG each. */
static int compute_must(fn_t *F, int *changed)
{
    must_t cand[MAX_MUST], keys[MAX_MUST], got[MAX_MUST];
    unsigned char bad[MAX_MUST] = {0};
    size_t nc = 0, ng = 0;
    LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(F->fn);
    LLVMValueRef first = entry ? LLVMGetFirstInstruction(entry) : NULL;
    if (!first)
        return 1;
    for (LLVMBasicBlockRef bb = entry; bb; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
            if (!LLVMIsAStoreInst(in) && !LLVMIsACallInst(in))
                continue;
            size_t nk = keys_of(F, in, keys, MAX_MUST);
            for (size_t k = 0; k < nk; k++) {
                size_t c = 0;
                while (c < nc && !must_same_place(&cand[c], &keys[k]))
                    c++;
                if (c < nc) {
                    if (cand[c].valparam != keys[k].valparam)
                        bad[c] = 1;
                } else if (nc < MAX_MUST) {
                    cand[nc] = keys[k];
                    bad[nc++] = keys[k].valparam == -2;
                }
            }
        }
    for (size_t c = 0; c < nc; c++) {
        if (bad[c] || cand[c].local)
            continue;
        F->kill_must = &cand[c];
        if (kill_must_key(F, NULL, first) || killed_on_all_paths(F, first, kill_must_key, 0))
            got[ng++] = cand[c];
        F->kill_must = NULL;
    }
    summary_t *s = F->sum;
    int same = ng == s->nmust;
    for (size_t k = 0; same && k < ng; k++)
        same = must_same_place(&got[k], &s->must[k]) && got[k].valparam == s->must[k].valparam;
    if (!same) {
        memcpy(s->must, got, ng * sizeof *got);
        s->nmust = ng;
        *changed = 1;
    }
    return !F->oom;
}

/* ---- removal of a parameter from a list (unlink_t) */

/* Does every element of `els` (at least one) lie in list root r: global r->global itself or memory
 * reachable from it, or the memory parameter r->list points to or memory reachable from it?  With
 * `node`, what parameter r->node's memory holds counts too (`e->next`, read from the node removed). */
static int in_list(fn_t *F, const eset_t *els, const unlink_t *r, int node)
{
    if (!els || !els->n)
        return 0;
    for (uint32_t i = 0; i < els->n; i++) {
        const obj_t *o = &F->objs[EL_OBJ(els->v[i])];
        if (EL_INT(els->v[i]))
            return 0;
        if (r->global ? (o->kind == O_GLOBAL || o->kind == O_GLOBR) && o->v == r->global
                      : (o->kind == O_ARG || o->kind == O_ARGR) && o->idx == r->list)
            continue;
        if (node && o->kind == O_ARGR && o->idx == r->node)
            continue;
        return 0;
    }
    return 1;
}

/* The list a node value was read from: its elements are all memory reachable from one global or
 * from one parameter's memory. */
static int list_of(fn_t *F, LLVMValueRef v, unlink_t *r)
{
    eset_t tmp = {0};
    const eset_t *s = pts_get(F, v, &tmp);
    int ok = s && s->n;
    memset(r, 0, sizeof *r);
    for (uint32_t i = 0; ok && i < s->n; i++) {
        const obj_t *o = &F->objs[EL_OBJ(s->v[i])];
        if (EL_INT(s->v[i]) || (o->kind != O_GLOBR && o->kind != O_ARGR))
            ok = 0;
        else if (i == 0) {
            r->global = o->kind == O_GLOBR ? o->v : NULL;
            r->list = o->idx;
        } else if ((o->kind == O_GLOBR) != (r->global != NULL) || (r->global ? o->v != r->global : o->idx != r->list))
            ok = 0;
    }
    eset_free(&tmp);
    return ok;
}

/* A store into the list of F->kill_unlink (its head or a node's link) of a link read from its nodes. */
static int kill_relink(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    (void)origin;
    eset_t tmp = {0};
    if (!LLVMIsAStoreInst(in))
        return 0;
    int r = in_list(F, pts_get(F, LLVMGetOperand(in, 1), &tmp), F->kill_unlink, 0);
    if (r) {
        tmp.n = 0;
        r = in_list(F, pts_get(F, LLVMGetOperand(in, 0), &tmp), F->kill_unlink, 1);
    }
    eset_free(&tmp);
    return r;
}

/* A call that removes F->kill_val from the list of F->kill_unlink. */
static int kill_unlink_call(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    (void)origin;
    const unlink_t *r = F->kill_unlink;
    return unlinks_value(F, in, r->global ? r->global : LLVMGetParam(F->fn, r->list), F->kill_val);
}

/* Does every path from F's entry to a return take one of the arms (branch, successor) of
 * candidate k in `arms`?  Paths that end in `unreachable` (after a noreturn assertion) do not
 * return. */
static int every_path_takes(fn_t *F, const ptrcheck_ir_valvec_t *arms, size_t k)
{
    ptrcheck_ir_pmap_t seen;
    ptrcheck_ir_valvec_t work = {0}; /* (block, cleanup slot, value) triples */
    int all = 1;
    ptrcheck_ir_pmap_init(&seen);
    if (!cd_push(&work, LLVMGetEntryBasicBlock(F->fn), NULL, CD_UNKNOWN))
        F->oom = 1;
    while (!F->oom && all && work.n >= 3) {
        unsigned val = (unsigned)(uintptr_t)work.v[--work.n];
        LLVMValueRef slot = work.v[--work.n];
        LLVMBasicBlockRef b = LLVMValueAsBasicBlock(work.v[--work.n]);
        if (!cd_first_visit(F, &seen, b, slot, val))
            continue;
        for (LLVMValueRef in = LLVMGetFirstInstruction(b); in; in = LLVMGetNextInstruction(in))
            cd_step(F, in, &slot, &val);
        LLVMValueRef t = LLVMGetBasicBlockTerminator(b);
        if (!t || LLVMGetInstructionOpcode(t) == LLVMRet || LLVMGetInstructionOpcode(t) == LLVMResume) {
            all = 0; /* a return that removes nothing */
            break;
        }
        LLVMBasicBlockRef only = cd_only(t, slot, val);
        for (unsigned j = 0, ns = LLVMGetNumSuccessors(t); !F->oom && j < ns; j++) {
            LLVMBasicBlockRef sb = LLVMGetSuccessor(t, j);
            int arm = only && sb != only;
            for (size_t a = 0; a + 2 < arms->n && !arm; a += 3)
                arm = arms->v[a] == t && arms->v[a + 1] == LLVMBasicBlockAsValue(sb) &&
                      arms->v[a + 2] == (LLVMValueRef)(uintptr_t)(k + 1);
            if (!arm && !cd_push(&work, sb, slot, val))
                F->oom = 1;
        }
    }
    free(work.v);
    ptrcheck_ir_pmap_fini(&seen);
    return !F->oom && all;
}

/* The unlink_t summaries of F: for each branch on `n == p` (p a pointer parameter, n a node read
 * from a list), the arm where they are equal must be followed by a relinking store on every path
 * to a return, and every path from the entry to a return must take such an arm. */
static int compute_unlink(fn_t *F, int *changed)
{
    unlink_t got[MAX_UNLINK];
    size_t ng = 0;
    ptrcheck_ir_valvec_t arms = {0}; /* (branch, its "equal" successor, candidate + 1) triples */
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(F->fn); bb && !F->oom; bb = LLVMGetNextBasicBlock(bb)) {
        LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
        LLVMValueRef c = t && LLVMIsABranchInst(t) && LLVMIsConditional(t) ? LLVMGetCondition(t) : NULL;
        if (!c || !LLVMIsAICmpInst(c) || (LLVMGetICmpPredicate(c) != LLVMIntEQ && LLVMGetICmpPredicate(c) != LLVMIntNE))
            continue;
        for (unsigned side = 0; side < 2; side++) {
            LLVMValueRef p = canon(F, LLVMGetOperand(c, side));
            unlink_t r;
            if (!LLVMIsAArgument(p) || LLVMGetTypeKind(LLVMTypeOf(p)) != LLVMPointerTypeKind ||
                !list_of(F, LLVMGetOperand(c, 1 - side), &r))
                continue;
            r.node = param_index(F->fn, p);
            if (!r.global && r.list == r.node)
                continue;
            LLVMBasicBlockRef eq = LLVMGetSuccessor(t, LLVMGetICmpPredicate(c) == LLVMIntEQ ? 0 : 1);
            LLVMValueRef first = LLVMGetFirstInstruction(eq);
            F->kill_unlink = &r;
            int relinks = first && (kill_relink(F, NULL, first) || killed_on_all_paths(F, first, kill_relink, 0));
            F->kill_unlink = NULL;
            if (!relinks)
                continue;
            size_t k = 0;
            while (k < ng && (got[k].global != r.global || got[k].list != r.list || got[k].node != r.node))
                k++;
            if (k == ng && ng < MAX_UNLINK)
                got[ng++] = r;
            if (k < ng && (!ptrcheck_ir_valvec_push(&arms, t) || !ptrcheck_ir_valvec_push(&arms, LLVMBasicBlockAsValue(eq)) ||
                           !ptrcheck_ir_valvec_push(&arms, (LLVMValueRef)(uintptr_t)(k + 1))))
                F->oom = 1;
        }
    }
    /* every path from the entry to a return takes one of the candidate's arms */
    size_t w = 0;
    for (size_t k = 0; k < ng && !F->oom; k++)
        if (every_path_takes(F, &arms, k))
            got[w++] = got[k];
    ng = w;
    /* or it calls a function that removes its parameter from a list on every path (pop(e) calling
     * the search) */
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(F->fn); bb && !F->oom && ng < MAX_UNLINK; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in && ng < MAX_UNLINK; in = LLVMGetNextInstruction(in)) {
            LLVMValueRef callee = LLVMIsACallInst(in) ? ptrcheck_ir_called_function(in) : NULL;
            summary_t *cs = callee && callee != F->fn && !LLVMIsDeclaration(callee) ? summary_of(F->mod, callee) : NULL;
            unsigned nargs = cs ? (unsigned)LLVMGetNumArgOperands(in) : 0;
            for (size_t k = 0; cs && k < cs->nunl && ng < MAX_UNLINK; k++) {
                const unlink_t *u = &cs->unl[k];
                LLVMValueRef nv = u->node < nargs ? canon(F, LLVMGetOperand(in, u->node)) : NULL;
                long long off = 0;
                LLVMValueRef lb = u->global || u->list >= nargs ? NULL : addr_base(F, LLVMGetOperand(in, u->list), &off);
                if (!nv || !LLVMIsAArgument(nv) || (!u->global && (!lb || !LLVMIsAArgument(lb))))
                    continue;
                unlink_t r = {u->global, u->global ? 0 : param_index(F->fn, lb), param_index(F->fn, nv)};
                F->kill_unlink = &r;
                F->kill_val = nv;
                LLVMValueRef first = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(F->fn));
                int always = kill_unlink_call(F, NULL, first) || killed_on_all_paths(F, first, kill_unlink_call, 0);
                F->kill_unlink = NULL;
                F->kill_val = NULL;
                size_t j = 0;
                while (j < ng && (got[j].global != r.global || got[j].list != r.list || got[j].node != r.node))
                    j++;
                if (always && j == ng)
                    got[ng++] = r;
            }
        }
    free(arms.v);
    summary_t *s = F->sum;
    int same = ng == s->nunl;
    for (size_t k = 0; same && k < ng; k++)
        same = got[k].global == s->unl[k].global && got[k].list == s->unl[k].list && got[k].node == s->unl[k].node;
    if (!same && !F->oom) {
        memcpy(s->unl, got, ng * sizeof *got);
        s->nunl = ng;
        *changed = 1;
    }
    return !F->oom;
}

/* Does call `in` remove value v from the list hanging from `base` (a global, or a parameter of
 * this function whose memory holds the list)? */
static int unlinks_value(fn_t *F, LLVMValueRef in, LLVMValueRef base, LLVMValueRef v)
{
    LLVMValueRef callee = v && LLVMIsACallInst(in) ? ptrcheck_ir_called_function(in) : NULL;
    summary_t *cs = callee && !LLVMIsDeclaration(callee) ? summary_of(F->mod, callee) : NULL;
    unsigned nargs = cs ? (unsigned)LLVMGetNumArgOperands(in) : 0;
    for (size_t k = 0; cs && k < cs->nunl; k++) {
        const unlink_t *u = &cs->unl[k];
        long long off = 0;
        if (u->node >= nargs || (u->global ? u->global != base
                                           : u->list >= nargs || addr_base(F, LLVMGetOperand(in, u->list), &off) != base))
            continue;
        if (same_addr(F, LLVMGetOperand(in, u->node), v, 0))
            return 1;
    }
    return 0;
}

static const thread_api_t *thread_api_of(LLVMValueRef callee)
{
    fname_t n = fname_of(callee);
    for (size_t i = 0; n.s && i < sizeof thread_apis / sizeof thread_apis[0]; i++)
        if (fname_eq(n, thread_apis[i].name))
            return &thread_apis[i];
    return NULL;
}

/* NULL only when out of memory. */
static const callee_t *callee_of(mod_t *M, LLVMValueRef callee)
{
    void **slot = ptrcheck_ir_pmap_slot(&M->callees, callee);
    if (!slot)
        return NULL;
    if (!*slot) {
        callee_t *ce = ptrcheck_arena_alloc(M->arena, sizeof *ce);
        char cn[512];
        if (!ce)
            return NULL;
        ce->is = (is_heap_alloc(callee) ? CE_ALLOC : 0) | (is_heap_free(callee) ? CE_FREE : 0) |
                 (returns_arg0(callee) ? CE_RET_ARG0 : 0);
        ce->api = thread_api_of(callee);
        ce->display = ptrcheck_engine_intern(M->e, ptrcheck_ir_display_name(M->e, callee, cn, sizeof cn));
        if (!ce->display)
            return NULL;
        *slot = ce;
    }
    return *slot;
}

/* Is `in` a join of the thread `origin` (a thread-creating call) started? */
static int joins(fn_t *F, LLVMValueRef origin, LLVMValueRef in, int loose)
{
    const thread_api_t *api = thread_api_of(ptrcheck_ir_called_function(origin));
    LLVMValueRef callee = ptrcheck_ir_called_function(in);
    if (!api || !api->join || !callee || !name_is(callee, api->join) || LLVMGetNumArgOperands(in) < 1)
        return 0;
    LLVMValueRef h = LLVMGetOperand(in, 0);
    if (api->handle == -1)
        return canon(F, h) == origin;
    LLVMValueRef where = LLVMGetOperand(origin, (unsigned)api->handle);
    h = ptrcheck_ir_strip_casts(h);
    if (!LLVMIsALoadInst(h))
        return 0;
    if (same_addr(F, LLVMGetOperand(h, 0), where, 0))
        return 1;
    /* threads in an array: a join of the same array */
    return loose && ptrcheck_ir_strip(canon(F, LLVMGetOperand(h, 0))) == ptrcheck_ir_strip(canon(F, where));
}

static int kill_join(fn_t *F, LLVMValueRef origin, LLVMValueRef in) { return joins(F, origin, in, 0); }

/* Handshakes: the creator waits until the thread signals it is done with its argument. */
static const char *const sem_waits[] = {"sem_wait", "pthread_barrier_wait", "uv_sem_wait", "uv_barrier_wait",
                                        "g_cond_wait", "pthread_cond_wait", "pthread_cond_timedwait",
                                        "cnd_wait", "uv_cond_wait", "g_cond_wait_until"};

static int is_wait(LLVMValueRef callee, int *condvar)
{
    int i = fname_in(fname_of(callee), sem_waits, sizeof sem_waits / sizeof sem_waits[0]);
    if (i < 0)
        return 0;
    *condvar = i >= 4;
    return 1;
}

/* Is memory at address v (a local) the thread argument's object or reachable from it? */
static int reachable_from_arg(fn_t *F, LLVMValueRef origin, LLVMValueRef v)
{
    const thread_api_t *api = thread_api_of(ptrcheck_ir_called_function(origin));
    long long off = 0;
    if (!api || api->arg >= (unsigned)LLVMGetNumArgOperands(origin))
        return 0;
    LLVMValueRef a = addr_base(F, LLVMGetOperand(origin, api->arg), &off);
    LLVMValueRef w = addr_base(F, v, &off);
    if (!LLVMIsAAllocaInst(a) || !LLVMIsAAllocaInst(w))
        return 0;
    if (a == w)
        return 1;
    void *ia = NULL, *iw = NULL;
    if (!ptrcheck_ir_pmap_get(&F->obj_of, a, &ia) || !ptrcheck_ir_pmap_get(&F->obj_of, w, &iw) || !ia || !iw)
        return 0;
    uint32_t ra = (uint32_t)(uintptr_t)ia - 1, rw = (uint32_t)(uintptr_t)iw - 1;
    for (size_t j = 0; j < F->nobjs; j++) {
        if (j != ra && F->objs[j].base != ra + 1)
            continue;
        const eset_t *c = &F->objs[j].contents;
        for (uint32_t i = 0; i < c->n; i++) {
            uint32_t id = EL_OBJ(c->v[i]);
            if (id == rw || F->objs[id].base == rw + 1)
                return 1;
        }
    }
    return 0;
}

/* A wait on a semaphore, barrier or condition variable reachable from the thread's argument; with
 * a condition variable also the read of the state it guards (`while (!a.done) cond_wait(...)`). */
/* The argument of call `in` that it waits on (a wait, or a function whose summary waits on that
 * parameter on every path), from argument `from` on; -1 when none. */
static int waited_arg(fn_t *F, LLVMValueRef in, unsigned from, int *condvar)
{
    LLVMValueRef callee = LLVMIsACallInst(in) ? ptrcheck_ir_called_function(in) : NULL;
    unsigned nargs = callee ? (unsigned)LLVMGetNumArgOperands(in) : 0;
    *condvar = 0;
    if (!nargs)
        return -1;
    if (is_wait(callee, condvar))
        return from == 0 ? 0 : -1;
    summary_t *cs = !LLVMIsDeclaration(callee) ? summary_of(F->mod, callee) : NULL;
    for (unsigned j = from; cs && j < nargs && j < cs->nparams; j++)
        if (cs->waits[j])
            return (int)j;
    return -1;
}

static int kill_handshake(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    int condvar = 0;
    if (LLVMIsALoadInst(in))
        return F->kill_base && reachable_from_arg(F, origin, LLVMGetOperand(in, 0));
    for (int j = waited_arg(F, in, 0, &condvar); j >= 0; j = waited_arg(F, in, (unsigned)j + 1, &condvar))
        if (reachable_from_arg(F, origin, LLVMGetOperand(in, (unsigned)j)))
            return 1;
    return 0;
}

/* A wait on the memory parameter F->kill_base points to: for the waits summary. */
static int kill_wait_param(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    int condvar = 0;
    (void)origin;
    for (int j = waited_arg(F, in, 0, &condvar); j >= 0; j = waited_arg(F, in, (unsigned)j + 1, &condvar)) {
        long long off = 0;
        if (!condvar && addr_base(F, LLVMGetOperand(in, (unsigned)j), &off) == F->kill_base)
            return 1;
    }
    return 0;
}

/* The waits summary: parameters whose semaphore or barrier F waits on before every return. */
static int compute_waits(fn_t *F, int *changed)
{
    LLVMValueRef first = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(F->fn));
    for (unsigned i = 0; first && i < F->sum->nparams && !F->oom; i++) {
        if (F->sum->waits[i] || LLVMGetTypeKind(LLVMTypeOf(LLVMGetParam(F->fn, i))) != LLVMPointerTypeKind)
            continue;
        F->kill_base = LLVMGetParam(F->fn, i);
        if (kill_wait_param(F, NULL, first) || killed_on_all_paths(F, first, kill_wait_param, 0)) {
            F->sum->waits[i] = 1;
            *changed = 1;
        }
        F->kill_base = NULL;
    }
    return !F->oom;
}

static int thread_handshake(fn_t *F, LLVMValueRef call)
{
    int condvar = 0, any = 0;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(F->fn); bb && !condvar; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
            int cv = 0;
            for (int j = waited_arg(F, in, 0, &cv); j >= 0; j = waited_arg(F, in, (unsigned)j + 1, &cv))
                if (reachable_from_arg(F, call, LLVMGetOperand(in, (unsigned)j))) {
                    any = 1;
                    if (cv)
                        condvar = 1;
                }
        }
    if (!any)
        return 0;
    F->kill_base = condvar ? call : NULL; /* flag: reads of the guarded state count */
    int r = killed_on_all_paths(F, call, kill_handshake, 1);
    F->kill_base = NULL;
    /* threads created in a loop into an array, the waits in a loop after it (as for joins) */
    const thread_api_t *api = thread_api_of(ptrcheck_ir_called_function(call));
    if (!r && api && api->handle >= 0) {
        LLVMValueRef where = LLVMGetOperand(call, (unsigned)api->handle);
        r = ptrcheck_ir_strip(where) != ptrcheck_ir_strip_casts(where);
    }
    return r;
}

/* Joined before every return?  Threads kept in an array (created and joined in loops) count as
 * joined when a join of the same array is reachable from the create. */
static int thread_joined(fn_t *F, LLVMValueRef call, const thread_api_t *api)
{
    if (thread_handshake(F, call))
        return 1;
    if (!api->join)
        return 0;
    if (killed_on_all_paths(F, call, kill_join, api->handle >= 0))
        return 1;
    if (api->handle < 0)
        return 0;
    LLVMValueRef where = LLVMGetOperand(call, (unsigned)api->handle);
    if (ptrcheck_ir_strip(where) == ptrcheck_ir_strip_casts(where))
        return 0; /* a single handle: it had to be joined on every path */
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(F->fn); bb; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in))
            if (joins(F, call, in, 1))
                return 1;
    return 0;
}

/* ------------------------------------------------------------------ store sites */

/* Stores into memory that is not a local of this function, in layout order, against the AST's
 * STORE sites (assignments whose left-hand side is not a local), by ordinal when the counts agree. */
static int map_store_sites(fn_t *F)
{
    const ptrcheck_fn_sites_t *fs =
        ptrcheck_sites_available(F->mod->e) ? ptrcheck_sites_lookup(F->mod->e, ptrcheck_ir_fn_symbol(F->f)) : NULL;
    size_t n = fs ? ptrcheck_sites_count(fs, PTRCHECK_SITE_STORE) : 0;
    if (!n)
        return 1;
    ptrcheck_ir_valvec_t st = {0};
    int ok = 1;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(F->fn); bb && ok; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in && ok; in = LLVMGetNextInstruction(in)) {
            if (!LLVMIsAStoreInst(in))
                continue;
            LLVMValueRef base = ptrcheck_ir_strip(LLVMGetOperand(in, 1));
            if (LLVMIsAAllocaInst(base))
                continue;
            if (LLVMIsAArgument(base)) {
                unsigned i = param_index(F->fn, base);
                if (has_attr(F->fn, i + 1, "sret") || has_attr(F->fn, i + 1, "byval"))
                    continue;
            }
            ok = ptrcheck_ir_valvec_push(&st, in);
        }
    if (ok && st.n == n)
        for (size_t k = 0; k < n && ok; k++) {
            void **slot = ptrcheck_ir_pmap_slot(&F->store_site, st.v[k]);
            if (!slot)
                ok = 0;
            else
                *slot = (void *)ptrcheck_sites_get(fs, PTRCHECK_SITE_STORE, k);
        }
    free(st.v);
    return ok;
}

static ptrcheck_loc_t inst_loc(fn_t *F, LLVMValueRef in, int *exact)
{
    void *s = NULL;
    if (LLVMIsAStoreInst(in) && ptrcheck_ir_pmap_get(&F->store_site, in, &s) && s) {
        if (exact)
            *exact = 1;
        return ((const ptrcheck_site_t *)s)->loc;
    }
    return ptrcheck_ir_fn_loc(F->f, in, exact);
}

/* ------------------------------------------------------------------ naming */

static int is_param_spill(LLVMValueRef a)
{
    for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 1) == a && LLVMIsAArgument(LLVMGetOperand(user, 0)))
            return 1;
    }
    return 0;
}

static ptrcheck_loc_t el_decl_loc(fn_t *F, uint32_t el)
{
    obj_t *o = &F->objs[EL_OBJ(el)];
    if (LLVMIsAInstruction(o->v))
        return ptrcheck_ir_fn_loc(F->f, o->v, NULL);
    return ptrcheck_ir_fn_loc(F->f, NULL, NULL);
}

/* A route being built (on the stack; kept with route_keep) with the buffers its strings live in. */
typedef struct target_s {
    ptrcheck_escape_route_t r;
    char place[512], gname[256];
} target_t;

/* Where a store puts a value: into global 'g', into the memory parameter 'out' points to ... */
static const ptrcheck_escape_route_t *describe_target(fn_t *F, uint32_t target, LLVMValueRef ptr, target_t *t)
{
    obj_t *o = &F->objs[target];
    ptrcheck_escape_route_t *r = &t->r;
    memset(r, 0, sizeof *r);
    ptrcheck_ir_describe_place(F->mod->e, F->f, ptr, t->place, sizeof t->place);
    r->kind = PTRCHECK_ROUTE_INTO;
    r->place = t->place;
    switch (o->kind) {
    case O_GLOBR:
        r->kind = PTRCHECK_ROUTE_GLOBAL_REACH;
        r->name = ptrcheck_ir_global_name(F->mod->e, o->v, t->gname, sizeof t->gname);
        if (strcmp(t->place, "memory") == 0)
            r->place = NULL;
        break;
    case O_ARG:
    case O_ARGR:
        r->name = ptrcheck_ir_fn_param_name(F->f, o->idx);
        r->index = o->idx;
        if (o->kind == O_ARG && (strncmp(t->place, "memory pointed to by", 20) == 0 || strcmp(t->place, "memory") == 0 ||
                                 strncmp(t->place, "the memory parameter", 20) == 0)) {
            r->kind = PTRCHECK_ROUTE_PARAM_MEMORY;
            r->place = NULL;
        } else if (o->kind == O_ARG) {
            r->kind = PTRCHECK_ROUTE_PARAM_PLACE;
        } else {
            r->kind = PTRCHECK_ROUTE_PARAM_REACH;
            r->place = NULL;
        }
        break;
    case O_RET:
        r->kind = PTRCHECK_ROUTE_RETURN_VALUE;
        r->place = NULL;
        r->fn = ptrcheck_ir_fn_name(F->f);
        break;
    default:
        break;
    }
    return r;
}

/* With opaque pointers a store to the first field of a global struct (`g_list.head = ...`) addresses
 * the global itself (the zero GEP is folded away); name the field as typed pointers would. */
static void first_field_place(fn_t *F, LLVMValueRef store, target_t *tg)
{
    LLVMValueRef g = ptrcheck_ir_strip_casts(LLVMGetOperand(store, 1));
    if (!LLVMIsAGlobalVariable(g))
        return;
    LLVMTypeRef stored = LLVMTypeOf(LLVMGetOperand(store, 0));
    LLVMTypeRef t = LLVMGlobalGetValueType(g), last = NULL;
    for (unsigned guard = 0; t && guard < 16 && t != stored && LLVMGetTypeKind(t) == LLVMStructTypeKind &&
                             LLVMCountStructElementTypes(t) > 0;
         guard++) {
        last = t;
        t = LLVMStructGetTypeAtIndex(t, 0);
    }
    char rec[256];
    if (!last || t != stored || !ptrcheck_ir_record_name(last, rec, sizeof rec))
        return;
    const char *field = ptrcheck_sites_field_name(F->mod->e, rec, 0);
    if (!field)
        return;
    ptrcheck_ir_describe_field(field, rec, 0, tg->place, sizeof tg->place);
    tg->r.kind = PTRCHECK_ROUTE_INTO;
    tg->r.place = tg->place;
}

/* A copy of route r in the result's arena, its strings interned (NULL when out of memory). */
static ptrcheck_escape_route_t *route_keep(mod_t *M, const ptrcheck_escape_route_t *r)
{
    ptrcheck_escape_route_t *k = ptrcheck_arena_alloc(M->arena, sizeof *k);
    if (!k)
        return NULL;
    *k = *r;
#define KEEP(s_)                                                                                                       \
    if (r->s_ && !(k->s_ = ptrcheck_engine_intern(M->e, r->s_)))                                                       \
        return NULL;
    KEEP(place)
    KEEP(name)
    KEEP(fn)
    KEEP(callee)
#undef KEEP
    if (r->inner && !(k->inner = route_keep(M, r->inner)))
        return NULL;
    return k;
}

/* ------------------------------------------------------------------ reporting */

/* The escapes being collected (the last pass over the module, after the summaries). */
typedef struct result_s {
    ptrcheck_escape_result_t pub;
    ptrcheck_escape_t *v;
    size_t n, cap;
    ptrcheck_arena_t arena; /* the steps */
} result_t;

static ptrcheck_loc_t report_loc(fn_t *F, LLVMValueRef in, uint32_t el)
{
    int exact = 0;
    ptrcheck_loc_t loc = inst_loc(F, in, &exact);
    if (!exact && LLVMIsAStoreInst(in) && LLVMIsAArgument(ptrcheck_ir_strip(LLVMGetOperand(in, 1)))) {
        /* a store into the sret return slot: report it at the return */
        for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(F->fn); bb && !exact; bb = LLVMGetNextBasicBlock(bb)) {
            LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
            if (t && LLVMGetInstructionOpcode(t) == LLVMRet)
                loc = inst_loc(F, t, &exact);
        }
    }
    if (!exact) {
        int dexact = 0;
        obj_t *o = &F->objs[EL_OBJ(el)];
        ptrcheck_loc_t d = LLVMIsAInstruction(o->v) ? ptrcheck_ir_fn_loc(F->f, o->v, &dexact) : loc;
        if (dexact)
            loc = d;
    }
    return loc;
}

/* The source name of the object of element el (NULL when unknown). */
static const char *el_name(fn_t *F, uint32_t el)
{
    obj_t *o = &F->objs[EL_OBJ(el)];
    if (o->kind == O_ARG)
        return ptrcheck_ir_fn_param_name(F->f, o->idx);
    if (LLVMIsAArgument(o->v))
        return ptrcheck_ir_fn_param_name(F->f, param_index(F->fn, o->v));
    return ptrcheck_ir_fn_local_name(F->f, o->v);
}

/* The steps of the chain of summarised callees from the call to callee passing it as argument
 * param (two passes: count, then fill). */
static int chain_steps(fn_t *F, result_t *R, LLVMValueRef callee, unsigned param, ptrcheck_escape_t *x)
{
    ptrcheck_escape_step_t *steps = NULL;
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        LLVMValueRef c = callee;
        unsigned k = param;
        n = 0;
        for (unsigned depth = 0; c && depth < 16; depth++) {
            summary_t *cs = summary_of(F->mod, c);
            if (!cs || k >= cs->nparams || !cs->esc[k].escapes)
                break;
            esc_info_t *ei = &cs->esc[k];
            if (ei->how && steps)
                steps[n] = ei->step;
            n += ei->how != NULL;
            c = ei->next;
            k = ei->next_param;
        }
        if (!n)
            return 1;
        if (!steps && !(steps = ptrcheck_arena_alloc(&R->arena, n * sizeof *steps)))
            return 0;
    }
    x->steps = steps;
    x->nsteps = n;
    return 1;
}

static int into_steps(fn_t *F, result_t *R, const into_t *e, ptrcheck_escape_t *x);

static int kill_nothing(fn_t *F, LLVMValueRef origin, LLVMValueRef in)
{
    (void)F;
    (void)origin;
    (void)in;
    return 0;
}

/* Does some path from `in` reach a return of F?  When every path ends in exit(), abort() or
 * another noreturn call, F's frame is never released and its locals outlive whatever received
 * them (`start_threads(&db); exit(0);`); the escapes judged inline already see this. */
static int frame_ends_after(fn_t *F, LLVMValueRef in)
{
    return LLVMIsAReturnInst(in) || !killed_on_all_paths(F, in, kill_nothing, 0);
}

/* Records element el escaping at instruction `in` by route `how`,
 * through the chain from chain_callee's parameter chain_param, into the heap object heap_at. */
static void record(fn_t *F, result_t *R, ptrcheck_escape_kind_t kind, LLVMValueRef in, uint32_t el,
                   const ptrcheck_escape_route_t *how,
                   LLVMValueRef chain_callee, unsigned chain_param, LLVMValueRef heap_at)
{
    obj_t *o = &F->objs[EL_OBJ(el)];
    ptrcheck_engine_t *e = F->mod->e;
    ptrcheck_escape_t x;
    if (o->kind == O_STACK && !frame_ends_after(F, in))
        return;
    const char *nm = el_name(F, el);
    memset(&x, 0, sizeof x);
    x.kind = kind;
    if (o->kind == O_ARG) {
        x.object = PTRCHECK_ESCAPE_OBJ_BORROWED;
        x.param = o->idx;
    } else if (LLVMIsAArgument(o->v)) {
        x.object = PTRCHECK_ESCAPE_OBJ_PARAM;
    } else {
        x.object = PTRCHECK_ESCAPE_OBJ_LOCAL;
        x.spill = is_param_spill(o->v);
    }
    x.name = nm ? ptrcheck_engine_intern(e, nm) : NULL;
    x.as_int = EL_INT(el) != 0;
    x.fn = F->fn;
    x.inst = in;
    x.value = o->v;
    const char *fnm = ptrcheck_ir_fn_name(F->f);
    x.fn_name = ptrcheck_engine_intern(e, fnm);
    x.loc = report_loc(F, in, el);
    x.decl_loc = el_decl_loc(F, el);
    x.route = how ? route_keep(F->mod, how) : NULL;
    if (heap_at) {
        x.has_heap = 1;
        x.heap_loc = inst_loc(F, heap_at, NULL);
    }
    if (F->only_if_null) {
        x.only_if_null = 1;
        x.restore_loc = inst_loc(F, F->only_if_null, NULL);
    }
    if ((nm && !x.name) || (fnm && !x.fn_name) || (how && !x.route) ||
        (chain_callee && !chain_steps(F, R, chain_callee, chain_param, &x)) ||
        (!chain_callee && F->into_edge && !into_steps(F, R, F->into_edge, &x))) {
        F->oom = 1;
        return;
    }
    if (R->n == R->cap) {
        size_t ncap = R->cap ? R->cap * 2 : 16;
        ptrcheck_escape_t *nv = realloc(R->v, ncap * sizeof *nv);
        if (!nv) {
            F->oom = 1;
            return;
        }
        R->v = nv;
        R->cap = ncap;
    }
    R->v[R->n++] = x;
}

/* ---- guards: escapes a call's constant arguments make unreachable */

typedef struct guard_s {
    unsigned param;
    LLVMIntPredicate pred;
    LLVMValueRef c;
    int want;
} guard_t;

static LLVMIntPredicate swap_pred(LLVMIntPredicate p)
{
    switch (p) {
    case LLVMIntUGT: return LLVMIntULT;
    case LLVMIntULT: return LLVMIntUGT;
    case LLVMIntUGE: return LLVMIntULE;
    case LLVMIntULE: return LLVMIntUGE;
    case LLVMIntSGT: return LLVMIntSLT;
    case LLVMIntSLT: return LLVMIntSGT;
    case LLVMIntSGE: return LLVMIntSLE;
    case LLVMIntSLE: return LLVMIntSGE;
    default: return p;
    }
}

/* A branch condition on one parameter and a constant (`if (keep)`, `if (mode == 2)`, `if (!p)`). */
static int param_cond(fn_t *F, LLVMValueRef c, guard_t *g)
{
    LLVMValueRef a = NULL, k = NULL;
    LLVMIntPredicate pred = LLVMIntNE;
    if (LLVMIsAICmpInst(c)) {
        a = LLVMGetOperand(c, 0);
        k = LLVMGetOperand(c, 1);
        pred = LLVMGetICmpPredicate(c);
        if (LLVMIsAConstant(a) && !LLVMIsAConstant(k)) {
            LLVMValueRef t = a;
            a = k;
            k = t;
            pred = swap_pred(pred);
        }
    } else if (LLVMIsATruncInst(c)) { /* a _Bool parameter: trunc i8 to i1 */
        a = c;
        k = LLVMConstNull(LLVMTypeOf(c));
    }
    if (!a || !k || (!LLVMIsAConstantInt(k) && !LLVMIsAConstantPointerNull(k)))
        return 0;
    a = value_root(F, a);
    if (!LLVMIsAArgument(a))
        return 0;
    g->param = param_index(F->fn, a);
    g->pred = pred;
    g->c = k;
    return 1;
}

static int param_guard_step(fn_t *F, LLVMValueRef term, void *g)
{
    return LLVMIsABranchInst(term) && LLVMIsConditional(term) && LLVMGetSuccessor(term, 0) != LLVMGetSuccessor(term, 1) &&
           param_cond(F, LLVMGetCondition(term), g);
}

/* The condition on a parameter under which `in` runs: the nearest conditional branch on the chain
 * of single predecessors above it. */
static int guard_of(fn_t *F, LLVMValueRef in, guard_t *g)
{
    int on_first = 0;
    if (!guarding_branch(F, in, 32, param_guard_step, g, &on_first))
        return 0;
    g->want = on_first;
    return 1;
}

/* Does this call's constant argument make the callee's guard on parameter escape false? */
static int guard_false(LLVMValueRef call, const esc_info_t *ei)
{
    int r = 0;
    if (ei->gstate != 1 || ei->gparam >= (unsigned)LLVMGetNumArgOperands(call))
        return 0;
    return eval_icmp(ei->gpred, LLVMGetOperand(call, ei->gparam), ei->gconst, &r) && r != ei->gwant;
}

/* Records that parameter value element el escapes (for the summary) */
/* A step of a callee's path for its callers' notes: at `in`, parameter `param` is passed on to
 * `next`, or (next NULL) escapes by the kept route `route`.  0 only when out of memory. */
static int make_step(fn_t *F, ptrcheck_escape_step_t *st, LLVMValueRef in, unsigned param, LLVMValueRef next,
                     const ptrcheck_escape_route_t *route)
{
    const char *pn = ptrcheck_ir_fn_param_name(F->f, param);
    const callee_t *ce = next ? callee_of(F->mod, next) : NULL;
    st->loc = inst_loc(F, in, NULL);
    st->fn = ptrcheck_engine_intern(F->mod->e, ptrcheck_ir_fn_name(F->f));
    st->param = pn ? ptrcheck_engine_intern(F->mod->e, pn) : NULL;
    st->param_index = param;
    st->next = ce ? ce->display : NULL;
    st->route = route;
    return st->fn && (!pn || st->param) && (!next || ce);
}

static void note_param_escape(fn_t *F, uint32_t el, LLVMValueRef in, LLVMValueRef val,
                              const ptrcheck_escape_route_t *how, LLVMValueRef next, unsigned next_param,
                              int *changed)
{
    obj_t *o = &F->objs[EL_OBJ(el)];
    if (o->kind != O_ARG)
        return;
    esc_info_t *ei = &F->sum->esc[o->idx];
    LLVMValueRef g = NULL;
    if (next) {
        summary_t *ns = summary_of(F->mod, next);
        if (ns && next_param < ns->nparams && !ns->esc[next_param].mixed)
            g = ns->esc[next_param].global;
    } else if (in && LLVMIsAStoreInst(in)) {
        LLVMValueRef base = ptrcheck_ir_strip(LLVMGetOperand(in, 1));
        if (base && LLVMIsAGlobalVariable(base))
            g = base;
    }
    guard_t gd = {0};
    int guarded = guard_of(F, in, &gd) && gd.param != o->idx;
    int ne = ne_guard_of(F, val, el);
    summary_t *nsum = next && LLVMIsACallInst(in) ? summary_of(F->mod, next) : NULL;
    if (ne <= 0 && nsum && next_param < nsum->nparams && nsum->esc[next_param].nestate == 1 &&
        nsum->esc[next_param].neparam < (unsigned)LLVMGetNumArgOperands(in)) {
        /* the callee keeps it only where it is not its argument neparam: one of our parameters? */
        LLVMValueRef y = canon(F, LLVMGetOperand(in, nsum->esc[next_param].neparam));
        if (LLVMIsAArgument(y) && param_index(F->fn, y) != o->idx)
            ne = (int)param_index(F->fn, y) + 1;
    }
    if (!ei->escapes || ei->nestate == 0) {
        ei->nestate = ne > 0 ? 1 : 2;
        ei->neparam = ne > 0 ? (unsigned)ne - 1 : 0;
    } else if (ei->nestate == 1 && (ne <= 0 || (unsigned)ne - 1 != ei->neparam)) {
        ei->nestate = 2;
        *changed = 1;
    }
    if (!ei->escapes) {
        ei->escapes = 1;
        *changed = 1;
        ei->gstate = guarded ? 1 : 2;
        if (guarded) {
            ei->gparam = gd.param;
            ei->gpred = gd.pred;
            ei->gconst = gd.c;
            ei->gwant = gd.want;
        }
    } else if (ei->gstate == 1 && (!guarded || gd.param != ei->gparam || gd.pred != ei->gpred || gd.c != ei->gconst ||
                                   gd.want != ei->gwant)) {
        ei->gstate = 2;
        *changed = 1;
    }
    if (ei->how && ei->global != g && !ei->mixed) {
        ei->mixed = 1;
        *changed = 1;
    }
    if (!ei->how) {
        ei->global = g;
        ei->how = route_keep(F->mod, how);
        if (!ei->how || !make_step(F, &ei->step, in, o->idx, next, next ? NULL : ei->how)) {
            ei->how = NULL;
            F->oom = 1;
            return;
        }
        ei->loc = ei->step.loc;
        ei->next = next;
        ei->next_param = next_param;
    }
}

/* The step of a new edge of this function's summary (summary_add_into), for its callers' notes:
 * the store, or the call that passes both parameters on.  0 only when out of memory. */
static int into_describe(fn_t *F, into_t *e, const into_why_t *why)
{
    const ptrcheck_escape_route_t *route = NULL;
    if (!why->next && why->how && !(route = route_keep(F->mod, why->how)))
        return 0;
    if (!make_step(F, &e->step, why->in, e->src, why->next, route))
        return 0;
    e->next = why->next;
    e->next_dst = (unsigned short)why->next_dst;
    e->next_src = (unsigned short)why->next_src;
    e->has_step = why->next || why->how;
    return 1;
}

/* The steps of a callee's into edge `e` and of the edges it passes on to, outermost first, in R's
 * arena (x->steps); none when one of them is not described. */
static int into_steps(fn_t *F, result_t *R, const into_t *e, ptrcheck_escape_t *x)
{
    ptrcheck_escape_step_t *steps = NULL;
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        const into_t *cur = e;
        n = 0;
        for (unsigned depth = 0; cur && depth < 16; depth++) {
            if (!cur->has_step)
                return 1;
            if (steps)
                steps[n] = cur->step;
            n++;
            if (!cur->next)
                break;
            summary_t *cs = summary_of(F->mod, cur->next);
            const into_t *nx = NULL;
            for (size_t k = 0; cs && k < cs->ninto && !nx; k++)
                if (cs->into[k].dst == cur->next_dst && cs->into[k].src == cur->next_src && !cs->into[k].reach)
                    nx = &cs->into[k];
            if (!nx)
                return 1;
            cur = nx;
        }
        if (!steps && !(steps = ptrcheck_arena_alloc(&R->arena, n * sizeof *steps)))
            return 0;
    }
    x->steps = steps;
    x->nsteps = n;
    return 1;
}

/* One sink: elements `els` leave the frame at `in` by route `kind` (`how`: where they go);
 * with R they are recorded (a borrowed parameter's value only when it is borrowed). */
static void sink(fn_t *F, result_t *R, ptrcheck_escape_kind_t kind, LLVMValueRef in, const eset_t *els,
                 const ptrcheck_escape_route_t *how, const ptrcheck_escape_route_t *root_how,
                 LLVMValueRef chain_callee, unsigned chain_param,
                 LLVMValueRef heap_at, int *changed)
{
    int is_return = kind == PTRCHECK_ESCAPE_RETURNED;
    if (!els)
        return;
    /* the value that leaves, for the equality guards of parameters (ne_guard_of) */
    LLVMValueRef val = NULL;
    if ((is_return || kind == PTRCHECK_ESCAPE_STORED_GLOBAL || kind == PTRCHECK_ESCAPE_STORED_PARAM) &&
        (LLVMIsAStoreInst(in) || LLVMIsAReturnInst(in)) && LLVMGetNumOperands(in) >= 1)
        val = LLVMGetOperand(in, 0);
    else if ((kind == PTRCHECK_ESCAPE_VIA_CALL || kind == PTRCHECK_ESCAPE_THREAD || kind == PTRCHECK_ESCAPE_RETAINED) &&
             LLVMIsACallInst(in) && chain_param < (unsigned)LLVMGetNumArgOperands(in))
        val = LLVMGetOperand(in, chain_param);
    for (uint32_t i = 0; i < els->n; i++) {
        uint32_t el = els->v[i];
        obj_t *o = &F->objs[EL_OBJ(el)];
        if (o->kind == O_ARG) {
            if (is_return) {
                if (!F->sum->ret[o->idx]) {
                    F->sum->ret[o->idx] = 1;
                    *changed = 1;
                }
                int ne = F->sum->retne[o->idx] == -1 ? -1 : ne_guard_of(F, val, el);
                if (F->sum->retne[o->idx] != ne && F->sum->retne[o->idx] != -1) {
                    F->sum->retne[o->idx] = F->sum->retne[o->idx] == 0 ? ne : -1;
                    *changed = 1;
                }
                continue;
            }
            note_param_escape(F, el, in, val, root_how ? root_how : how, chain_callee, chain_param, changed);
            if (R && F->sum->borrowed[o->idx])
                record(F, R, kind, in, el, how, chain_callee, chain_param, heap_at);
            continue;
        }
        if (o->kind == O_ARGR && is_return) {
            if (!F->sum->retr[o->idx]) {
                F->sum->retr[o->idx] = 1;
                *changed = 1;
            }
            continue;
        }
        if (o->kind == O_STACK && R)
            record(F, R, kind, in, el, how, chain_callee, chain_param, heap_at);
    }
}


/* ---- heap objects that escape */

typedef struct heapesc_s {
    ptrcheck_ir_pmap_t why; /* heap obj id + 1 -> its fate (a kept PTRCHECK_ROUTE_HEAP_* route) */
} heapesc_t;

static int heap_mark(fn_t *F, heapesc_t *H, const eset_t *els, const ptrcheck_escape_route_t *why, int *grew)
{
    for (uint32_t i = 0; els && i < els->n; i++) {
        uint32_t id = EL_OBJ(els->v[i]);
        if (F->objs[id].kind != O_HEAP)
            continue;
        void **slot = ptrcheck_ir_pmap_slot(&H->why, (void *)(uintptr_t)(id + 1));
        if (!slot)
            return 0;
        if (!*slot) {
            ptrcheck_escape_route_t *kept = route_keep(F->mod, why);
            if (!kept)
                return 0;
            *slot = kept;
            *grew = 1;
        }
    }
    return 1;
}

/* ------------------------------------------------------------------ the sink walk */

static int is_retaining(fn_t *F, LLVMValueRef callee, unsigned argi)
{
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(F->mod->e);
    char nm[512];
    value_name(callee, nm, sizeof nm);
    for (size_t i = 0; i < cfg->nretaining_functions; i++)
        if (cfg->retaining_functions[i].arg == argi + 1 && ptrcheck_glob_match(cfg->retaining_functions[i].name, nm))
            return 1;
    return 0;
}

/* A call whose callee stores its parameter e->src (here the argument with elements `as`) into the
 * memory its parameter e->dst points to.  Judged with what that argument is at this call: a local of
 * this frame or heap memory keeps nothing beyond this frame (the caller's frame outlives the
 * callee's; class "same-frame destination"); this function's own parameter memory becomes an edge of
 * this function's summary and, for this function's locals, a finding unless a later store or call
 * undoes it on every path; a global is a finding unless cleared on every path. */
static int call_into(fn_t *F, result_t *R, heapesc_t *H, LLVMValueRef in, const eset_t *as, const into_t *e,
                     const char *cn, int *grew, int *changed)
{
    eset_t tmp = {0}, keep = {0};
    target_t tg;
    ptrcheck_escape_route_t how = {.kind = PTRCHECK_ROUTE_VIA_CALL}, hw = {.kind = PTRCHECK_ROUTE_HEAP_PASSED};
    int ok = 1, done = 0;
    LLVMValueRef darg = LLVMGetOperand(in, e->dst);
    const eset_t *ds = pts_get(F, darg, &tmp);
    for (uint32_t t = 0; ok && ds && t < ds->n; t++) {
        uint32_t tid = EL_OBJ(ds->v[t]);
        obj_t *to = &F->objs[tid];
        if (!is_root(to->kind) || to->kind == O_RET)
            continue;
        int isarg = to->kind == O_ARG || to->kind == O_ARGR;
        int reach = e->reach || to->kind == O_ARGR;
        long long off = OFF_UNKNOWN;
        if (to->kind == O_ARG && !reach && e->off != OFF_UNKNOWN) {
            long long o1 = 0;
            if (addr_base(F, darg, &o1) == LLVMGetParam(F->fn, to->idx) && o1 != OFF_UNKNOWN)
                off = o1 + e->off;
        }
        if (isarg) {
            for (uint32_t i = 0; ok && i < as->n; i++) {
                obj_t *vo = &F->objs[EL_OBJ(as->v[i])];
                if (vo->kind == O_ARG && vo->idx != to->idx) {
                    into_why_t why = {.in = in, .next = ptrcheck_ir_called_function(in), .next_dst = e->dst,
                                      .next_src = e->src};
                    ok = summary_add_into(F, F->sum, to->idx, vo->idx, reach, off, &why, changed);
                }
            }
            if (reach)
                continue; /* memory reached through a loaded pointer: not a reported destination */
        }
        int forgiven;
        if (done)
            continue;
        if (isarg) {
            F->kill_base = LLVMGetParam(F->fn, to->idx);
            F->kill_off = off;
            F->kill_val = LLVMGetOperand(in, e->src);
            forgiven = killed_on_all_paths(F, in, kill_place, 0);
            F->kill_base = NULL;
            F->kill_val = NULL;
        } else {
            F->kill_global = to->v;
            F->kill_val = LLVMGetOperand(in, e->src);
            forgiven = killed_on_all_paths(F, in, kill_global_store, 0);
            F->kill_global = NULL;
            F->kill_val = NULL;
        }
        if (forgiven)
            continue;
        how.inner = describe_target(F, tid, darg, &tg);
        how.callee = cn;
        keep.n = 0;
        int heap = 0;
        for (uint32_t i = 0; ok && i < as->n; i++) {
            uint32_t el = as->v[i];
            obj_t *vo = &F->objs[EL_OBJ(el)];
            if (vo->kind == O_HEAP)
                heap = 1;
            if (vo->kind == O_ARG && isarg && (vo->idx == to->idx || !F->sum->borrowed[vo->idx]))
                continue; /* a summary edge (above) */
            if (vo->kind == O_STACK && isarg && self_linked(F, EL_OBJ(el)))
                continue; /* a local list head being drained (see the store sink) */
            ok = eset_add(&keep, el, NULL);
        }
        if (ok && heap) {
            hw.inner = &how;
            ok = heap_mark(F, H, as, &hw, grew);
        }
        if (ok) {
            F->into_edge = e;
            sink(F, R, PTRCHECK_ESCAPE_CALL_STORES, in, &keep, &how, NULL, NULL, 0, NULL, changed);
            F->into_edge = NULL;
        }
        done = 1; /* one finding per argument */
    }
    eset_free(&tmp);
    eset_free(&keep);
    return ok;
}

static ptrcheck_escape_kind_t store_kind(okind_t target)
{
    if (target == O_RET)
        return PTRCHECK_ESCAPE_RETURNED;
    return target == O_ARG || target == O_ARGR ? PTRCHECK_ESCAPE_STORED_PARAM : PTRCHECK_ESCAPE_STORED_GLOBAL;
}

/* Walks the sinks of F.  Without R it only updates the summary; with R it reports. */
static int walk_sinks(fn_t *F, result_t *R, heapesc_t *H, int *changed)
{
    target_t tg;
    ptrcheck_escape_route_t how, hw;
    eset_t tmp = {0}, tmp2 = {0}, asf = {0};
    int grew = 0;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(F->fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
            LLVMOpcode op = LLVMGetInstructionOpcode(in);
            if (op == LLVMStore || ((op == LLVMCall) && ptrcheck_ir_called_function(in) &&
                                    (intrinsic_prefix(ptrcheck_ir_called_function(in), "llvm.memcpy") ||
                                     intrinsic_prefix(ptrcheck_ir_called_function(in), "llvm.memmove")))) {
                LLVMValueRef ptr = LLVMGetOperand(in, op == LLVMStore ? 1 : 0);
                const eset_t *vs;
                eset_t got = {0};
                if (op == LLVMStore) {
                    vs = pts_get(F, LLVMGetOperand(in, 0), &tmp);
                } else {
                    if (!load_through(F, &got, pts_get(F, LLVMGetOperand(in, 1), &tmp), NULL)) {
                        eset_free(&got);
                        goto oom;
                    }
                    vs = &got;
                }
                const eset_t *ps = pts_get(F, ptr, &tmp2);
                int dirty = set_dirty(F, vs);
                int has_heap = 0;
                for (uint32_t i = 0; vs && i < vs->n; i++)
                    if (F->objs[EL_OBJ(vs->v[i])].kind == O_HEAP)
                        has_heap = 1;
                if ((dirty || has_heap) && ps) {
                    int forgiven = -1;
                    LLVMValueRef only_if_null = NULL;
                    for (uint32_t t = 0; t < ps->n; t++) {
                        uint32_t tid = EL_OBJ(ps->v[t]);
                        obj_t *to = &F->objs[tid];
                        if (!is_root(to->kind))
                            continue;
                        if (!reportable_target(to->kind)) {
                            /* still a summary edge: link(list, node) */
                            for (uint32_t i = 0; dirty && vs && i < vs->n; i++) {
                                obj_t *vo = &F->objs[EL_OBJ(vs->v[i])];
                                if (vo->kind == O_ARG &&
                                    !summary_add_into(F, F->sum, to->idx, vo->idx, 1, OFF_UNKNOWN, NULL, changed))
                                    goto oom;
                            }
                            continue;
                        }
                        if (forgiven < 0) {
                            forgiven = to->kind != O_RET && op == LLVMStore && killed_on_all_paths(F, in, kill_store, 0);
                            if (!forgiven && to->kind != O_RET && op == LLVMStore) {
                                /* saved, replaced, put back only when the saved pointer is not null */
                                F->saved_origin = in;
                                F->saved_test = F->restore = NULL;
                                if (killed_on_all_paths(F, in, kill_store, 0) && F->saved_test && F->restore)
                                    only_if_null = F->restore;
                                F->saved_origin = F->saved_test = F->restore = NULL;
                            }
                        }
                        if (forgiven)
                            continue;
                        describe_target(F, tid, ptr, &tg);
                        if (to->kind == O_GLOBAL && op == LLVMStore)
                            first_field_place(F, in, &tg);
                        if (has_heap) {
                            memset(&hw, 0, sizeof hw);
                            hw.kind = PTRCHECK_ROUTE_HEAP_STORED;
                            hw.inner = &tg.r;
                            if (to->kind == O_RET) {
                                hw.kind = PTRCHECK_ROUTE_HEAP_RETURNED;
                                hw.fn = ptrcheck_ir_fn_name(F->f);
                                hw.inner = NULL;
                            }
                            if (!heap_mark(F, H, vs, &hw, &grew))
                                goto oom;
                        }
                        if (!dirty)
                            continue;
                        /* parameter values stored into another parameter's memory: summary edge */
                        for (uint32_t i = 0; vs && i < vs->n; i++) {
                            obj_t *vo = &F->objs[EL_OBJ(vs->v[i])];
                            if (vo->kind == O_ARG && (to->kind == O_ARG || to->kind == O_ARGR)) {
                                long long off = OFF_UNKNOWN;
                                if (to->kind == O_ARG &&
                                    addr_base(F, ptr, &off) != LLVMGetParam(F->fn, to->idx))
                                    off = OFF_UNKNOWN;
                                into_why_t why = {.in = in, .how = &tg.r}; /* described above */
                                if (!summary_add_into(F, F->sum, to->idx, vo->idx, to->kind == O_ARGR, off, &why,
                                                      changed))
                                    goto oom;
                            }
                        }
                        eset_t keep = {0};
                        for (uint32_t i = 0; vs && i < vs->n; i++) {
                            obj_t *vo = &F->objs[EL_OBJ(vs->v[i])];
                            /* a parameter stored into its own or another parameter's memory is an
                             * edge of the summary; it escapes only when borrowed */
                            if (vo->kind == O_ARG && (to->kind == O_ARG || to->kind == O_ARGR) &&
                                (to->idx == vo->idx || !F->sum->borrowed[vo->idx]))
                                continue;
                            /* A local list head (its own address stored in itself: `q.next = &q`)
                             * linked into a caller's list is a list being moved or drained
                             * (libuv's QUEUE_MOVE); a head still linked at return would break the
                             * program at once, so these links are not reported. */
                            if (vo->kind == O_STACK && to->kind != O_RET && to->kind != O_GLOBAL &&
                                self_linked(F, EL_OBJ(vs->v[i])))
                                continue;
                            if (!eset_add(&keep, vs->v[i], NULL)) {
                                eset_free(&keep);
                                goto oom;
                            }
                        }
                        F->only_if_null = only_if_null;
                        sink(F, R, store_kind(to->kind), in, &keep, &tg.r, NULL, NULL, 0, NULL, changed);
                        F->only_if_null = NULL;
                        eset_free(&keep);
                    }
                }
                eset_free(&got);
                continue;
            }
            if (op == LLVMRet) {
                if (F->retval || LLVMGetNumOperands(in) < 1)
                    continue;
                const eset_t *vs = pts_get(F, LLVMGetOperand(in, 0), &tmp);
                memset(&how, 0, sizeof how);
                how.kind = PTRCHECK_ROUTE_RETURN_VALUE;
                how.fn = ptrcheck_ir_fn_name(F->f);
                sink(F, R, PTRCHECK_ESCAPE_RETURNED, in, vs, &how, NULL, NULL, 0, NULL, changed);
                how.kind = PTRCHECK_ROUTE_HEAP_RETURNED;
                if (!heap_mark(F, H, vs, &how, &grew))
                    goto oom;
                continue;
            }
            if (op != LLVMCall && op != LLVMInvoke)
                continue;
            LLVMValueRef callee = ptrcheck_ir_called_function(in);
            if (!callee || ptrcheck_ir_is_intrinsic(callee))
                continue;
            const callee_t *ce = callee_of(F->mod, callee);
            if (!ce)
                goto oom;
            const char *cn = ce->display;
            unsigned nargs = (unsigned)LLVMGetNumArgOperands(in);
            const thread_api_t *api = ce->api;
            summary_t *cs = LLVMIsDeclaration(callee) ? NULL : summary_of(F->mod, callee);
            /* which of our parameters may reach a deallocator through this call */
            for (unsigned k = 0; k < nargs; k++) {
                if (!(ce->is & CE_FREE) && !(cs && k < cs->nparams && cs->frees[k]))
                    continue;
                const eset_t *as = pts_get(F, LLVMGetOperand(in, k), &tmp);
                for (uint32_t i = 0; as && i < as->n; i++) {
                    obj_t *ao = &F->objs[EL_OBJ(as->v[i])];
                    if (ao->kind == O_ARG && ao->idx < F->sum->nparams && !F->sum->frees[ao->idx]) {
                        F->sum->frees[ao->idx] = 1;
                        *changed = 1;
                    }
                }
            }
            int joined = -1;
            for (unsigned k = 0; k < nargs; k++) {
                const eset_t *as = pts_get(F, LLVMGetOperand(in, k), &tmp);
                if (!as || !as->n)
                    continue;
                int heap = 0;
                for (uint32_t i = 0; i < as->n; i++)
                    if (F->objs[EL_OBJ(as->v[i])].kind == O_HEAP)
                        heap = 1;
                if (!set_dirty(F, as) && !heap)
                    continue;
                memset(&how, 0, sizeof how);
                how.callee = cn;
                how.fn = ptrcheck_ir_fn_name(F->f);
                how.index = k;
                ptrcheck_escape_kind_t kind = PTRCHECK_ESCAPE_THREAD;
                LLVMValueRef chain = NULL;
                /* the callee keeps it only where it is not its argument neparam: without that local */
                uint32_t drop = 0;
                int ne_kept = cs && k < cs->nparams && cs->esc[k].escapes && cs->esc[k].nestate == 1 &&
                              cs->esc[k].neparam < nargs && !(api && api->arg == k) && !is_retaining(F, callee, k) &&
                              exact_local(F, LLVMGetOperand(in, cs->esc[k].neparam), &drop) && eset_has(as, drop);
                if (ne_kept) {
                    asf.n = 0;
                    if (!eset_union_but(&asf, as, drop, NULL))
                        goto oom;
                    as = &asf;
                }
                const ptrcheck_escape_route_t *root_how = NULL;
                if (api && api->arg == k) {
                    if (joined < 0)
                        joined = thread_joined(F, in, api);
                    if (joined)
                        continue;
                    how.kind = api->join ? PTRCHECK_ROUTE_THREAD : PTRCHECK_ROUTE_KEEPS_ARG;
                } else if (is_retaining(F, callee, k)) {
                    kind = PTRCHECK_ESCAPE_RETAINED;
                    how.kind = PTRCHECK_ROUTE_RETAINING;
                } else if (cs && k < cs->nparams && cs->esc[k].escapes && (cs->frees[k] || (ce->is & CE_FREE))) {
                    /* a deallocator-like callee (sqlite3DbFree: free list or free()): what it keeps
                     * it owns; handing it a stack address is a different bug (freeing the stack),
                     * not an escape this check can judge */
                    continue;
                } else if (cs && k < cs->nparams && cs->esc[k].escapes && guard_false(in, &cs->esc[k])) {
                    /* keep_if(&x, 0): the callee keeps it only when that argument is not 0 */
                    continue;
                } else if (ne_kept && !set_dirty(F, as) && !heap) {
                    /* remember(t, buf): the callee keeps it only where it is not buf (`if (t != buf)`) */
                    continue;
                } else if (cs && k < cs->nparams && cs->esc[k].escapes) {
                    /* keep(&x) stores into a global that this function clears on every path */
                    if (cs->esc[k].global && !cs->esc[k].mixed) {
                        F->kill_global = cs->esc[k].global;
                        F->kill_val = LLVMGetOperand(in, k); /* push(&e) ... pop(&e) */
                        int cleared = killed_on_all_paths(F, in, kill_global_store, 0);
                        F->kill_global = NULL;
                        F->kill_val = NULL;
                        if (cleared)
                            continue;
                    }
                    how.kind = PTRCHECK_ROUTE_VIA_CALL;
                    how.inner = cs->esc[k].how;
                    root_how = cs->esc[k].how;
                    chain = callee;
                    kind = PTRCHECK_ESCAPE_VIA_CALL;
                } else if (cs) {
                    /* link(list, node): node stored into memory of another parameter */
                    for (size_t q = 0; q < cs->ninto; q++) {
                        const into_t *e = &cs->into[q];
                        /* a parameter stored into its own memory (`p->buf = p->space`) points into
                         * the same object: not an escape */
                        if (e->src != k || e->dst >= nargs || e->dst == e->src)
                            continue;
                        if (!call_into(F, R, H, in, as, e, cn, &grew, changed))
                            goto oom;
                    }
                    continue;
                }
                if (!how.kind)
                    continue;
                if (heap) {
                    memset(&hw, 0, sizeof hw);
                    hw.kind = PTRCHECK_ROUTE_HEAP_PASSED;
                    hw.inner = &how;
                    if (!heap_mark(F, H, as, &hw, &grew))
                        goto oom;
                }
                sink(F, R, kind, in, as, &how, root_how, chain, k, NULL, changed);
            }
        }
    }
    eset_free(&tmp);
    eset_free(&tmp2);
    eset_free(&asf);
    return grew;
oom:
    eset_free(&tmp);
    eset_free(&tmp2);
    eset_free(&asf);
    F->oom = 1;
    return 0;
}

/* Heap objects that escape: propagate through heap contents, then report what they hold. */
static void heap_sinks(fn_t *F, result_t *R, heapesc_t *H, int *changed)
{
    /* heap objects stored in escaping heap objects escape too */
    for (int grew = 1, guard = 0; grew && guard < 32; guard++) {
        grew = 0;
        for (size_t id = 0; id < F->nobjs; id++) {
            void *why = NULL;
            if (F->objs[id].kind != O_HEAP || !ptrcheck_ir_pmap_get(&H->why, (void *)(uintptr_t)(id + 1), &why))
                continue;
            ptrcheck_escape_route_t w = {.kind = PTRCHECK_ROUTE_HEAP_LINKED};
            w.inner = why;
            if (!heap_mark(F, H, &F->objs[id].contents, &w, &grew)) {
                F->oom = 1;
                return;
            }
        }
    }
    if (!H->why.count)
        return;
    /* each store of a stack address / parameter into an escaping heap object */
    eset_t tmp = {0}, tmp2 = {0};
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(F->fn); bb; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
            if (!LLVMIsAStoreInst(in))
                continue;
            const eset_t *vs = pts_get(F, LLVMGetOperand(in, 0), &tmp);
            if (!set_dirty(F, vs))
                continue;
            const eset_t *ps = pts_get(F, LLVMGetOperand(in, 1), &tmp2);
            for (uint32_t t = 0; ps && t < ps->n; t++) {
                uint32_t id = EL_OBJ(ps->v[t]);
                void *why = NULL;
                if (F->objs[id].kind != O_HEAP || !ptrcheck_ir_pmap_get(&H->why, (void *)(uintptr_t)(id + 1), &why))
                    continue;
                char callee[256];
                ptrcheck_ir_display_name(F->mod->e, ptrcheck_ir_called_function(F->objs[id].v), callee, sizeof callee);
                ptrcheck_escape_route_t how = {.kind = PTRCHECK_ROUTE_HEAP};
                how.callee = callee;
                how.inner = why;
                sink(F, R, PTRCHECK_ESCAPE_INTO_HEAP, in, vs, &how, NULL, NULL, 0, F->objs[id].v, changed);
                break;
            }
        }
    eset_free(&tmp);
    eset_free(&tmp2);
}

/* ------------------------------------------------------------------ driver */

static int fn_borrowed_setup(mod_t *M, ptrcheck_ir_fn_t *f, LLVMValueRef fn, summary_t *s)
{
    const ptrcheck_config_t *cfg = ptrcheck_engine_config(M->e);
    const char *name = ptrcheck_ir_fn_symbol(f);
    int all = ptrcheck_ir_pmap_get(&M->annotated, fn, NULL);
    for (size_t i = 0; !all && i < cfg->nborrowed_functions; i++)
        if (ptrcheck_glob_match(cfg->borrowed_functions[i], name))
            all = 1;
    const ptrcheck_fn_sites_t *fs = ptrcheck_sites_available(M->e) ? ptrcheck_sites_lookup(M->e, name) : NULL;
    size_t nloc = fs ? ptrcheck_sites_count(fs, PTRCHECK_SITE_LOCAL) : 0;
    for (unsigned i = 0; i < s->nparams; i++) {
        LLVMValueRef a = LLVMGetParam(fn, i);
        if (LLVMGetTypeKind(LLVMTypeOf(a)) != LLVMPointerTypeKind || has_attr(fn, i + 1, "sret") ||
            has_attr(fn, i + 1, "byval"))
            continue;
        if (all) {
            s->borrowed[i] = 1;
            continue;
        }
        const char *pn = ptrcheck_ir_fn_param_name(f, i);
        for (size_t k = 0; pn && k < nloc; k++) {
            const ptrcheck_site_t *site = ptrcheck_sites_get(fs, PTRCHECK_SITE_LOCAL, k);
            if (!site || !(site->flags & PTRCHECK_SITE_F_PARAM))
                break;
            if ((site->flags & PTRCHECK_SITE_F_BORROWED) && site->name && strcmp(site->name, pn) == 0)
                s->borrowed[i] = 1;
        }
    }
    return 1;
}

static summary_t *summary_create(mod_t *M, LLVMValueRef fn)
{
    summary_t *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->nparams = LLVMCountParams(fn);
    s->esc = calloc(s->nparams + 1, sizeof *s->esc);
    s->ret = calloc(s->nparams + 1, 1);
    s->retr = calloc(s->nparams + 1, 1);
    s->retne = calloc(s->nparams + 1, sizeof *s->retne);
    s->borrowed = calloc(s->nparams + 1, 1);
    s->frees = calloc(s->nparams + 1, 1);
    s->waits = calloc(s->nparams + 1, 1);
    if (!s->esc || !s->ret || !s->retr || !s->retne || !s->borrowed || !s->frees || !s->waits) {
        summary_free(s);
        return NULL;
    }
    return s;
}

/* Analyses fn; updates its summary (*changed when it grew, must-stores too with summarise); reports
 * when R is given. */
static int analyse(mod_t *M, LLVMValueRef fn, result_t *R, int summarise, int *changed)
{
    summary_t *sum = summary_of(M, fn);
    fn_t F;
    heapesc_t H;
    int ok;
    ptrcheck_ir_pmap_init(&H.why);
    if (!fn_init(&F, M, fn, sum)) {
        fn_free(&F);
        return 0;
    }
    F.f = ptrcheck_ir_fncache_get(&M->fns, fn);
    ok = F.f && fn_fixpoint(&F);
    if (ok)
        ok = map_store_sites(&F); /* summaries keep locations for the notes of their callers */
    if (ok) {
        walk_sinks(&F, R, &H, changed);
        heap_sinks(&F, R, &H, changed);
        if (summarise)
            (void)(compute_must(&F, changed) && compute_unlink(&F, changed) && compute_waits(&F, changed));
        ok = !F.oom;
    }
    ptrcheck_ir_pmap_fini(&H.why);
    fn_free(&F);
    return ok;
}

/* Functions annotated __attribute__((annotate("ptrcheck_borrowed"))) (llvm.global.annotations). */
static int read_annotations(mod_t *M)
{
    LLVMValueRef ga = LLVMGetNamedGlobal(M->m, "llvm.global.annotations");
    LLVMValueRef init = ga ? LLVMGetInitializer(ga) : NULL;
    if (!init)
        return 1;
    int n = LLVMGetNumOperands(init);
    for (int i = 0; i < n; i++) {
        LLVMValueRef ent = LLVMGetOperand(init, (unsigned)i);
        if (!ent || LLVMGetNumOperands(ent) < 2)
            continue;
        LLVMValueRef target = ptrcheck_ir_strip_casts(LLVMGetOperand(ent, 0));
        LLVMValueRef str = ptrcheck_ir_strip(LLVMGetOperand(ent, 1));
        if (!target || !LLVMIsAFunction(target) || !str || !LLVMIsAGlobalVariable(str))
            continue;
        LLVMValueRef sinit = LLVMGetInitializer(str);
        size_t len = 0;
        const char *text = sinit && LLVMIsAConstantDataSequential(sinit) ? LLVMGetAsString(sinit, &len) : NULL;
        if (!text)
            continue;
        if (len && text[len - 1] == 0)
            len--;
        if (len == strlen("ptrcheck_borrowed") && memcmp(text, "ptrcheck_borrowed", len) == 0) {
            void **slot = ptrcheck_ir_pmap_slot(&M->annotated, target);
            if (!slot)
                return 0;
            *slot = (void *)1;
        }
    }
    return 1;
}

/* ------------------------------------------------------------------ call graph */

/* A defined function of the module: its distinct defined callees, its callers, and its strongly
 * connected component (Tarjan, which emits the components callees first). */
typedef struct cg_node_s {
    LLVMValueRef fn;
    uint32_t callee_at, ncallees; /* in cg_t.edges */
    uint32_t caller_at, ncallers; /* in cg_t.redges */
    int self;                     /* calls itself */
    uint32_t index, low, scc;     /* Tarjan: index + 1 (0: not visited yet) */
    int on_stack, queued;
    size_t res_at, nres;          /* its escapes in R->v (recorded once, in its component's order) */
} cg_node_t;

typedef struct cg_s {
    cg_node_t *n;
    size_t nn;
    uint32_t *edges, *redges;
    size_t nedges;
    ptrcheck_ir_pmap_t of; /* function -> node index + 1 */
    uint32_t *scc_order;   /* node indices, component by component, callees' components first */
    uint32_t *scc_at;      /* component c: scc_order[scc_at[c] .. scc_at[c + 1]) */
    size_t nscc;
} cg_t;

static void cg_fini(cg_t *g)
{
    free(g->n);
    free(g->edges);
    free(g->redges);
    free(g->scc_order);
    free(g->scc_at);
    ptrcheck_ir_pmap_fini(&g->of);
}

static uint32_t cg_node(const cg_t *g, LLVMValueRef fn)
{
    void *v = NULL;
    return fn && ptrcheck_ir_pmap_get(&g->of, fn, &v) ? (uint32_t)(uintptr_t)v - 1 : UINT32_MAX;
}

/* One scan of every defined function's calls. */
static int cg_build(mod_t *M, cg_t *g)
{
    size_t cap = 0;
    uint32_t *stamp = NULL;
    memset(g, 0, sizeof *g);
    ptrcheck_ir_pmap_init(&g->of);
    for (LLVMValueRef fn = LLVMGetFirstFunction(M->m); fn; fn = LLVMGetNextFunction(fn))
        if (!LLVMIsDeclaration(fn))
            g->nn++;
    g->n = calloc(g->nn + 1, sizeof *g->n);
    stamp = calloc(g->nn + 1, sizeof *stamp);
    if (!g->n || !stamp)
        goto fail;
    size_t i = 0;
    for (LLVMValueRef fn = LLVMGetFirstFunction(M->m); fn; fn = LLVMGetNextFunction(fn)) {
        if (LLVMIsDeclaration(fn))
            continue;
        void **slot = ptrcheck_ir_pmap_slot(&g->of, fn);
        if (!slot)
            goto fail;
        *slot = (void *)(uintptr_t)(i + 1);
        g->n[i++].fn = fn;
    }
    for (i = 0; i < g->nn; i++) {
        cg_node_t *nd = &g->n[i];
        nd->callee_at = (uint32_t)g->nedges;
        for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(nd->fn); bb; bb = LLVMGetNextBasicBlock(bb))
            for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
                LLVMOpcode op = LLVMGetInstructionOpcode(in);
                if (op != LLVMCall && op != LLVMInvoke)
                    continue;
                uint32_t c = cg_node(g, ptrcheck_ir_called_function(in));
                if (c == UINT32_MAX || stamp[c] == i + 1)
                    continue;
                stamp[c] = (uint32_t)i + 1;
                if (c == i)
                    nd->self = 1;
                if (g->nedges == cap) {
                    size_t nc = cap ? cap * 2 : 256;
                    uint32_t *ne = realloc(g->edges, nc * sizeof *ne);
                    if (!ne)
                        goto fail;
                    g->edges = ne;
                    cap = nc;
                }
                g->edges[g->nedges++] = c;
                g->n[c].ncallers++;
            }
        nd->ncallees = (uint32_t)g->nedges - nd->callee_at;
    }
    /* callers (reverse edges) */
    g->redges = calloc(g->nedges + 1, sizeof *g->redges);
    if (!g->redges)
        goto fail;
    uint32_t at = 0;
    for (i = 0; i < g->nn; i++) {
        g->n[i].caller_at = at;
        at += g->n[i].ncallers;
        g->n[i].ncallers = 0;
    }
    for (i = 0; i < g->nn; i++)
        for (uint32_t e = 0; e < g->n[i].ncallees; e++) {
            cg_node_t *c = &g->n[g->edges[g->n[i].callee_at + e]];
            g->redges[c->caller_at + c->ncallers++] = (uint32_t)i;
        }
    free(stamp);
    return 1;
fail:
    free(stamp);
    return 0;
}

/* Tarjan's strongly connected components, iteratively; components come callees first. */
static int cg_sccs(cg_t *g)
{
    typedef struct frame_s {
        uint32_t v, e;
    } frame_t;
    frame_t *call = calloc(g->nn + 1, sizeof *call);
    uint32_t *stack = calloc(g->nn + 1, sizeof *stack);
    g->scc_order = calloc(g->nn + 1, sizeof *g->scc_order);
    g->scc_at = calloc(g->nn + 2, sizeof *g->scc_at);
    if (!call || !stack || !g->scc_order || !g->scc_at) {
        free(call);
        free(stack);
        return 0;
    }
    uint32_t next = 0, sp = 0, done = 0;
    for (uint32_t root = 0; root < g->nn; root++) {
        if (g->n[root].index)
            continue;
        size_t depth = 0;
        call[depth++] = (frame_t){root, 0};
        g->n[root].index = g->n[root].low = ++next;
        g->n[root].on_stack = 1;
        stack[sp++] = root;
        while (depth) {
            frame_t *fr = &call[depth - 1];
            cg_node_t *v = &g->n[fr->v];
            if (fr->e < v->ncallees) {
                uint32_t w = g->edges[v->callee_at + fr->e++];
                cg_node_t *wn = &g->n[w];
                if (!wn->index) {
                    wn->index = wn->low = ++next;
                    wn->on_stack = 1;
                    stack[sp++] = w;
                    call[depth++] = (frame_t){w, 0};
                } else if (wn->on_stack && wn->index < v->low) {
                    v->low = wn->index;
                }
                continue;
            }
            if (v->low == v->index) { /* v roots a component */
                g->scc_at[g->nscc] = done;
                uint32_t w;
                do {
                    w = stack[--sp];
                    g->n[w].on_stack = 0;
                    g->n[w].scc = (uint32_t)g->nscc;
                    g->scc_order[done++] = w;
                } while (w != fr->v);
                g->nscc++;
            }
            uint32_t low = v->low;
            depth--;
            if (depth && low < g->n[call[depth - 1].v].low)
                g->n[call[depth - 1].v].low = low;
        }
    }
    g->scc_at[g->nscc] = done;
    free(call);
    free(stack);
    return 1;
}

/* Analyses node i with recording: its escapes go to R, and where they are is kept with the node. */
static int analyse_recording(mod_t *M, cg_t *g, uint32_t i, result_t *R, int summarise)
{
    int changed = 0;
    g->n[i].res_at = R->n;
    if (!analyse(M, g->n[i].fn, R, summarise, &changed))
        return 0;
    g->n[i].nres = R->n - g->n[i].res_at;
    return 1;
}

/* The summaries of one component, then its escapes.  A function that is not recursive is analysed
 * once: its callees' summaries are final.  The members of a recursive component are analysed until
 * no summary changes (a member again only when the summary of a member it calls changed), then once
 * more each to collect their escapes. */
static int run_component(mod_t *M, cg_t *g, size_t c, result_t *R)
{
    const uint32_t *mem = g->scc_order + g->scc_at[c];
    size_t k = g->scc_at[c + 1] - g->scc_at[c];
    if (k == 1 && !g->n[mem[0]].self) /* its summary's must-stores and unlinks only serve callers */
        return analyse_recording(M, g, mem[0], R, g->n[mem[0]].ncallers > 0);
    uint32_t *work = calloc(k + 1, sizeof *work);
    size_t nw = 0, budget = k * 8 + 64;
    int ok = work != NULL;
    for (size_t i = k; ok && i-- > 0;) {
        work[nw++] = mem[i];
        g->n[mem[i]].queued = 1;
    }
    while (ok && nw && budget--) {
        uint32_t v = work[--nw];
        int changed = 0;
        g->n[v].queued = 0;
        if (!analyse(M, g->n[v].fn, NULL, 1, &changed)) {
            ok = 0;
            break;
        }
        for (uint32_t e = 0; changed && e < g->n[v].ncallers; e++) {
            uint32_t u = g->redges[g->n[v].caller_at + e];
            if (g->n[u].scc != c || g->n[u].queued)
                continue;
            g->n[u].queued = 1;
            work[nw++] = u;
        }
    }
    free(work);
    for (size_t i = 0; ok && i < k; i++)
        ok = analyse_recording(M, g, mem[i], R, 0);
    return ok;
}

/* R->v in module order (and, within a function, in the order its walk found them). */
static int module_order(cg_t *g, result_t *R)
{
    if (!R->n)
        return 1;
    ptrcheck_escape_t *v = malloc(R->n * sizeof *v);
    if (!v)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < g->nn; i++) {
        memcpy(v + n, R->v + g->n[i].res_at, g->n[i].nres * sizeof *v);
        n += g->n[i].nres;
    }
    free(R->v);
    R->v = v;
    R->cap = R->n;
    return 1;
}

/* Summarises every defined function bottom-up over the call graph and collects its escapes into R. */
static int run_escape(ptrcheck_engine_t *e, LLVMModuleRef m, result_t *R)
{
    mod_t M;
    cg_t g;
    int ok = 1;
    memset(&M, 0, sizeof M);
    memset(&g, 0, sizeof g);
    M.e = e;
    M.m = m;
    M.arena = &R->arena;
    ptrcheck_ir_fncache_init(&M.fns, e);
    ptrcheck_ir_pmap_init(&M.summaries);
    ptrcheck_ir_pmap_init(&M.annotated);
    ptrcheck_ir_pmap_init(&M.callees);
    if (!(M.reach = ptrcheck_ir_reach_create()) || !read_annotations(&M))
        goto fail;

    for (LLVMValueRef fn = LLVMGetFirstFunction(m); fn; fn = LLVMGetNextFunction(fn)) {
        if (LLVMIsDeclaration(fn))
            continue;
        summary_t *s = summary_create(&M, fn);
        void **slot = s ? ptrcheck_ir_pmap_slot(&M.summaries, fn) : NULL;
        if (!slot) {
            summary_free(s);
            goto fail;
        }
        *slot = s;
        ptrcheck_ir_fn_t *f = ptrcheck_ir_fncache_get(&M.fns, fn);
        if (!f || !fn_borrowed_setup(&M, f, fn, s))
            goto fail;
    }
    if (!cg_build(&M, &g) || !cg_sccs(&g))
        goto fail;
    for (size_t c = 0; c < g.nscc; c++)
        if (!run_component(&M, &g, c, R))
            goto fail;
    if (!module_order(&g, R))
        goto fail;
    goto done;
fail:
    ok = 0;
done:
    for (size_t i = 0; i < M.summaries.cap; i++)
        if (M.summaries.keys[i])
            summary_free(M.summaries.vals[i]);
    cg_fini(&g);
    ptrcheck_ir_pmap_fini(&M.summaries);
    ptrcheck_ir_pmap_fini(&M.annotated);
    ptrcheck_ir_pmap_fini(&M.callees);
    ptrcheck_ir_fncache_fini(&M.fns);
    ptrcheck_ir_reach_destroy(M.reach);
    return ok;
}

static void result_destroy(void *p)
{
    result_t *R = p;
    if (!R)
        return;
    free(R->v);
    ptrcheck_arena_fini(&R->arena);
    free(R);
}

static char escape_tag;
static void *escape_compute(ptrcheck_ir_module_t *mod)
{
    result_t *R = calloc(1, sizeof *R);
    if (!R)
        return NULL;
    ptrcheck_arena_init(&R->arena);
    if (!run_escape(ptrcheck_ir_module_engine(mod), ptrcheck_ir_module_llvm(mod), R)) {
        result_destroy(R);
        return NULL;
    }
    R->pub.v = R->v;
    R->pub.n = R->n;
    return R;
}

const ptrcheck_escape_result_t *ptrcheck_escape_analysis(ptrcheck_ir_module_t *m)
{
    result_t *R = ptrcheck_ir_module_result(m, &escape_tag, escape_compute, result_destroy);
    return R ? &R->pub : NULL;
}

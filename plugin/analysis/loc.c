/* IR <-> source locations: the per-function map (ptrcheck_ir_fn_t) from instructions to source
 * locations (AST site tables, !dbg, function location) and to the source names of locals and
 * parameters, the atomic-lowering test that the conversion mapping needs, places described for
 * messages, and the locations of globals.
 *
 * Mapping instructions to AST sites (see ast.h, "IR correlation sites").  For each kind the IR
 * instructions are collected in layout order (blocks in function order, instructions in order):
 *   INTTOPTR  inttoptr instructions
 *   PTRTOINT  ptrtoint instructions
 *   CALL      calls whose callee (through pointer casts) is a named function that is not an
 *             LLVM intrinsic
 *   RETURN    when clang made a retval alloca (the alloca the `ret` instructions load, which is
 *             how clang -O0 and -O2-before-optimisation lower several return statements) the
 *             stores / memcpys into it, in layout order (for `main`, the implicit `store 0`
 *             clang emits first is skipped when that makes the counts agree); otherwise the
 *             ret instructions.
 * and mapped to the sites by ordinal only when the IR count equals the site count.
 *   LOCAL     allocas are matched to sites by a greedy in-order subsequence match on the
 *             allocated size, static allocas against fixed-size sites and dynamic allocas
 *             against VLA sites, after skipping the allocas clang makes for itself that we can
 *             recognise (retval, saved_stack, __vla_expr, cleanup.dest.slot).  If some site
 *             finds no alloca the whole LOCAL mapping is dropped (a wrong name is worse than
 *             none); the IR value names (kept with -fno-discard-value-names) are used instead.
 * Anything unmapped falls back to the instruction's !dbg location, then to the function's
 * location (site table, else DISubprogram line, else the module's source file, line 0).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck_private/ir.h"

/* ------------------------------------------------------------------ per-function map */

struct ptrcheck_ir_fn_s {
    ptrcheck_engine_t *e;
    LLVMValueRef fn;
    LLVMModuleRef m;
    LLVMTargetDataRef td;
    int own_td;               /* td was created for this map (else the cache's, borrowed) */
    const ptrcheck_fn_sites_t *fs;
    const char *name;         /* the symbol, interned */
    const char *display;      /* its readable name, on first use (ptrcheck_ir_fn_name) */
    ptrcheck_loc_t fn_loc;
    ptrcheck_ir_pmap_t site_of; /* instruction -> const ptrcheck_site_t* (mapped kinds) */
    ptrcheck_ir_pmap_t local_name; /* alloca -> interned name (from sites or IR names) */
    LLVMValueRef retval;
    LLVMValueRef nrvo;        /* the named return value's alloca (see ptrcheck_ir_nrvo_alloca) */
    const char **param_names; /* by IR parameter index */
    unsigned nparams;
    ptrcheck_ir_pmap_t lowered; /* atomic-shaped conversion -> (void *)1 when the source has none there */
    int lowered_all;            /* no site table to tell: every atomic-shaped conversion is lowering */
};

/* Copies a debug file name; joins it with its directory when that spells the module's source
 * file (clang splits an absolute path under the working directory into directory + relative). */
static const char *dbg_file(ptrcheck_engine_t *e, LLVMModuleRef m, LLVMValueRef v)
{
    unsigned flen = 0, dlen = 0;
    const char *fname = LLVMGetDebugLocFilename(v, &flen);
    if (!fname || !flen)
        return NULL;
    const char *dir = LLVMGetDebugLocDirectory(v, &dlen);
    size_t slen = 0;
    const char *src = LLVMGetSourceFileName(m, &slen);
    char buf[4096];
    if (fname[0] != '/' && dir && dlen && src && slen && src[0] == '/' &&
        (size_t)dlen + 1 + flen == slen && strncmp(src, dir, dlen) == 0 && src[dlen] == '/' &&
        strncmp(src + dlen + 1, fname, flen) == 0) {
        snprintf(buf, sizeof buf, "%.*s", (int)slen, src);
    } else {
        snprintf(buf, sizeof buf, "%.*s", (int)flen, fname);
    }
    return ptrcheck_engine_intern(e, buf);
}

static ptrcheck_loc_t function_loc(ptrcheck_ir_fn_t *f)
{
    ptrcheck_loc_t loc = {0};
    if (f->fs) {
        loc = ptrcheck_sites_fn_loc(f->fs);
        if (loc.file)
            return loc;
    }
    memset(&loc, 0, sizeof loc);
    unsigned line = LLVMGetDebugLocLine(f->fn);
    if (line) {
        loc.file = dbg_file(f->e, f->m, f->fn);
        loc.line = line;
    }
    if (!loc.file) {
        size_t slen = 0;
        const char *src = LLVMGetSourceFileName(f->m, &slen);
        char buf[4096];
        snprintf(buf, sizeof buf, "%.*s", (int)slen, src ? src : "");
        loc.file = buf[0] ? ptrcheck_engine_intern(f->e, buf) : NULL;
        loc.line = 0;
    }
    return loc;
}

static int map_by_ordinal(ptrcheck_ir_fn_t *f, ptrcheck_site_kind_t kind, const ptrcheck_ir_valvec_t *iv)
{
    size_t n = ptrcheck_sites_count(f->fs, kind);
    if (n != iv->n)
        return 1;
    for (size_t i = 0; i < n; i++) {
        const ptrcheck_site_t *s = ptrcheck_sites_get(f->fs, kind, i);
        if (!s)
            continue;
        void **slot = ptrcheck_ir_pmap_slot(&f->site_of, iv->v[i]);
        if (!slot)
            return 0;
        *slot = (void *)s;
    }
    return 1;
}

static int is_atomic_access(LLVMValueRef v)
{
    if (LLVMIsAAtomicCmpXchgInst(v) || LLVMIsAAtomicRMWInst(v))
        return 1;
    return (LLVMIsALoadInst(v) || LLVMIsAStoreInst(v)) && LLVMGetOrdering(v) != LLVMAtomicOrderingNotAtomic;
}

int ptrcheck_ir_atomic_lowering_shape(LLVMValueRef in)
{
    if (!in || !LLVMIsAInstruction(in))
        return 0;
    LLVMOpcode op = ptrcheck_ir_opcode(in);
    if (op == LLVMIntToPtr) {
        LLVMValueRef x = LLVMGetOperand(in, 0);
        if (LLVMIsAExtractValueInst(x)) /* { old, success } of a cmpxchg */
            x = LLVMGetOperand(x, 0);
        return LLVMIsAInstruction(x) && !LLVMIsAStoreInst(x) && is_atomic_access(x);
    }
    if (op != LLVMPtrToInt || !LLVMGetFirstUse(in))
        return 0;
    for (LLVMUseRef u = LLVMGetFirstUse(in); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (!is_atomic_access(user) || LLVMIsALoadInst(user))
            return 0;
        if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 0) != in)
            return 0;
        if (!LLVMIsAStoreInst(user) && LLVMGetOperand(user, 0) == in) /* used as the address */
            return 0;
    }
    return 1;
}

/* `p - q` of two pointers: clang converts both to integers and subtracts them, with no conversion
 * in the source (so no site).  The shape: a ptrtoint whose one use is a sub of two ptrtoints. */
static int pointer_difference_shape(LLVMValueRef in)
{
    LLVMUseRef u = LLVMGetFirstUse(in);
    if (!u || LLVMGetNextUse(u))
        return 0;
    LLVMValueRef sub = LLVMGetUser(u);
    return LLVMIsAInstruction(sub) && ptrcheck_compat_opcode(LLVMGetInstructionOpcode(sub)) == LLVMSub &&
           ptrcheck_ir_opcode(LLVMGetOperand(sub, 0)) == LLVMPtrToInt &&
           ptrcheck_ir_opcode(LLVMGetOperand(sub, 1)) == LLVMPtrToInt;
}

/* Maps the conversions of one kind, leaving out the atomic-shaped ones, and then also the
 * pointer differences, when only that makes the counts agree (those are then the code generator's,
 * not the source's). */
static int map_conversions(ptrcheck_ir_fn_t *f, ptrcheck_site_kind_t kind, const ptrcheck_ir_valvec_t *iv)
{
    size_t n = ptrcheck_sites_count(f->fs, kind);
    ptrcheck_ir_valvec_t rest = {0}, shaped = {0}, plain = {0};
    int ok = 1;
    if (n != iv->n) {
        for (size_t i = 0; i < iv->n && ok; i++) {
            int atomic = ptrcheck_ir_atomic_lowering_shape(iv->v[i]);
            ok = ptrcheck_ir_valvec_push(atomic ? &shaped : &rest, iv->v[i]);
            /* without the pointer differences too, which the source wrote as `p - q` */
            if (ok && !atomic && !(kind == PTRCHECK_SITE_PTRTOINT && pointer_difference_shape(iv->v[i])))
                ok = ptrcheck_ir_valvec_push(&plain, iv->v[i]);
        }
    }
    if (!ok)
        goto done;
    if (n != iv->n && (shaped.n || plain.n == n)) {
        /* When they still disagree, no conversion of the function can be placed; the atomic-shaped
         * ones are then taken for lowering (a missing report rather than a wrong one). */
        for (size_t i = 0; i < shaped.n && ok; i++) {
            void **slot = ptrcheck_ir_pmap_slot(&f->lowered, shaped.v[i]);
            if (!slot)
                ok = 0;
            else
                *slot = (void *)1;
        }
        if (ok && rest.n == n)
            ok = map_by_ordinal(f, kind, &rest);
        else if (ok && plain.n == n)
            ok = map_by_ordinal(f, kind, &plain);
    } else {
        ok = map_by_ordinal(f, kind, iv);
    }
done:
    free(rest.v);
    free(shaped.v);
    free(plain.v);
    return ok;
}

int ptrcheck_ir_fn_lowered(ptrcheck_ir_fn_t *f, LLVMValueRef in)
{
    if (!ptrcheck_ir_atomic_lowering_shape(in))
        return 0;
    if (f->lowered_all)
        return 1;
    void *v = NULL;
    return ptrcheck_ir_pmap_get(&f->lowered, in, &v) && v;
}

static int is_dynamic_alloca(LLVMValueRef a)
{
    return !LLVMIsAConstantInt(LLVMGetOperand(a, 0));
}

static unsigned long long alloca_size(ptrcheck_ir_fn_t *f, LLVMValueRef a)
{
    unsigned long long sz = ptrcheck_ir_type_size(f->td, LLVMGetAllocatedType(a));
    LLVMValueRef n = LLVMGetOperand(a, 0);
    if (LLVMIsAConstantInt(n))
        sz *= LLVMConstIntGetZExtValue(n);
    return sz;
}

/* Does v (a VLA dimension) feed the size of a dynamic alloca, directly or through a few muls? */
static int feeds_dynamic_alloca(LLVMValueRef v, unsigned depth)
{
    if (depth > 4)
        return 0;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsAAllocaInst(user) && LLVMGetOperand(user, 0) == v)
            return 1;
        if (LLVMIsAInstruction(user) && LLVMGetInstructionOpcode(user) == LLVMMul &&
            feeds_dynamic_alloca(user, depth + 1))
            return 1;
    }
    return 0;
}

/* Allocas clang makes for itself that we can recognise by their use. */
static int is_compiler_alloca(ptrcheck_ir_fn_t *f, LLVMValueRef a)
{
    if (a == f->retval)
        return 1;
    int nstores = 0, all_const = 1, stacksave = 0, vla_expr = 0, nloads = 0, loads_switch = 1, other = 0;
    for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 1) == a) {
            LLVMValueRef v = LLVMGetOperand(user, 0);
            nstores++;
            if (!LLVMIsAConstantInt(v))
                all_const = 0;
            LLVMValueRef cf = LLVMIsACallInst(v) ? ptrcheck_ir_called_function(v) : NULL;
            if (cf) {
                size_t len = 0;
                const char *nm = LLVMGetValueName2(cf, &len);
                if (nm && len >= 14 && strncmp(nm, "llvm.stacksave", 14) == 0)
                    stacksave = 1;
            }
            if (LLVMIsAInstruction(v) && feeds_dynamic_alloca(v, 0))
                vla_expr = 1;
        } else if (ptrcheck_ir_is_lifetime_use(user)) {
            continue;
        } else if (LLVMIsALoadInst(user)) {
            nloads++;
            for (LLVMUseRef lu = LLVMGetFirstUse(user); lu; lu = LLVMGetNextUse(lu))
                if (!LLVMIsASwitchInst(LLVMGetUser(lu)))
                    loads_switch = 0;
        } else {
            other = 1;
        }
    }
    if (stacksave && nstores == 1)
        return 1;
    if (vla_expr && nstores == 1 && !other)
        return 1;
    /* cleanup.dest.slot: an i32 only ever set to constants and read by switches */
    LLVMTypeRef t = LLVMGetAllocatedType(a);
    if (!other && nstores > 0 && all_const && nloads > 0 && loads_switch &&
        LLVMGetTypeKind(t) == LLVMIntegerTypeKind && LLVMGetIntTypeWidth(t) == 32)
        return 1;
    return 0;
}

static int map_locals(ptrcheck_ir_fn_t *f, const ptrcheck_ir_valvec_t *allocas)
{
    size_t nsites = f->fs ? ptrcheck_sites_count(f->fs, PTRCHECK_SITE_LOCAL) : 0;
    if (!nsites)
        return 1;
    LLVMValueRef *match = calloc(nsites, sizeof *match);
    if (!match)
        return 0;
    size_t si = 0, di = 0; /* next static / dynamic alloca candidate */
    unsigned bi = 0;       /* next byval argument candidate */
    unsigned byval_kind = LLVMGetEnumAttributeKindForName("byval", 5);
    int ok = 1;
    for (size_t k = 0; k < nsites && ok; k++) {
        const ptrcheck_site_t *s = ptrcheck_sites_get(f->fs, PTRCHECK_SITE_LOCAL, k);
        if (!s) {
            ok = 0;
            break;
        }
        if ((s->flags & PTRCHECK_SITE_F_PARAM) && (s->flags & PTRCHECK_SITE_F_AGGREGATE) && byval_kind) {
            /* a record passed byval has no alloca: the argument is its address */
            int taken = 0;
            for (; bi < f->nparams && !taken; bi++) {
                LLVMAttributeRef at = LLVMGetEnumAttributeAtIndex(f->fn, bi + 1, byval_kind);
                if (!at)
                    continue;
                LLVMTypeRef bt = LLVMGetTypeAttributeValue(at);
                if (bt && ptrcheck_ir_type_size(f->td, bt) != s->bytes)
                    continue;
                if (s->name)
                    f->param_names[bi] = ptrcheck_engine_intern(f->e, s->name);
                taken = 1;
            }
            if (taken)
                continue;
        }
        if (s->flags & PTRCHECK_SITE_F_NRVO) {
            /* the named return value is clang's return slot: the first alloca, or the sret argument */
            match[k] = f->nrvo;
            if (!f->nrvo)
                continue;
            continue;
        }
        int vla = (s->flags & (PTRCHECK_SITE_F_VLA | PTRCHECK_SITE_F_ALLOCA)) || s->bytes == 0;
        size_t *pos = vla ? &di : &si;
        for (; *pos < allocas->n; (*pos)++) {
            LLVMValueRef a = allocas->v[*pos];
            if (is_dynamic_alloca(a) != vla || a == f->nrvo || is_compiler_alloca(f, a))
                continue;
            if (!vla && alloca_size(f, a) != s->bytes)
                continue;
            match[k] = a;
            (*pos)++;
            break;
        }
        if (!match[k])
            ok = 0;
    }
    if (ok) {
            for (size_t k = 0; k < nsites; k++) {
            const ptrcheck_site_t *s = ptrcheck_sites_get(f->fs, PTRCHECK_SITE_LOCAL, k);
            if (!match[k])
                continue; /* byval parameter */
            void **slot = ptrcheck_ir_pmap_slot(&f->site_of, match[k]);
            void **nslot = ptrcheck_ir_pmap_slot(&f->local_name, match[k]);
            if (!slot || !nslot) {
                free(match);
                return 0;
            }
            *slot = (void *)s;
            if (s->name)
                *nslot = (void *)ptrcheck_engine_intern(f->e, s->name);
        }
        /* parameter names by IR argument: the alloca a parameter is spilled into */
        for (unsigned i = 0; i < f->nparams; i++) {
            LLVMValueRef arg = LLVMGetParam(f->fn, i);
            for (LLVMUseRef u = LLVMGetFirstUse(arg); u; u = LLVMGetNextUse(u)) {
                LLVMValueRef user = LLVMGetUser(u);
                void *nm = NULL;
                if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 0) == arg &&
                    ptrcheck_ir_pmap_get(&f->local_name, ptrcheck_ir_strip(LLVMGetOperand(user, 1)), &nm) &&
                    nm) {
                    f->param_names[i] = nm;
                    break;
                }
            }
        }
    }
    free(match);
    return 1;
}

/* Names from the IR itself (clang keeps them with -fno-discard-value-names or assertions on). */
static int names_from_ir(ptrcheck_ir_fn_t *f, const ptrcheck_ir_valvec_t *allocas)
{
    char buf[512];
    for (unsigned i = 0; i < f->nparams; i++) {
        if (f->param_names[i])
            continue;
        size_t len = 0;
        const char *nm = LLVMGetValueName2(LLVMGetParam(f->fn, i), &len);
        if (nm && len && len < sizeof buf) {
            snprintf(buf, sizeof buf, "%.*s", (int)len, nm);
            f->param_names[i] = ptrcheck_engine_intern(f->e, buf);
        }
    }
    for (size_t k = 0; k < allocas->n; k++) {
        LLVMValueRef a = allocas->v[k];
        if (a == f->retval || ptrcheck_ir_pmap_get(&f->local_name, a, NULL))
            continue;
        size_t len = 0;
        const char *nm = LLVMGetValueName2(a, &len);
        if (!nm || !len || len >= sizeof buf)
            continue;
        /* clang's own temporaries */
        static const char *const tmp[] = {"tmp", "agg.tmp", "coerce", "ref.tmp", "retval", "saved_stack",
                                          "cleanup.dest.slot", "__vla_expr", "indirect-arg-temp", "atomic-temp",
                                          "compoundliteral"};
        int skip = 0;
        for (size_t t = 0; t < sizeof tmp / sizeof tmp[0]; t++)
            if (strncmp(nm, tmp[t], strlen(tmp[t])) == 0)
                skip = 1;
        if (skip)
            continue;
        snprintf(buf, sizeof buf, "%.*s", (int)len, nm);
        if (len > 5 && strcmp(buf + len - 5, ".addr") == 0)
            buf[len - 5] = 0;
        void **slot = ptrcheck_ir_pmap_slot(&f->local_name, a);
        if (!slot)
            return 0;
        *slot = (void *)ptrcheck_engine_intern(f->e, buf);
    }
    return 1;
}

ptrcheck_ir_fn_t *ptrcheck_ir_fn_create(ptrcheck_engine_t *e, LLVMValueRef fn)
{
    return ptrcheck_ir_fn_create_with(e, fn, NULL);
}

ptrcheck_ir_fn_t *ptrcheck_ir_fn_create_with(ptrcheck_engine_t *e, LLVMValueRef fn, LLVMTargetDataRef td)
{
    ptrcheck_ir_valvec_t kinds[PTRCHECK_SITE_KIND_COUNT];
    memset(kinds, 0, sizeof kinds);
    ptrcheck_ir_valvec_t allocas = {0}, rets = {0};
    ptrcheck_ir_fn_t *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->e = e;
    f->fn = fn;
    f->m = LLVMGetGlobalParent(fn);
    ptrcheck_ir_pmap_init(&f->site_of);
    ptrcheck_ir_pmap_init(&f->local_name);
    ptrcheck_ir_pmap_init(&f->lowered);
    f->own_td = td == NULL;
    f->td = td ? td : LLVMCreateTargetData(LLVMGetDataLayoutStr(f->m));
    f->nparams = LLVMCountParams(fn);
    f->param_names = calloc(f->nparams + 1, sizeof *f->param_names);
    if (!f->td || !f->param_names)
        goto fail;

    size_t nlen = 0;
    const char *nm = LLVMGetValueName2(fn, &nlen);
    char namebuf[1024];
    snprintf(namebuf, sizeof namebuf, "%.*s", (int)nlen, nm ? nm : "");
    f->name = ptrcheck_engine_intern(e, namebuf);
    f->fs = ptrcheck_sites_available(e) ? ptrcheck_sites_lookup(e, namebuf) : NULL;
    f->fn_loc = function_loc(f);
    f->retval = ptrcheck_ir_retval_alloca(fn);
    f->nrvo = ptrcheck_ir_nrvo_alloca(e, fn);
    if (f->nrvo && f->nrvo == f->retval)
        f->retval = NULL; /* the returns load the variable itself: map them as returns */

    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
            int ok = 1;
            switch (ptrcheck_compat_opcode(LLVMGetInstructionOpcode(in))) {
            case LLVMIntToPtr: ok = ptrcheck_ir_valvec_push(&kinds[PTRCHECK_SITE_INTTOPTR], in); break;
            case LLVMPtrToInt: ok = ptrcheck_ir_valvec_push(&kinds[PTRCHECK_SITE_PTRTOINT], in); break;
            case LLVMAlloca: ok = ptrcheck_ir_valvec_push(&allocas, in); break;
            case LLVMRet: ok = ptrcheck_ir_valvec_push(&rets, in); break;
            case LLVMCall:
            case LLVMInvoke: {
                LLVMValueRef callee = ptrcheck_ir_called_function(in);
                size_t len = 0;
                if (callee && LLVMGetValueName2(callee, &len) && len && !ptrcheck_ir_is_intrinsic(callee))
                    ok = ptrcheck_ir_valvec_push(&kinds[PTRCHECK_SITE_CALL], in);
                else if (callee && f->retval && LLVMGetIntrinsicID(callee) &&
                         ptrcheck_ir_strip(LLVMGetOperand(in, 0)) == f->retval) {
                    const char *cn = LLVMGetValueName2(callee, &len);
                    if (cn && (strncmp(cn, "llvm.memcpy", 11) == 0 || strncmp(cn, "llvm.memmove", 12) == 0))
                        ok = ptrcheck_ir_valvec_push(&kinds[PTRCHECK_SITE_RETURN], in);
                }
                break;
            }
            case LLVMStore:
                if (f->retval && ptrcheck_ir_strip(LLVMGetOperand(in, 1)) == f->retval)
                    ok = ptrcheck_ir_valvec_push(&kinds[PTRCHECK_SITE_RETURN], in);
                break;
            default: break;
            }
            if (!ok)
                goto fail;
        }
    }
    if (!f->retval) {
        ptrcheck_ir_valvec_t tmp = kinds[PTRCHECK_SITE_RETURN];
        kinds[PTRCHECK_SITE_RETURN] = rets;
        rets = tmp;
    } else if (f->fs && strcmp(f->name, "main") == 0 &&
               kinds[PTRCHECK_SITE_RETURN].n == ptrcheck_sites_count(f->fs, PTRCHECK_SITE_RETURN) + 1 &&
               LLVMIsAStoreInst(kinds[PTRCHECK_SITE_RETURN].v[0]) &&
               LLVMIsAConstantInt(LLVMGetOperand(kinds[PTRCHECK_SITE_RETURN].v[0], 0))) {
        /* main's implicit `return 0`, stored on entry */
        memmove(kinds[PTRCHECK_SITE_RETURN].v, kinds[PTRCHECK_SITE_RETURN].v + 1,
                (kinds[PTRCHECK_SITE_RETURN].n - 1) * sizeof(LLVMValueRef));
        kinds[PTRCHECK_SITE_RETURN].n--;
    }
    if (f->fs) {
        static const ptrcheck_site_kind_t ord[] = {PTRCHECK_SITE_INTTOPTR, PTRCHECK_SITE_PTRTOINT,
                                                   PTRCHECK_SITE_CALL, PTRCHECK_SITE_RETURN};
        for (size_t k = 0; k < sizeof ord / sizeof ord[0]; k++)
            if (!(ord[k] == PTRCHECK_SITE_INTTOPTR || ord[k] == PTRCHECK_SITE_PTRTOINT
                      ? map_conversions(f, ord[k], &kinds[ord[k]])
                      : map_by_ordinal(f, ord[k], &kinds[ord[k]])))
                goto fail;
        if (!map_locals(f, &allocas))
            goto fail;
    } else {
        f->lowered_all = 1;
    }
    if (!names_from_ir(f, &allocas))
        goto fail;

    for (size_t k = 0; k < PTRCHECK_SITE_KIND_COUNT; k++)
        free(kinds[k].v);
    free(allocas.v);
    free(rets.v);
    return f;
fail:
    for (size_t k = 0; k < PTRCHECK_SITE_KIND_COUNT; k++)
        free(kinds[k].v);
    free(allocas.v);
    free(rets.v);
    ptrcheck_ir_fn_destroy(f);
    return NULL;
}

void ptrcheck_ir_fn_destroy(ptrcheck_ir_fn_t *f)
{
    if (!f)
        return;
    if (f->td && f->own_td)
        LLVMDisposeTargetData(f->td);
    ptrcheck_ir_pmap_fini(&f->site_of);
    ptrcheck_ir_pmap_fini(&f->local_name);
    ptrcheck_ir_pmap_fini(&f->lowered);
    free(f->param_names);
    free(f);
}

ptrcheck_loc_t ptrcheck_ir_fn_loc(ptrcheck_ir_fn_t *f, LLVMValueRef inst, int *exact)
{
    void *s = NULL;
    if (exact)
        *exact = 0;
    if (inst && ptrcheck_ir_pmap_get(&f->site_of, inst, &s) && s) {
        const ptrcheck_site_t *site = s;
        if (site->loc.file || site->loc.raw) {
            if (exact)
                *exact = 1;
            return site->loc;
        }
    }
    if (inst && LLVMIsAInstruction(inst)) {
        unsigned line = LLVMGetDebugLocLine(inst); /* 0 when the instruction has no !dbg */
        if (line) {
            ptrcheck_loc_t loc = {0};
            loc.file = dbg_file(f->e, f->m, inst);
            loc.line = line;
            loc.col = LLVMGetDebugLocColumn(inst);
            if (loc.file) {
                if (exact)
                    *exact = 1;
                return loc;
            }
        }
    }
    return f->fn_loc;
}

const char *ptrcheck_ir_fn_local_name(ptrcheck_ir_fn_t *f, LLVMValueRef alloca_inst)
{
    void *nm = NULL;
    if (alloca_inst && ptrcheck_ir_pmap_get(&f->local_name, alloca_inst, &nm))
        return nm;
    return NULL;
}

const char *ptrcheck_ir_fn_name(ptrcheck_ir_fn_t *f)
{
    if (!f->display)
        f->display = ptrcheck_engine_display_name(f->e, f->name);
    return f->display ? f->display : f->name;
}

const char *ptrcheck_ir_fn_symbol(ptrcheck_ir_fn_t *f) { return f->name; }

LLVMTargetDataRef ptrcheck_ir_fn_target_data(ptrcheck_ir_fn_t *f) { return f->td; }

const char *ptrcheck_ir_fn_param_name(ptrcheck_ir_fn_t *f, unsigned i)
{
    return i < f->nparams ? f->param_names[i] : NULL;
}

static int is_param_alloca(ptrcheck_ir_fn_t *f, LLVMValueRef a)
{
    void *s = NULL;
    if (ptrcheck_ir_pmap_get(&f->site_of, a, &s) && s)
        return (((const ptrcheck_site_t *)s)->flags & PTRCHECK_SITE_F_PARAM) != 0;
    for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 1) == a && LLVMIsAArgument(LLVMGetOperand(user, 0)))
            return 1;
    }
    return 0;
}

const char *ptrcheck_ir_describe_field(const char *field, const char *record, int in_array, char *buf, size_t size)
{
    char spell[300];
    ptrcheck_ir_record_spelling(record, spell, sizeof spell);
    snprintf(buf, size, "%sfield '%s' of '%s'", in_array ? "an element of " : "", field, spell);
    return buf;
}

const char *ptrcheck_ir_describe_place(ptrcheck_engine_t *e, ptrcheck_ir_fn_t *f, LLVMValueRef ptr, char *buf,
                                       size_t size)
{
    if (!buf || !size)
        return buf;
    snprintf(buf, size, "memory");
    if (!ptr)
        return buf;
    /* The outermost struct step of the GEP chain names a field; array steps name an element. */
    int array_elem = 0;
    LLVMValueRef v = ptr;
    for (unsigned guard = 0; v && guard < 64; guard++) {
        LLVMOpcode op = ptrcheck_ir_opcode(v);
        if (!op)
            break;
        if (op == LLVMBitCast || op == LLVMAddrSpaceCast) {
            v = LLVMGetOperand(v, 0);
            continue;
        }
        if (op != LLVMGetElementPtr)
            break;
        unsigned nops = (unsigned)LLVMGetNumOperands(v);
        LLVMTypeRef last_struct = NULL;
        unsigned last_idx = 0;
        int after_struct_array = 0;
        if (nops > 1 && !(LLVMIsAConstantInt(LLVMGetOperand(v, 1)) && LLVMConstIntGetZExtValue(LLVMGetOperand(v, 1)) == 0))
            array_elem = 1; /* p[i] */
        ptrcheck_ir_gep_it_t it;
        ptrcheck_ir_gep_step_t st;
        ptrcheck_ir_gep_begin(&it, NULL, v);
        while (ptrcheck_ir_gep_next(&it, &st)) {
            if (st.kind == PTRCHECK_IR_GEP_FIELD) {
                last_struct = st.in;
                last_idx = st.field;
                after_struct_array = 0;
            } else if (st.kind != PTRCHECK_IR_GEP_LEADING) {
                after_struct_array = 1;
            }
        }
        char rec[256], spell[300];
        if (last_struct && ptrcheck_ir_record_name(last_struct, rec, sizeof rec)) {
            LLVMTargetDataRef td = f ? f->td : NULL;
            const char *field = NULL;
            if (td)
                field = ptrcheck_sites_field_name(e, rec, LLVMOffsetOfElement(td, last_struct, last_idx));
            ptrcheck_ir_record_spelling(rec, spell, sizeof spell);
            if (field)
                ptrcheck_ir_describe_field(field, rec, after_struct_array, buf, size);
            else
                snprintf(buf, size, "%sfield #%u of '%s'", after_struct_array ? "an element of " : "", last_idx,
                         spell);
            return buf;
        }
        if (nops > 2)
            array_elem = 1;
        v = LLVMGetOperand(v, 0);
    }
    const char *name = NULL;
    char tmp[512];
    if (LLVMIsAAllocaInst(v)) {
        if (f && v == f->retval) {
            snprintf(buf, size, "the return value of '%s'", ptrcheck_ir_fn_name(f));
            return buf;
        }
        name = f ? ptrcheck_ir_fn_local_name(f, v) : NULL;
        if (name && array_elem)
            snprintf(buf, size, "an array element of '%s'", name);
        else if (name)
            snprintf(buf, size, "%s '%s'", f && is_param_alloca(f, v) ? "parameter" : "local", name);
        else
            snprintf(buf, size, "%s", array_elem ? "an array element of a local variable" : "a local variable");
    } else if (LLVMIsAGlobalVariable(v)) {
        const char *shown = ptrcheck_ir_global_name(e, v, tmp, sizeof tmp);
        if (!tmp[0])
            snprintf(buf, size, "a global variable");
        else if (array_elem)
            snprintf(buf, size, "an array element of '%s'", shown);
        else
            snprintf(buf, size, "global '%s'", shown);
    } else if (LLVMIsALoadInst(v) && f && LLVMIsAAllocaInst(ptrcheck_ir_strip(LLVMGetOperand(v, 0))) &&
               (name = ptrcheck_ir_fn_local_name(f, ptrcheck_ir_strip(LLVMGetOperand(v, 0))))) {
        /* *q, q[i] where q is a named local or parameter */
        snprintf(buf, size, "%smemory pointed to by '%s'", array_elem ? "an element of " : "", name);
    } else if (LLVMIsAArgument(v) && f) {
        unsigned n = LLVMCountParams(f->fn);
        for (unsigned i = 0; i < n; i++) {
            if (LLVMGetParam(f->fn, i) != v)
                continue;
            const char *pn = ptrcheck_ir_fn_param_name(f, i);
            if (pn)
                snprintf(buf, size, "the memory parameter '%s' points to", pn);
            else
                snprintf(buf, size, "the memory parameter #%u points to", i + 1);
        }
    }
    return buf;
}

ptrcheck_loc_t ptrcheck_ir_global_loc(ptrcheck_engine_t *e, LLVMValueRef g)
{
    ptrcheck_loc_t loc = {0};
    unsigned line = LLVMGetDebugLocLine(g); /* 0 without a DIGlobalVariable */
    if (line) {
        loc.file = dbg_file(e, LLVMGetGlobalParent(g), g);
        loc.line = line;
    }
    return loc;
}

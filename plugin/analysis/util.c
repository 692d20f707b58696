/* Small IR helpers shared by the IR analyses and the IR parts of the checks: a pointer-keyed hash
 * map and a value vector, opcode and cast stripping, the callee of a call, the lifetime-marker
 * test, record names, retval / named-return-value detection, readable names of values, and the
 * per-module cache of function maps.  The function maps themselves (IR <-> source locations) are
 * plugin/analysis/loc.c; walking GEP indices is plugin/analysis/gep.c.  Never names a check and
 * never words a finding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck_private/ir.h"

/* ------------------------------------------------------------------ pointer hash map */

void ptrcheck_ir_pmap_init(ptrcheck_ir_pmap_t *m) { memset(m, 0, sizeof *m); }

void ptrcheck_ir_pmap_fini(ptrcheck_ir_pmap_t *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static size_t pmap_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x;
}

static int pmap_grow(ptrcheck_ir_pmap_t *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    const void **nk = calloc(ncap, sizeof *nk);
    void **nv = calloc(ncap, sizeof *nv);
    if (!nk || !nv) {
        free(nk);
        free(nv);
        return 0;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = pmap_hash(m->keys[i]) & (ncap - 1);
        while (nk[j])
            j = (j + 1) & (ncap - 1);
        nk[j] = m->keys[i];
        nv[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = nk;
    m->vals = nv;
    m->cap = ncap;
    return 1;
}

void **ptrcheck_ir_pmap_slot(ptrcheck_ir_pmap_t *m, const void *key)
{
    if ((m->count + 1) * 4 > m->cap * 3 && !pmap_grow(m))
        return NULL;
    size_t j = pmap_hash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == key)
            return &m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->vals[j] = NULL;
    m->count++;
    return &m->vals[j];
}

int ptrcheck_ir_pmap_get(const ptrcheck_ir_pmap_t *m, const void *key, void **val)
{
    if (!m->cap)
        return 0;
    size_t j = pmap_hash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == key) {
            if (val)
                *val = m->vals[j];
            return 1;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

/* ------------------------------------------------------------------ value vector */

int ptrcheck_ir_valvec_push(ptrcheck_ir_valvec_t *vv, LLVMValueRef x)
{
    if (vv->n == vv->cap) {
        size_t ncap = vv->cap ? vv->cap * 2 : 16;
        LLVMValueRef *nv = realloc(vv->v, ncap * sizeof *nv);
        if (!nv)
            return 0;
        vv->v = nv;
        vv->cap = ncap;
    }
    vv->v[vv->n++] = x;
    return 1;
}

/* ------------------------------------------------------------------ small helpers */

LLVMOpcode ptrcheck_ir_opcode(LLVMValueRef v)
{
    if (LLVMIsAInstruction(v))
        return ptrcheck_compat_opcode(LLVMGetInstructionOpcode(v));
    if (LLVMIsAConstantExpr(v))
        return ptrcheck_compat_opcode(LLVMGetConstOpcode(v));
    return (LLVMOpcode)0;
}

LLVMValueRef ptrcheck_ir_strip_casts(LLVMValueRef v)
{
    for (unsigned guard = 0; v && guard < 32; guard++) {
        LLVMOpcode op = ptrcheck_ir_opcode(v);
        if (op != LLVMBitCast && op != LLVMAddrSpaceCast)
            break;
        v = LLVMGetOperand(v, 0);
    }
    return v;
}

LLVMValueRef ptrcheck_ir_strip(LLVMValueRef v)
{
    for (unsigned guard = 0; v && guard < 64; guard++) {
        LLVMOpcode op = ptrcheck_ir_opcode(v);
        if (op != LLVMGetElementPtr && op != LLVMBitCast && op != LLVMAddrSpaceCast)
            break;
        v = LLVMGetOperand(v, 0);
    }
    return v;
}

LLVMValueRef ptrcheck_ir_called_function(LLVMValueRef call)
{
    if (!LLVMIsACallInst(call) && !LLVMIsAInvokeInst(call))
        return NULL;
    LLVMValueRef callee = LLVMGetCalledValue(call);
    for (unsigned guard = 0; callee && guard < 8 && LLVMIsAConstantExpr(callee); guard++) {
        LLVMOpcode op = LLVMGetConstOpcode(callee);
        if (op != LLVMBitCast && op != LLVMAddrSpaceCast)
            break;
        callee = LLVMGetOperand(callee, 0);
    }
    return callee && LLVMIsAFunction(callee) ? callee : NULL;
}

int ptrcheck_ir_is_lifetime_marker(LLVMValueRef v)
{
    LLVMValueRef callee = LLVMIsACallInst(v) ? ptrcheck_ir_called_function(v) : NULL;
    size_t len = 0;
    const char *n = callee ? LLVMGetValueName2(callee, &len) : NULL;
    return n && len >= 14 && strncmp(n, "llvm.lifetime.", 14) == 0;
}

int ptrcheck_ir_is_lifetime_use(LLVMValueRef user)
{
    if (ptrcheck_ir_is_lifetime_marker(user))
        return 1;
    if (!LLVMIsABitCastInst(user) || !LLVMGetFirstUse(user))
        return 0;
    for (LLVMUseRef u = LLVMGetFirstUse(user); u; u = LLVMGetNextUse(u))
        if (!ptrcheck_ir_is_lifetime_marker(LLVMGetUser(u)))
            return 0;
    return 1;
}

int ptrcheck_ir_is_intrinsic(LLVMValueRef fn)
{
    size_t len = 0;
    const char *name = LLVMGetValueName2(fn, &len);
    return LLVMGetIntrinsicID(fn) != 0 || (name && len >= 5 && strncmp(name, "llvm.", 5) == 0);
}

const char *ptrcheck_ir_record_name(LLVMTypeRef st, char *buf, size_t size)
{
    if (!st || LLVMGetTypeKind(st) != LLVMStructTypeKind || LLVMIsLiteralStruct(st) || size == 0)
        return NULL;
    const char *name = LLVMGetStructName(st);
    if (!name || !*name)
        return NULL;
    size_t len = strlen(name);
    /* strip trailing ".<digits>" (possibly repeated) */
    for (;;) {
        size_t i = len;
        while (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9')
            i--;
        if (i == len || i < 2 || name[i - 1] != '.')
            break;
        len = i - 1;
    }
    if (len >= size)
        len = size - 1;
    memcpy(buf, name, len);
    buf[len] = 0;
    return buf;
}

const char *ptrcheck_ir_record_spelling(const char *record, char *buf, size_t size)
{
    if (strncmp(record, "struct.", 7) == 0)
        snprintf(buf, size, "struct %s", record + 7);
    else if (strncmp(record, "union.", 6) == 0)
        snprintf(buf, size, "union %s", record + 6);
    else if (strncmp(record, "class.", 6) == 0)
        snprintf(buf, size, "class %s", record + 6);
    else
        snprintf(buf, size, "%s", record);
    return buf;
}

unsigned long long ptrcheck_ir_type_size(LLVMTargetDataRef td, LLVMTypeRef t)
{
    if (!td || !t || !LLVMTypeIsSized(t))
        return 0;
    return LLVMABISizeOfType(td, t);
}

LLVMValueRef ptrcheck_ir_retval_alloca(LLVMValueRef fn)
{
    LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
    if (LLVMGetTypeKind(LLVMGetReturnType(fty)) == LLVMVoidTypeKind)
        return NULL;
    LLVMValueRef found = NULL;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
        LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
        if (!term || LLVMGetInstructionOpcode(term) != LLVMRet || LLVMGetNumOperands(term) < 1)
            continue;
        LLVMValueRef v = LLVMGetOperand(term, 0);
        if (!LLVMIsALoadInst(v))
            return NULL;
        LLVMValueRef a = ptrcheck_ir_strip(LLVMGetOperand(v, 0));
        if (!LLVMIsAAllocaInst(a) || (found && found != a))
            return NULL;
        found = a;
    }
    if (!found)
        return NULL;
    /* clang creates `retval` before any other alloca and reads it only to return it.  When the single
     * store to it dominates the return, clang zaps retval and returns the value directly; the `ret`
     * may then load a user variable (`return p;`), which is not a retval. */
    LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(fn);
    LLVMValueRef first = NULL;
    for (LLVMValueRef in = entry ? LLVMGetFirstInstruction(entry) : NULL; in && !first; in = LLVMGetNextInstruction(in))
        if (LLVMIsAAllocaInst(in))
            first = in;
    if (first != found)
        return NULL;
    for (LLVMUseRef u = LLVMGetFirstUse(found); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsABitCastInst(user))
            user = LLVMGetFirstUse(user) ? LLVMGetUser(LLVMGetFirstUse(user)) : NULL;
        if (!user || !LLVMIsALoadInst(user))
            continue;
        for (LLVMUseRef lu = LLVMGetFirstUse(user); lu; lu = LLVMGetNextUse(lu))
            if (!LLVMIsAInstruction(LLVMGetUser(lu)) || LLVMGetInstructionOpcode(LLVMGetUser(lu)) != LLVMRet)
                return NULL;
    }
    return found;
}

LLVMValueRef ptrcheck_ir_nrvo_alloca(ptrcheck_engine_t *e, LLVMValueRef fn)
{
    size_t nlen = 0;
    const char *nm = LLVMGetValueName2(fn, &nlen);
    char buf[1024];
    snprintf(buf, sizeof buf, "%.*s", (int)nlen, nm ? nm : "");
    const ptrcheck_fn_sites_t *fs = ptrcheck_sites_available(e) ? ptrcheck_sites_lookup(e, buf) : NULL;
    size_t n = ptrcheck_sites_count(fs, PTRCHECK_SITE_LOCAL);
    int has = 0;
    for (size_t k = 0; k < n && !has; k++)
        has = (ptrcheck_sites_get(fs, PTRCHECK_SITE_LOCAL, k)->flags & PTRCHECK_SITE_F_NRVO) != 0;
    if (!has)
        return NULL;
    unsigned sret = LLVMGetEnumAttributeKindForName("sret", 4);
    if (LLVMCountParams(fn) && sret && LLVMGetEnumAttributeAtIndex(fn, 1, sret))
        return NULL; /* it lives in the sret argument */
    LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(fn);
    for (LLVMValueRef in = entry ? LLVMGetFirstInstruction(entry) : NULL; in; in = LLVMGetNextInstruction(in))
        if (LLVMIsAAllocaInst(in))
            return in;
    return NULL;
}

/* ------------------------------------------------------------------ readable names */

const char *ptrcheck_ir_display_name(ptrcheck_engine_t *e, LLVMValueRef v, char *buf, size_t size)
{
    size_t len = 0;
    const char *nm = v ? LLVMGetValueName2(v, &len) : NULL;
    char sym[1024];
    snprintf(sym, sizeof sym, "%.*s", (int)len, nm ? nm : "");
    const char *shown = sym[0] ? ptrcheck_engine_display_name(e, sym) : NULL;
    snprintf(buf, size, "%s", shown ? shown : sym);
    return buf;
}

const char *ptrcheck_ir_global_name(ptrcheck_engine_t *e, LLVMValueRef g, char *buf, size_t size)
{
    size_t len = 0;
    const char *nm = g ? LLVMGetValueName2(g, &len) : NULL;
    int mangled = nm && len > 1 && ((nm[0] == '_' && nm[1] == 'Z') || nm[0] == '?');
    ptrcheck_ir_display_name(e, g, buf, size);
    /* C: clang names a static local "fn.var"; show "var".  (C++ ones demangle to "f()::var".) */
    const char *dot = mangled ? NULL : strrchr(buf, '.');
    if (dot && dot[1] && LLVMGetLinkage(g) == LLVMInternalLinkage)
        memmove(buf, dot + 1, strlen(dot + 1) + 1);
    return buf;
}

/* ------------------------------------------------------------------ function map cache */

void ptrcheck_ir_fncache_init(ptrcheck_ir_fncache_t *c, ptrcheck_engine_t *e)
{
    c->e = e;
    c->td = NULL;
    ptrcheck_ir_pmap_init(&c->map);
}

void ptrcheck_ir_fncache_fini(ptrcheck_ir_fncache_t *c)
{
    for (size_t i = 0; i < c->map.cap; i++)
        if (c->map.keys[i])
            ptrcheck_ir_fn_destroy(c->map.vals[i]);
    ptrcheck_ir_pmap_fini(&c->map);
    if (c->td)
        LLVMDisposeTargetData(c->td);
    c->td = NULL;
}

ptrcheck_ir_fn_t *ptrcheck_ir_fncache_get(ptrcheck_ir_fncache_t *c, LLVMValueRef fn)
{
    void *v = NULL;
    if (ptrcheck_ir_pmap_get(&c->map, fn, &v))
        return v;
    if (!c->td && !(c->td = LLVMCreateTargetData(LLVMGetDataLayoutStr(LLVMGetGlobalParent(fn)))))
        return NULL;
    ptrcheck_ir_fn_t *f = ptrcheck_ir_fn_create_with(c->e, fn, c->td);
    if (!f)
        return NULL;
    void **slot = ptrcheck_ir_pmap_slot(&c->map, fn);
    if (!slot) {
        ptrcheck_ir_fn_destroy(f);
        return NULL;
    }
    *slot = f;
    return f;
}

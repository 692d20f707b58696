/* Reaching stores of local slots (ptrcheck_private/ir.h, ptrcheck_ir_reach_*): for a load of an
 * alloca, the values of the stores into it that reach the load -- the last store before it in its
 * block, else the last store of every block found walking the predecessors back from it and
 * stopping at blocks that store into the slot.
 *
 * Computed once per slot, for all of its loads at a time, and kept for the whole IR run (the module
 * does not change while the analyses look at it), so the cost is linear in the slot's uses plus the
 * blocks the backward walks of its loads cover:
 *   - one forward scan of each block that stores into the slot gives the loads that have a store
 *     before them in their block, and the block's last store;
 *   - the blocks the loads without one reach backwards through blocks without stores (the region)
 *     get a bit set over the storing blocks: in(B) = union over the predecessors P of B of
 *     {last store of P} when P stores, else in(P), iterated to the least fixpoint.
 * The per-function control-flow graph (blocks, predecessors) is built once per function. */
#include <stdlib.h>
#include <string.h>

#include "ptrcheck_private/ir.h"
#include "ptrcheck_private/util.h"

typedef struct cfg_s {
    size_t nblocks;
    LLVMBasicBlockRef *blocks;
    LLVMBasicBlockRef entry;
    ptrcheck_ir_pmap_t index; /* block -> index + 1 */
    uint32_t *pred_at;        /* preds of block i: preds[pred_at[i] .. pred_at[i + 1]) */
    uint32_t *preds;
    /* scratch for one slot at a time, valid where stamp[i] == the slot's generation */
    uint32_t *stamp;
    uint32_t *store_k;  /* index + 1 of the block among the slot's storing blocks (0: none) */
    uint32_t *region;   /* index + 1 of the block in the region */
    uint32_t gen;
} cfg_t;

struct ptrcheck_ir_reach_s {
    ptrcheck_ir_pmap_t cfgs;   /* function -> cfg_t* */
    ptrcheck_ir_pmap_t result; /* load -> ptrcheck_ir_valvec_t* (in the arena) */
    ptrcheck_ir_pmap_t done;   /* slot -> (void *)1 once its loads have results */
    ptrcheck_arena_t arena;
};

ptrcheck_ir_reach_t *ptrcheck_ir_reach_create(void)
{
    ptrcheck_ir_reach_t *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    ptrcheck_ir_pmap_init(&r->cfgs);
    ptrcheck_ir_pmap_init(&r->result);
    ptrcheck_ir_pmap_init(&r->done);
    ptrcheck_arena_init(&r->arena);
    return r;
}

static void cfg_free(cfg_t *g)
{
    if (!g)
        return;
    free(g->blocks);
    ptrcheck_ir_pmap_fini(&g->index);
    free(g->pred_at);
    free(g->preds);
    free(g->stamp);
    free(g->store_k);
    free(g->region);
    free(g);
}

void ptrcheck_ir_reach_destroy(ptrcheck_ir_reach_t *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->cfgs.cap; i++)
        if (r->cfgs.keys[i])
            cfg_free(r->cfgs.vals[i]);
    ptrcheck_ir_pmap_fini(&r->cfgs);
    ptrcheck_ir_pmap_fini(&r->result);
    ptrcheck_ir_pmap_fini(&r->done);
    ptrcheck_arena_fini(&r->arena);
    free(r);
}

static uint32_t block_index(const cfg_t *g, LLVMBasicBlockRef b)
{
    void *v = NULL;
    return ptrcheck_ir_pmap_get(&g->index, b, &v) ? (uint32_t)(uintptr_t)v - 1 : UINT32_MAX;
}

/* The control-flow graph of fn: predecessors are the blocks whose terminators name a block. */
static cfg_t *cfg_build(LLVMValueRef fn)
{
    cfg_t *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    ptrcheck_ir_pmap_init(&g->index);
    size_t n = LLVMCountBasicBlocks(fn), nedges = 0;
    g->nblocks = n;
    g->blocks = calloc(n + 1, sizeof *g->blocks);
    g->pred_at = calloc(n + 2, sizeof *g->pred_at);
    g->stamp = calloc(n + 1, sizeof *g->stamp);
    g->store_k = calloc(n + 1, sizeof *g->store_k);
    g->region = calloc(n + 1, sizeof *g->region);
    if (!g->blocks || !g->pred_at || !g->stamp || !g->store_k || !g->region)
        goto fail;
    size_t i = 0;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb && i < n; bb = LLVMGetNextBasicBlock(bb), i++) {
        void **slot = ptrcheck_ir_pmap_slot(&g->index, bb);
        if (!slot)
            goto fail;
        *slot = (void *)(uintptr_t)(i + 1);
        g->blocks[i] = bb;
    }
    g->entry = n ? g->blocks[0] : NULL;
    /* count the predecessors of each block, then fill them in (CSR) */
    for (i = 0; i < n; i++) {
        LLVMValueRef t = LLVMGetBasicBlockTerminator(g->blocks[i]);
        unsigned ns = t ? LLVMGetNumSuccessors(t) : 0;
        for (unsigned k = 0; k < ns; k++) {
            uint32_t s = block_index(g, LLVMGetSuccessor(t, k));
            if (s != UINT32_MAX) {
                g->pred_at[s + 1]++;
                nedges++;
            }
        }
    }
    for (i = 0; i < n; i++)
        g->pred_at[i + 1] += g->pred_at[i];
    g->preds = calloc(nedges + 1, sizeof *g->preds);
    uint32_t *fill = calloc(n + 1, sizeof *fill);
    if (!g->preds || !fill) {
        free(fill);
        goto fail;
    }
    for (i = 0; i < n; i++) {
        LLVMValueRef t = LLVMGetBasicBlockTerminator(g->blocks[i]);
        unsigned ns = t ? LLVMGetNumSuccessors(t) : 0;
        for (unsigned k = 0; k < ns; k++) {
            uint32_t s = block_index(g, LLVMGetSuccessor(t, k));
            if (s != UINT32_MAX)
                g->preds[g->pred_at[s] + fill[s]++] = (uint32_t)i;
        }
    }
    free(fill);
    return g;
fail:
    cfg_free(g);
    return NULL;
}

static cfg_t *cfg_of(ptrcheck_ir_reach_t *r, LLVMValueRef fn)
{
    void **slot = ptrcheck_ir_pmap_slot(&r->cfgs, fn);
    if (!slot)
        return NULL;
    if (!*slot)
        *slot = cfg_build(fn);
    return *slot;
}

static int is_store_into(LLVMValueRef in, LLVMValueRef a) { return LLVMIsAStoreInst(in) && LLVMGetOperand(in, 1) == a; }
static int is_load_of(LLVMValueRef in, LLVMValueRef a) { return LLVMIsALoadInst(in) && LLVMGetOperand(in, 0) == a; }

/* Records the result of load: n values (copied into the arena). */
static int put(ptrcheck_ir_reach_t *r, LLVMValueRef load, const LLVMValueRef *v, size_t n)
{
    ptrcheck_ir_valvec_t *vv = ptrcheck_arena_alloc(&r->arena, sizeof *vv);
    if (!vv)
        return 0;
    if (n) {
        vv->v = ptrcheck_arena_alloc(&r->arena, n * sizeof *vv->v);
        if (!vv->v)
            return 0;
        memcpy(vv->v, v, n * sizeof *v);
    }
    vv->n = vv->cap = n;
    void **slot = ptrcheck_ir_pmap_slot(&r->result, load);
    if (!slot)
        return 0;
    *slot = vv;
    return 1;
}

/* Results for every load of slot a (an alloca of function fn). */
static int solve_slot(ptrcheck_ir_reach_t *r, LLVMValueRef a)
{
    LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(a));
    cfg_t *g = cfg_of(r, fn);
    ptrcheck_ir_valvec_t last = {0};    /* the last store of each storing block, by k */
    ptrcheck_ir_valvec_t pending = {0}; /* loads with no store before them in their block */
    uint32_t *work = NULL;
    uint64_t *in = NULL;
    LLVMValueRef *vals = NULL;
    int ok = 0;
    if (!g)
        return 0;
    if (++g->gen == 0) { /* wrapped: forget every stamp */
        memset(g->stamp, 0, g->nblocks * sizeof *g->stamp);
        g->gen = 1;
    }
    const uint32_t gen = g->gen;
    /* the storing blocks, each scanned forward once */
    for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef st = LLVMGetUser(u);
        if (!is_store_into(st, a))
            continue;
        uint32_t b = block_index(g, LLVMGetInstructionParent(st));
        if (b == UINT32_MAX || (g->stamp[b] == gen && g->store_k[b]))
            continue;
        LLVMValueRef cur = NULL;
        for (LLVMValueRef i = LLVMGetFirstInstruction(g->blocks[b]); i; i = LLVMGetNextInstruction(i)) {
            if (is_store_into(i, a)) {
                cur = i;
            } else if (is_load_of(i, a)) {
                LLVMValueRef v = cur ? LLVMGetOperand(cur, 0) : NULL;
                if (cur ? !put(r, i, &v, 1) : !ptrcheck_ir_valvec_push(&pending, i))
                    goto done;
            }
        }
        if (!ptrcheck_ir_valvec_push(&last, cur))
            goto done;
        g->stamp[b] = gen;
        g->store_k[b] = (uint32_t)last.n;
        g->region[b] = 0;
    }
    /* the loads of blocks that do not store */
    for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef ld = LLVMGetUser(u);
        if (!is_load_of(ld, a))
            continue;
        uint32_t b = block_index(g, LLVMGetInstructionParent(ld));
        if (b != UINT32_MAX && !(g->stamp[b] == gen && g->store_k[b]) && !ptrcheck_ir_valvec_push(&pending, ld))
            goto done;
    }
    size_t K = last.n, W = (K + 63) / 64;
    /* a slot written only in the entry block (parameter spills, variables initialised once at the
     * top): that store reaches every load outside the entry block */
    LLVMValueRef entry_store = K == 1 && g->stamp[0] == gen && g->store_k[0] ? last.v[0] : NULL;
    /* the region: blocks reached backwards from the pending loads through blocks without stores */
    size_t nreg = 0;
    work = calloc(g->nblocks + 1, sizeof *work);
    if (!work)
        goto done;
    for (size_t p = 0; p < pending.n; p++) {
        uint32_t b = block_index(g, LLVMGetInstructionParent(pending.v[p]));
        if (b == UINT32_MAX || (entry_store && g->blocks[b] != g->entry))
            continue;
        if (g->stamp[b] != gen) {
            g->stamp[b] = gen;
            g->store_k[b] = 0;
            g->region[b] = 0;
        }
        if (g->region[b])
            continue;
        /* a load's own block is in the region even when it stores (after the load) */
        g->region[b] = (uint32_t)++nreg;
        work[nreg - 1] = b;
    }
    for (size_t w = 0; w < nreg; w++) {
        uint32_t b = work[w];
        for (uint32_t e = g->pred_at[b]; e < g->pred_at[b + 1]; e++) {
            uint32_t p = g->preds[e];
            if (g->stamp[p] != gen) {
                g->stamp[p] = gen;
                g->store_k[p] = 0;
                g->region[p] = 0;
            }
            if (g->store_k[p] || g->region[p])
                continue;
            g->region[p] = (uint32_t)++nreg;
            work[nreg - 1] = p;
        }
    }
    /* in(B) over the region, to the least fixpoint (farthest blocks first) */
    if (nreg && K) {
        in = calloc(nreg * W, sizeof *in);
        if (!in)
            goto done;
        for (int changed = 1; changed;) {
            changed = 0;
            for (size_t w = nreg; w-- > 0;) {
                uint32_t b = work[w];
                uint64_t *dst = in + (g->region[b] - 1) * W;
                for (uint32_t e = g->pred_at[b]; e < g->pred_at[b + 1]; e++) {
                    uint32_t p = g->preds[e];
                    if (g->store_k[p]) {
                        uint32_t k = g->store_k[p] - 1;
                        if (!(dst[k / 64] & ((uint64_t)1 << (k % 64)))) {
                            dst[k / 64] |= (uint64_t)1 << (k % 64);
                            changed = 1;
                        }
                    } else if (g->region[p] && p != b) {
                        const uint64_t *src = in + (g->region[p] - 1) * W;
                        for (size_t x = 0; x < W; x++)
                            if (src[x] & ~dst[x]) {
                                dst[x] |= src[x];
                                changed = 1;
                            }
                    }
                }
            }
        }
    }
    vals = calloc(K + 1, sizeof *vals);
    if (!vals)
        goto done;
    for (size_t p = 0; p < pending.n; p++) {
        LLVMValueRef ld = pending.v[p];
        uint32_t b = block_index(g, LLVMGetInstructionParent(ld));
        size_t n = 0;
        if (b == UINT32_MAX) {
            n = 0;
        } else if (entry_store && g->blocks[b] != g->entry) {
            vals[n++] = LLVMGetOperand(entry_store, 0);
        } else if (in && g->region[b]) {
            const uint64_t *bits = in + (g->region[b] - 1) * W;
            for (size_t k = 0; k < K; k++)
                if (bits[k / 64] & ((uint64_t)1 << (k % 64)))
                    vals[n++] = LLVMGetOperand(last.v[k], 0);
        }
        if (!put(r, ld, vals, n))
            goto done;
    }
    ok = 1;
done:
    free(last.v);
    free(pending.v);
    free(work);
    free(in);
    free(vals);
    return ok;
}

const ptrcheck_ir_valvec_t *ptrcheck_ir_reach_stores(ptrcheck_ir_reach_t *r, LLVMValueRef load, LLVMValueRef a)
{
    void *v = NULL;
    if (ptrcheck_ir_pmap_get(&r->result, load, &v))
        return v;
    if (ptrcheck_ir_pmap_get(&r->done, a, NULL))
        return NULL; /* not a load of a */
    void **slot = ptrcheck_ir_pmap_slot(&r->done, a);
    if (!slot || !solve_slot(r, a))
        return NULL;
    *slot = (void *)1;
    return ptrcheck_ir_pmap_get(&r->result, load, &v) ? v : NULL;
}

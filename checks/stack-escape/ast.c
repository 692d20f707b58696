/* ptrcheck-stack-escape, AST part: the address of a block-scope local used after its block ends
 * (`int *p; { int x; p = &x; } return *p;`).  IR cannot see block scopes at -O0 (clang emits
 * lifetime markers only at -O1 and above), so the frontend records, per function and in
 * code-generation order, declarations, pointer assignments, pointer reads and block ends
 * (ast.h, "block scopes"), and this file replays them: a pointer variable that last received
 * the address of a local (or a compound literal) whose block has ended, and is then read, is
 * reported at the read.  A pointer may hold one of a few addresses (`p = c ? a : b`).
 * The replay is linear and branch-insensitive in the safe direction: any assignment in between
 * (on any branch) clears the pointer, so branches can hide a finding but not invent one.  What a
 * block that ends in a return assigns is undone at its end (an undo journal, linear too): it
 * cannot reach the code after the block.  The else arm of an if statement starts from the state
 * before its then arm (what the then arm assigned is undone there and done again after the
 * statement, for the pointers the else arm leaves alone): a use in one arm never sees what the
 * other assigned. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrcheck_private/hooks.h"
#include "messages.h"

#define MSG(id) stack_escape_msg[id]

#define MAX_HOLDS 4

typedef struct var_s {
    unsigned holds[MAX_HOLDS]; /* ids of the locals whose address it may hold */
    unsigned nholds;
    ptrcheck_loc_t set_at;
    int ended;           /* (as a local) its block has ended */
    ptrcheck_loc_t end_at;
    const char *name;
    ptrcheck_loc_t decl;
} var_t;

/* one undo entry: the pointer state of var before a change */
typedef struct undo_s {
    unsigned var;
    unsigned holds[MAX_HOLDS];
    unsigned nholds;
    ptrcheck_loc_t set_at;
} undo_t;

/* an if statement with both arms: where the journal was when its then arm began and when its else
 * arm began, and where its then arm's final states are kept (replay_t.snap) */
typedef struct arms_s {
    size_t log_at, else_at, snap_at;
} arms_t;

typedef struct replay_s {
    var_t *v;
    undo_t *log;
    size_t nlog, caplog;
    size_t *marks;
    size_t nmarks, capmarks;
    arms_t *arms;
    size_t narms, caparms;
    undo_t *snap; /* the then arms' final states of the pointers they changed */
    size_t nsnap, capsnap;
    unsigned *touched; /* by var: == gen when the else arm being closed changed it */
    unsigned gen;
    int oom;
} replay_t;

static void restore(replay_t *R, const undo_t *u)
{
    memcpy(R->v[u->var].holds, u->holds, sizeof u->holds);
    R->v[u->var].nholds = u->nholds;
    R->v[u->var].set_at = u->set_at;
}

/* p with room for element n (of `size` bytes): p itself, or a larger copy (*cap updated); NULL
 * when out of memory (p is kept and *oom set). */
static void *grow(void *p, size_t *cap, size_t n, size_t size, int *oom)
{
    if (n < *cap)
        return p;
    size_t nc = *cap ? *cap * 2 : 16;
    void *np = realloc(p, nc * size);
    if (!np) {
        *oom = 1;
        return NULL;
    }
    *cap = nc;
    return np;
}

/* u = var's pointer state now */
static void keep_state(const replay_t *R, unsigned var, undo_t *u)
{
    u->var = var;
    memcpy(u->holds, R->v[var].holds, sizeof u->holds);
    u->nholds = R->v[var].nholds;
    u->set_at = R->v[var].set_at;
}

static void save(replay_t *R, unsigned var)
{
    if ((!R->nmarks && !R->narms) || R->oom)
        return; /* outside any block or arm nothing is ever undone */
    undo_t *nl = grow(R->log, &R->caplog, R->nlog, sizeof *R->log, &R->oom);
    if (!nl)
        return;
    R->log = nl;
    keep_state(R, var, &R->log[R->nlog++]);
}

static void add_hold(var_t *p, unsigned target)
{
    for (unsigned i = 0; i < p->nholds; i++)
        if (p->holds[i] == target)
            return;
    if (p->nholds < MAX_HOLDS)
        p->holds[p->nholds++] = target;
}

static void report_use(ptrcheck_engine_t *e, const ptrcheck_scope_event_t *x, const var_t *p, const var_t *t)
{
    char tbuf[294]; /* "'x'" */
    int lit = t->name && strcmp(t->name, "(compound literal)") == 0;
    const char *tn = t->name ? t->name : "?";
    const char *pn = p->name ? p->name : "?";
    const char *the = lit ? MSG(SE_THE_LITERAL) : tbuf;
    ptrcheck_diag_t *d;
    snprintf(tbuf, sizeof tbuf, MSG(SE_THE_NAMED), tn);
    if (lit)
        d = ptrcheck_diag_create(PTRCHECK_STACK_ESCAPE, x->loc, PTRCHECK_LAYER_AST, MSG(SE_LITERAL_USED_AFTER_BLOCK),
                                 pn);
    else
        d = ptrcheck_diag_create(PTRCHECK_STACK_ESCAPE, x->loc, PTRCHECK_LAYER_AST, MSG(SE_USED_AFTER_BLOCK), tn,
                                 pn, tn);
    if (!d)
        return;
    if (lit)
        ptrcheck_diag_add_note(d, t->decl, "%s", MSG(SE_NOTE_BLOCK_LITERAL));
    else
        ptrcheck_diag_add_note(d, t->decl, MSG(SE_NOTE_BLOCK_DECL), tn);
    ptrcheck_diag_add_note(d, p->set_at, MSG(SE_NOTE_SET), pn, the);
    ptrcheck_diag_add_note(d, t->end_at, MSG(SE_NOTE_BLOCK_END), the);
    ptrcheck_engine_report(e, d);
}

static void on_scope_events(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn, const ptrcheck_scope_event_t *ev,
                            size_t n)
{
    unsigned maxid = 0;
    replay_t R;
    memset(&R, 0, sizeof R);
    for (size_t i = 0; i < n; i++) {
        if (ev[i].var > maxid)
            maxid = ev[i].var;
        if (ev[i].target > maxid)
            maxid = ev[i].target;
    }
    R.v = calloc((size_t)maxid + 1, sizeof *R.v);
    if (!R.v)
        return;
    for (size_t i = 0; i < n && !R.oom; i++) {
        const ptrcheck_scope_event_t *x = &ev[i];
        var_t *p = &R.v[x->var];
        if (x->var && !p->name) {
            p->name = x->name;
            p->decl = x->decl_loc;
        }
        switch (x->kind) {
        case PTRCHECK_SCOPE_DECL:
            save(&R, x->var);
            p->ended = 0;
            p->nholds = 0;
            break;
        case PTRCHECK_SCOPE_END:
            p->ended = 1;
            p->end_at = x->loc;
            break;
        case PTRCHECK_SCOPE_ADDR:
        case PTRCHECK_SCOPE_ADDR_ALSO:
            save(&R, x->var);
            if (x->kind == PTRCHECK_SCOPE_ADDR)
                p->nholds = 0;
            add_hold(p, x->target);
            p->set_at = x->loc;
            break;
        case PTRCHECK_SCOPE_COPY:
        case PTRCHECK_SCOPE_COPY_ALSO:
            if (x->target == x->var)
                break;
            save(&R, x->var);
            if (x->kind == PTRCHECK_SCOPE_COPY)
                p->nholds = 0;
            for (unsigned k = 0; k < R.v[x->target].nholds; k++)
                add_hold(p, R.v[x->target].holds[k]);
            if (R.v[x->target].nholds)
                p->set_at = R.v[x->target].set_at;
            break;
        case PTRCHECK_SCOPE_ASSIGN:
            save(&R, x->var);
            p->nholds = 0;
            break;
        case PTRCHECK_SCOPE_USE: {
            for (unsigned k = 0; k < p->nholds; k++) {
                var_t *t = &R.v[p->holds[k]];
                if (!t->ended)
                    continue;
                report_use(e, x, p, t);
                save(&R, x->var);
                p->nholds = 0; /* once per assignment */
                break;
            }
            break;
        }
        case PTRCHECK_SCOPE_BLOCK: {
            size_t *nm = grow(R.marks, &R.capmarks, R.nmarks, sizeof *R.marks, &R.oom);
            if (!nm)
                break;
            R.marks = nm;
            R.marks[R.nmarks++] = R.nlog;
            break;
        }
        case PTRCHECK_SCOPE_BLOCK_END:
        case PTRCHECK_SCOPE_BLOCK_DEAD:
            if (!R.nmarks)
                break;
            R.nmarks--;
            if (x->kind == PTRCHECK_SCOPE_BLOCK_DEAD)
                while (R.nlog > R.marks[R.nmarks])
                    restore(&R, &R.log[--R.nlog]);
            if (!R.nmarks && !R.narms)
                R.nlog = 0;
            break;
        case PTRCHECK_SCOPE_ARMS: {
            arms_t *na = grow(R.arms, &R.caparms, R.narms, sizeof *R.arms, &R.oom);
            if (!na)
                break;
            R.arms = na;
            R.arms[R.narms].log_at = R.nlog;
            R.arms[R.narms].else_at = (size_t)-1;
            R.arms[R.narms++].snap_at = R.nsnap;
            break;
        }
        case PTRCHECK_SCOPE_ELSE: {
            arms_t *a = R.narms ? &R.arms[R.narms - 1] : NULL;
            if (!a || a->else_at != (size_t)-1)
                break;
            /* keep what the then arm left, then go back to the state before it */
            for (size_t k = a->log_at; k < R.nlog; k++) {
                undo_t *ns = grow(R.snap, &R.capsnap, R.nsnap, sizeof *R.snap, &R.oom);
                if (!ns)
                    break;
                R.snap = ns;
                keep_state(&R, R.log[k].var, &R.snap[R.nsnap++]);
            }
            while (R.nlog > a->log_at)
                restore(&R, &R.log[--R.nlog]);
            a->else_at = R.nlog;
            break;
        }
        case PTRCHECK_SCOPE_ARMS_END: {
            arms_t *a = R.narms ? &R.arms[R.narms - 1] : NULL;
            if (!a)
                break;
            if (a->else_at != (size_t)-1 && a->snap_at < R.nsnap) {
                if (!R.touched && !(R.touched = calloc((size_t)maxid + 1, sizeof *R.touched))) {
                    R.oom = 1;
                    break;
                }
                R.gen++;
                for (size_t k = a->else_at; k < R.nlog; k++)
                    R.touched[R.log[k].var] = R.gen;
                /* a pointer the else arm left alone holds what the then arm left in it */
                for (size_t k = a->snap_at; k < R.nsnap; k++)
                    if (R.touched[R.snap[k].var] != R.gen) {
                        save(&R, R.snap[k].var);
                        restore(&R, &R.snap[k]);
                    }
            }
            R.nsnap = a->snap_at;
            R.narms--;
            if (!R.nmarks && !R.narms)
                R.nlog = 0;
            break;
        }
        }
    }
    (void)fn;
    free(R.v);
    free(R.log);
    free(R.marks);
    free(R.arms);
    free(R.snap);
    free(R.touched);
}

const ptrcheck_ast_hooks_t ptrcheck_stack_escape_ast_hooks = {
    .on_scope_events = on_scope_events,
};

/* ptrcheck-stack-escape, AST part: the address of a block-scope local used after its block ends
 * (`int *p; { int x; p = &x; } return *p;`).  IR cannot see block scopes at -O0 (clang emits
 * lifetime markers only at -O1 and above), so the frontend records, per function and in
 * code-generation order, declarations, pointer assignments, pointer reads and block ends
 * (ast.h, "block scopes"), and this file replays them: a pointer variable that last received
 * the address of a local whose block has ended, and is then read, is reported at the read.
 * The replay is linear and branch-insensitive in the safe direction: any assignment in between
 * (on any branch) clears the pointer, so branches can hide a finding but not invent one. */
#include <stdlib.h>
#include <string.h>

#include "ptrcheck/ast.h"

typedef struct var_s {
    unsigned holds;      /* id of the local whose address it holds, 0 none */
    ptrcheck_loc_t set_at;
    int ended;           /* (as a local) its block has ended */
    ptrcheck_loc_t end_at;
    const char *name;
    ptrcheck_loc_t decl;
} var_t;

void ptrcheck_ast_on_scope_events(ptrcheck_engine_t *e, const ptrcheck_ast_fn_t *fn,
                                  const ptrcheck_scope_event_t *ev, size_t n)
{
    unsigned maxid = 0;
    if (!ptrcheck_engine_enabled(e, PTRCHECK_STACK_ESCAPE) || !n)
        return;
    for (size_t i = 0; i < n; i++) {
        if (ev[i].var > maxid)
            maxid = ev[i].var;
        if (ev[i].target > maxid)
            maxid = ev[i].target;
    }
    var_t *v = calloc((size_t)maxid + 1, sizeof *v);
    if (!v)
        return;
    for (size_t i = 0; i < n; i++) {
        const ptrcheck_scope_event_t *x = &ev[i];
        var_t *p = &v[x->var];
        if (!p->name) {
            p->name = x->name;
            p->decl = x->decl_loc;
        }
        switch (x->kind) {
        case PTRCHECK_SCOPE_DECL:
            p->ended = 0;
            p->holds = 0;
            break;
        case PTRCHECK_SCOPE_END:
            p->ended = 1;
            p->end_at = x->loc;
            break;
        case PTRCHECK_SCOPE_ADDR:
            p->holds = x->target;
            p->set_at = x->loc;
            break;
        case PTRCHECK_SCOPE_COPY:
            if (x->target != x->var) {
                p->holds = v[x->target].holds;
                p->set_at = v[x->target].set_at;
            }
            break;
        case PTRCHECK_SCOPE_ASSIGN:
            p->holds = 0;
            break;
        case PTRCHECK_SCOPE_USE: {
            var_t *t = p->holds ? &v[p->holds] : NULL;
            if (!t || !t->ended)
                break;
            ptrcheck_diag_t *d = ptrcheck_diag_create(
                PTRCHECK_STACK_ESCAPE, x->loc, PTRCHECK_LAYER_AST,
                "address of local '%s' is used through '%s' after the block of '%s' ends", t->name ? t->name : "?",
                p->name ? p->name : "?", t->name ? t->name : "?");
            if (d) {
                ptrcheck_diag_add_note(d, t->decl, "'%s' declared here; its storage ends with its block",
                                       t->name ? t->name : "?");
                ptrcheck_diag_add_note(d, p->set_at, "'%s' set to the address of '%s' here", p->name ? p->name : "?",
                                       t->name ? t->name : "?");
                ptrcheck_diag_add_note(d, t->end_at, "the block of '%s' ends here", t->name ? t->name : "?");
                ptrcheck_engine_report(e, d);
            }
            p->holds = 0; /* once per assignment */
            break;
        }
        }
    }
    (void)fn;
    free(v);
}

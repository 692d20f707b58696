/* ptrcheck/annotations.h: source annotations understood by ptrcheck (installed to
 * PREFIX/share/ptrcheck/include; add -I PREFIX/share/ptrcheck/include).  Every macro expands to
 * nothing on compilers without __attribute__((annotate)), so annotated code stays portable.
 *
 *   PTRCHECK_BORROWED      on a pointer parameter: the function may use what it points to during
 *                          the call but must not keep the pointer (or one derived from it) anywhere
 *                          that outlives the call -- a global, the heap, an out-parameter, a thread,
 *                          a retaining function.  On a function: all of its pointer parameters.
 *                          Checked by ptrcheck-borrowed-escape.
 *   PTRCHECK_BORROWED_FN   the same, spelled for a function declaration (placed before it).
 *
 *   void on_event(const struct event *ev PTRCHECK_BORROWED, void *ctx);
 *   PTRCHECK_BORROWED_FN void GoCallback(char *buf, size_t len);
 */
#ifndef PTRCHECK_ANNOTATIONS_H
#define PTRCHECK_ANNOTATIONS_H

#if defined(__has_attribute)
#if __has_attribute(annotate)
#define PTRCHECK_ANNOTATE_(s) __attribute__((annotate(s)))
#endif
#endif
#ifndef PTRCHECK_ANNOTATE_
#define PTRCHECK_ANNOTATE_(s)
#endif

#define PTRCHECK_BORROWED PTRCHECK_ANNOTATE_("ptrcheck_borrowed")
#define PTRCHECK_BORROWED_FN PTRCHECK_ANNOTATE_("ptrcheck_borrowed")

#endif

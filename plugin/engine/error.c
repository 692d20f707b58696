/* Error records (libyaml style: the details live in the object, never in a global). */
#include <ptrcheck/ptrcheck.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ptrcheck_error_clear(ptrcheck_error_t *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof(*err));
    err->status = PTRCHECK_OK;
}

int ptrcheck_error_set(ptrcheck_error_t *err, ptrcheck_status_t status, const char *file, unsigned line,
                       unsigned col, const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return 0;
    err->status = status;
    err->line = line;
    err->col = col;
    err->file[0] = '\0';
    if (file)
        snprintf(err->file, sizeof(err->file), "%s", file);
    err->message[0] = '\0';
    if (fmt) {
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof(err->message), fmt, ap);
        va_end(ap);
    }
    return 0;
}

const char *ptrcheck_error_format(const ptrcheck_error_t *err, char *buf, size_t size)
{
    size_t n = 0;
    int w;

    if (!buf || size == 0)
        return buf;
    buf[0] = '\0';
    if (!err)
        return buf;
    if (err->file[0]) {
        if (err->line && err->col)
            w = snprintf(buf, size, "%s:%u:%u: ", err->file, err->line, err->col);
        else if (err->line)
            w = snprintf(buf, size, "%s:%u: ", err->file, err->line);
        else
            w = snprintf(buf, size, "%s: ", err->file);
        if (w > 0)
            n = (size_t)w < size ? (size_t)w : size - 1;
    }
    snprintf(buf + n, size - n, "error: %s", err->message[0] ? err->message : "unknown error");
    return buf;
}

void ptrcheck_free(void *p)
{
    free(p);
}

/* --diff=REV: which files and lines changed since REV, from git. */
#define _XOPEN_SOURCE 700

#include <ptrcheck/sarif.h>

#include "project.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Appends what fd delivers to *buf until EOF; 0 on allocation failure. */
typedef struct capture_s {
    char *data;
    size_t len, cap;
} capture_t;

static int capture_read(capture_t *c, int fd)
{
    char tmp[8192];
    ssize_t n = read(fd, tmp, sizeof(tmp));

    if (n <= 0)
        return n == 0 ? 0 : (errno == EINTR ? 1 : 0);
    if (c->len + (size_t)n + 1 > c->cap) {
        size_t cap = c->cap ? c->cap : 8192;
        char *p;
        while (cap < c->len + (size_t)n + 1)
            cap *= 2;
        p = realloc(c->data, cap);
        if (!p)
            return 0;
        c->data = p;
        c->cap = cap;
    }
    memcpy(c->data + c->len, tmp, (size_t)n);
    c->len += (size_t)n;
    c->data[c->len] = '\0';
    return 1;
}

int ptrcheck_run_capture(char *const argv[], const char *dir, char **out, size_t *outlen, char **err)
{
    int po[2] = {-1, -1}, pe[2] = {-1, -1}, status = 0;
    capture_t co = {NULL, 0, 0}, ce = {NULL, 0, 0};
    struct pollfd fds[2];
    pid_t pid;

    *out = NULL;
    *outlen = 0;
    if (err)
        *err = NULL;
    if (pipe(po) != 0 || pipe(pe) != 0)
        goto fail;
    pid = fork();
    if (pid < 0)
        goto fail;
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0)
            dup2(devnull, 0);
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]);
        close(pe[0]);
        if (dir && chdir(dir) != 0)
            _exit(127);
        execvp(argv[0], argv);
        fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);
    po[1] = pe[1] = -1;
    fds[0].fd = po[0];
    fds[0].events = POLLIN;
    fds[1].fd = pe[0];
    fds[1].events = POLLIN;
    while (fds[0].fd >= 0 || fds[1].fd >= 0) {
        int i;
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (i = 0; i < 2; i++) {
            if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
                if (!capture_read(i == 0 ? &co : &ce, fds[i].fd)) {
                    close(fds[i].fd);
                    fds[i].fd = -1;
                }
            }
        }
    }
    close(po[0]);
    close(pe[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    *out = co.data ? co.data : calloc(1, 1);
    *outlen = co.len;
    if (err)
        *err = ce.data ? ce.data : calloc(1, 1);
    else
        free(ce.data);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
fail:
    if (po[0] >= 0) {
        close(po[0]);
        close(po[1]);
    }
    if (pe[0] >= 0) {
        close(pe[0]);
        close(pe[1]);
    }
    return -1;
}

void ptrcheck_changes_delete(ptrcheck_changes_t *ch)
{
    size_t i;

    for (i = 0; i < ch->count; i++) {
        free(ch->files[i].path);
        free(ch->files[i].ranges);
    }
    free(ch->files);
    ch->files = NULL;
    ch->count = 0;
}

const ptrcheck_changed_file_t *ptrcheck_changes_find(const ptrcheck_changes_t *ch, const char *path)
{
    size_t i;

    for (i = 0; path && i < ch->count; i++)
        if (strcmp(ch->files[i].path, path) == 0)
            return &ch->files[i];
    return NULL;
}

int ptrcheck_changes_has_line(const ptrcheck_changes_t *ch, const char *path, unsigned line)
{
    const ptrcheck_changed_file_t *f = ptrcheck_changes_find(ch, path);
    size_t i;

    if (!f)
        return 0;
    if (f->all)
        return 1;
    for (i = 0; i < f->nranges; i++)
        if (line >= f->ranges[i].first && line <= f->ranges[i].last)
            return 1;
    return 0;
}

static ptrcheck_changed_file_t *add_file(ptrcheck_changes_t *ch, const char *rel, size_t len, const char *top)
{
    ptrcheck_changed_file_t *files, *f;
    char *relcopy = malloc(len + 1), *abs;
    size_t i;

    if (!relcopy)
        return NULL;
    memcpy(relcopy, rel, len);
    relcopy[len] = '\0';
    abs = ptrcheck_path_absolute(relcopy, top);
    free(relcopy);
    if (!abs)
        return NULL;
    for (i = 0; i < ch->count; i++) {
        if (strcmp(ch->files[i].path, abs) == 0) {
            free(abs);
            return &ch->files[i];
        }
    }
    files = realloc(ch->files, (ch->count + 1) * sizeof(*files));
    if (!files) {
        free(abs);
        return NULL;
    }
    ch->files = files;
    f = &ch->files[ch->count++];
    memset(f, 0, sizeof(*f));
    f->path = abs;
    return f;
}

static int add_range(ptrcheck_changed_file_t *f, unsigned first, unsigned count)
{
    ptrcheck_range_t *r;

    if (count == 0)
        return 1; /* a pure deletion: no line of the new file changed */
    r = realloc(f->ranges, (f->nranges + 1) * sizeof(*r));
    if (!r)
        return 0;
    f->ranges = r;
    f->ranges[f->nranges].first = first;
    f->ranges[f->nranges].last = first + count - 1;
    f->nranges++;
    return 1;
}

/* 1 if diff has a "rename to NAME" line for rel (a file moved without changed lines has no "+++"). */
static int diff_renamed_to(const char *diff, size_t len, const char *rel)
{
    static const char kw[] = "\nrename to ";
    const char *p = diff, *end = diff + len, *hit;
    size_t n = strlen(rel), k = sizeof(kw) - 1;

    while (p < end && (hit = strstr(p, kw)) != NULL && hit < end) {
        const char *name = hit + k;
        if ((size_t)(end - name) >= n && strncmp(name, rel, n) == 0 && (name + n == end || name[n] == '\n'))
            return 1;
        p = name;
    }
    return 0;
}

int ptrcheck_changes_parse_diff(ptrcheck_changes_t *ch, const char *diff, size_t len, const char *top)
{
    const char *p = diff, *end = diff + len;
    ptrcheck_changed_file_t *cur = NULL;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        size_t n = (size_t)(eol - p);

        if (n >= 6 && strncmp(p, "+++ ", 4) == 0) {
            const char *name = p + 4;
            size_t nlen = n - 4;
            cur = NULL;
            if (!(nlen >= 9 && strncmp(name, "/dev/null", 9) == 0)) {
                if (nlen >= 2 && name[0] == 'b' && name[1] == '/') {
                    name += 2;
                    nlen -= 2;
                }
                while (nlen > 0 && (name[nlen - 1] == '\r' || name[nlen - 1] == '\t'))
                    nlen--;
                cur = add_file(ch, name, nlen, top);
                if (!cur)
                    return 0;
            }
        } else if (cur && n >= 4 && strncmp(p, "@@ ", 3) == 0) {
            /* @@ -a[,b] +c[,d] @@ */
            const char *plus = memchr(p, '+', n);
            if (plus) {
                char *after;
                unsigned long first = strtoul(plus + 1, &after, 10), count = 1;
                if (*after == ',')
                    count = strtoul(after + 1, NULL, 10);
                if (!add_range(cur, (unsigned)first, (unsigned)count))
                    return 0;
            }
        }
        p = nl ? nl + 1 : end;
    }
    return 1;
}

/* A copy of the repository's index in a new temporary directory (tmpdir, index: filled in), in
 * which the untracked files are marked "intent to add" (git add -N): a diff against it pairs a file
 * moved with plain mv (old name deleted, new name untracked) with its old name, as git mv would, and
 * the repository's own index is not touched.  0 when that cannot be done (the caller then counts
 * every untracked line as changed). */
static int temp_index(const char *top, const char *untracked, size_t ulen, char *tmpdir, size_t tsize, char *index,
                      size_t isize)
{
    char *argv_path[] = {"git", "rev-parse", "--git-path", "index", NULL};
    char *out = NULL, *err = NULL, *src = NULL, env_index[PATH_MAX + 32];
    char **argv = NULL;
    size_t len = 0, n = 0, i;
    const char *p;
    int ok = 0;

    snprintf(tmpdir, tsize, "/tmp/ptrcheck-index.XXXXXX");
    if (!mkdtemp(tmpdir)) {
        tmpdir[0] = '\0';
        return 0;
    }
    snprintf(index, isize, "%s/index", tmpdir);
    if (ptrcheck_run_capture(argv_path, top, &out, &len, &err) != 0)
        goto done;
    while (len > 0 && (out[len - 1] == '\n' || out[len - 1] == '\r'))
        out[--len] = '\0';
    src = ptrcheck_path_absolute(out, top);
    if (src) {
        FILE *in = fopen(src, "rb"), *to;
        if (in) { /* no index yet (nothing ever added) is fine: git add -N creates one */
            char buf[65536];
            size_t k;
            int copied = 1;
            to = fopen(index, "wb");
            if (!to) {
                fclose(in);
                goto done;
            }
            while ((k = fread(buf, 1, sizeof(buf), in)) > 0)
                if (fwrite(buf, 1, k, to) != k)
                    copied = 0;
            copied &= !ferror(in);
            fclose(in);
            if (fclose(to) != 0 || !copied)
                goto done;
        }
    }
    for (p = untracked; p < untracked + ulen; p += strlen(p) + 1)
        n += *p != '\0';
    argv = calloc(n + 8, sizeof(*argv));
    if (!argv)
        goto done;
    snprintf(env_index, sizeof(env_index), "GIT_INDEX_FILE=%s", index);
    i = 0;
    argv[i++] = "env";
    argv[i++] = env_index;
    argv[i++] = "GIT_LITERAL_PATHSPECS=1";
    argv[i++] = "git";
    argv[i++] = "add";
    argv[i++] = "-N";
    argv[i++] = "--";
    for (p = untracked; p < untracked + ulen; p += strlen(p) + 1)
        if (*p)
            argv[i++] = (char *)p;
    free(out);
    free(err);
    out = err = NULL;
    ok = ptrcheck_run_capture(argv, top, &out, &len, &err) == 0;
done:
    free(argv);
    free(src);
    free(out);
    free(err);
    if (!ok) {
        unlink(index);
        rmdir(tmpdir);
        tmpdir[0] = index[0] = '\0';
    }
    return ok;
}

int ptrcheck_changes_load(ptrcheck_changes_t *ch, const char *rev, const char *cwd, char *msg, size_t msgsize)
{
    char *top = NULL, *out = NULL, *err = NULL, *untracked = NULL;
    char tmpdir[64] = "", index[PATH_MAX] = "", env_index[PATH_MAX + 32];
    size_t len = 0, ulen = 0;
    int rc = 0, st;

    ch->files = NULL;
    ch->count = 0;
    {
        char *argv[] = {"git", "rev-parse", "--show-toplevel", NULL};
        st = ptrcheck_run_capture(argv, cwd, &top, &len, &err);
        if (st != 0) {
            snprintf(msg, msgsize, "--diff needs a git work tree: %s",
                     st < 0 ? "cannot run git" : (err && err[0] ? err : "git rev-parse failed"));
            goto done;
        }
        while (len > 0 && (top[len - 1] == '\n' || top[len - 1] == '\r'))
            top[--len] = '\0';
        free(err);
        err = NULL;
    }
    {
        char *argv[] = {"git", "ls-files", "--others", "--exclude-standard", "-z", NULL};
        st = ptrcheck_run_capture(argv, top, &untracked, &ulen, &err);
        if (st != 0) {
            snprintf(msg, msgsize, "git ls-files failed: %s", err ? err : "");
            goto done;
        }
        free(err);
        err = NULL;
    }
    {
        /* untracked files join the diff through a temporary index, so that renames reach them */
        char revarg[1024];
        char *argv[] = {"env", env_index, "git", "-c", "core.quotepath=off", "diff", "-U0", "--no-color",
                        "--no-ext-diff", "--find-renames", revarg, "--", NULL};
        char **args = argv + 2;
        if (ulen > 0 && temp_index(top, untracked, ulen, tmpdir, sizeof(tmpdir), index, sizeof(index))) {
            snprintf(env_index, sizeof(env_index), "GIT_INDEX_FILE=%s", index);
            args = argv;
        }
        snprintf(revarg, sizeof(revarg), "%s", rev);
        st = ptrcheck_run_capture(args, top, &out, &len, &err);
        if (st != 0) {
            snprintf(msg, msgsize, "git diff %s failed: %s", rev, st < 0 ? "cannot run git" : err ? err : "");
            goto done;
        }
        if (!ptrcheck_changes_parse_diff(ch, out, len, top)) {
            snprintf(msg, msgsize, "out of memory");
            goto done;
        }
    }
    {
        /* untracked files the diff did not show (no temporary index, empty or binary files): every
         * line counts as changed; one it shows as moved without changes has none */
        const char *p;
        for (p = untracked; p < untracked + ulen;) {
            size_t n = strlen(p);
            char *abs = n ? ptrcheck_path_absolute(p, top) : NULL;
            if (n && !abs) {
                snprintf(msg, msgsize, "out of memory");
                goto done;
            }
            if (abs && !ptrcheck_changes_find(ch, abs) && !(index[0] && diff_renamed_to(out, len, p))) {
                ptrcheck_changed_file_t *f = add_file(ch, p, n, top);
                if (!f) {
                    free(abs);
                    snprintf(msg, msgsize, "out of memory");
                    goto done;
                }
                f->all = 1;
            }
            free(abs);
            p += n + 1;
        }
    }
    rc = 1;
done:
    if (msg[0]) {
        size_t n = strlen(msg);
        while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
            msg[--n] = '\0';
    }
    if (!rc)
        ptrcheck_changes_delete(ch);
    if (index[0])
        unlink(index);
    if (tmpdir[0])
        rmdir(tmpdir);
    free(top);
    free(out);
    free(err);
    free(untracked);
    return rc;
}

/* Layout test header: records whose layout differs across the six default targets. */
#ifndef PTRCHECK_TEST_ABI_H
#define PTRCHECK_TEST_ABI_H

#include <stddef.h>
#include <stdint.h>

/* `double` after `int`: offset 4 on i686 Linux (double aligned to 4 in structs), 8 elsewhere. */
struct sample {
    int id;
    double value;
};

struct event {
    char tag;
    int id;
    double when;
    long count;     /* 8 on LP64, 4 on ILP32 and LLP64 (Windows) */
    void *payload;  /* 8 / 4 */
};

/* Bit-fields (MSVC allocates them differently from the SysV ABIs). */
struct flags {
    unsigned char kind;
    unsigned ready : 1;
    unsigned mode : 3;
    unsigned : 0;
    unsigned short level : 5;
    int tail;
};

/* Packed struct. */
struct __attribute__((packed)) wire_hdr {
    uint8_t type;
    uint32_t len;
    uint16_t crc;
};

/* #pragma pack */
#pragma pack(push, 2)
struct packed2 {
    char c;
    int64_t big;
    char d;
};
#pragma pack(pop)

/* Nested anonymous unions/structs and named nested members. */
struct message {
    int kind;
    union {
        int64_t i;
        double d;
        struct {
            uint16_t lo;
            uint16_t hi;
        };
    };
    struct {
        long a;
        char b;
    } inner;
    struct event ev;
    unsigned char data[];
};

/* Typedef'd anonymous struct, named by the typedef. */
typedef struct {
    void *ptr;
    size_t len;
} span_t;

union value {
    long l;
    double d;
    char bytes[12];
};

/* Named record defined inside another one: a file-scope record in C. */
struct outer {
    struct inner_def {
        short s;
        long long ll;
    } in;
    char last;
};

#endif

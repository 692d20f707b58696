#include <stdint.h>

void *narrow_local(void *p)
{
    unsigned v = (unsigned)(uintptr_t)p;
    return (void *)(uintptr_t)v;
}

struct compact { unsigned ref; };

void compact_set(struct compact *c, void *p)
{
    c->ref = (uint32_t)(uintptr_t)p;
}

void *compact_get(const struct compact *c)
{
    return (void *)(uintptr_t)c->ref;
}

unsigned hash_only(void *p)
{
    return (unsigned)(uintptr_t)p;
}

/* Only low bits go through the narrow type: a tagged word whose index is split off with a mask
 * narrower than 'unsigned', then rebuilt into a word (musl's iconv_t); a bit tested into a _Bool. */
static uintptr_t combine(uintptr_t to, uintptr_t from) { return from << 16 | to << 1 | 1; }
static uintptr_t extract_to(void *cd) { return (uintptr_t)cd >> 1 & 0x7fff; }
void *retag(void *cd)
{
    unsigned to = extract_to(cd);
    return (void *)combine(to, 7);
}

struct flagged { _Bool set; };
void set_flag(struct flagged *f, void *p) { f->set = (uintptr_t)p & 1; }
void *from_flag(const struct flagged *f) { return (void *)(uintptr_t)f->set; }

/* still reported: the mask keeps more bits than 'unsigned' has */
void *wide_mask(void *p)
{
    unsigned v = (uintptr_t)p & 0xffffffffffull;
    return (void *)(uintptr_t)v;
}

/* A distance computed from the low bits, added back to the full-width value (jemalloc's cache_bin):
 * the pointer's high bits come from the full-width side; not a truncation. */
void **empty_position(void **head, uint16_t low_bits_empty)
{
    uint16_t diff = (uint16_t)(low_bits_empty - (uint16_t)(uintptr_t)head);
    uintptr_t bits = (uintptr_t)head + diff;
    return (void **)bits;
}

/* A random value seeded from an address (the narrowing is the generator's) sliced down to a few bits
 * and added to a constant base: what the narrowing dropped would be masked off anyway. */
static uint32_t seed_of(void *p) { return (uint32_t)(uintptr_t)p * 2654435761u; }
void *random_start(void *seed)
{
    uintptr_t start = (uintptr_t)32 << 40;
    uintptr_t r = seed_of(seed);
    start += (uintptr_t)4096 * ((r >> 17) & 0x0fff);
    return (void *)start;
}
unsigned short slot_of(void *p) { return (uint16_t)((uint32_t)(uintptr_t)p >> 4) & 0xff; }
void *from_slot(void *p) { return (void *)(uintptr_t)slot_of(p); }
/* still reported: the mask keeps more bits than the narrowing did */
void *wide_slice(void *p)
{
    uint32_t v = (uint32_t)(uintptr_t)p;
    uintptr_t w = v & 0xffffffffffull;
    return (void *)w;
}

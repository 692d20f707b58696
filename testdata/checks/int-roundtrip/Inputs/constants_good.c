#include <stdint.h>

#define UART_BASE 0x40001000u

volatile uint32_t *uart(void)
{
    return (volatile uint32_t *)UART_BASE;
}

void *mmio_register(unsigned idx)
{
    uintptr_t base = 0x40000000u;
    return (void *)(base + idx * 4u);
}

void *from_int_param(uintptr_t addr)
{
    return (void *)addr;
}

void *from_long(long v)
{
    return (void *)v;
}

void *caller(void)
{
    return from_int_param(0x1000);
}

/* libFuzzer targets for ptrcheck's YAML loaders (issue 7), built by bench/stress.sh with
 *   clang -fsanitize=fuzzer,address,undefined
 * -DFUZZ_CONFIG: ptrcheck_config_load_string (.ptrcheck.yaml)
 * -DFUZZ_LAYOUT: ptrcheck_layout_table_load_string (layout tables)
 * Any input must load or fail with an error message; never crash, leak or hang. */
#include <ptrcheck/layout.h>
#include <ptrcheck/ptrcheck.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ptrcheck_error_t err;
    char buf[4096];

    memset(&err, 0, sizeof(err));
#if defined(FUZZ_CONFIG)
    ptrcheck_config_t cfg;
    if (!ptrcheck_config_init(&cfg, &err))
        abort();
    if (!ptrcheck_config_load_string(&cfg, "fuzz.yaml", (const char *)data, size, &err)) {
        /* a failure always says why */
        if (!err.message[0])
            abort();
        ptrcheck_error_format(&err, buf, sizeof(buf));
    }
    ptrcheck_config_fini(&cfg);
#elif defined(FUZZ_LAYOUT)
    ptrcheck_layout_table_t *t = NULL;
    if (ptrcheck_layout_table_load_string("fuzz.yaml", (const char *)data, size, &t, &err)) {
        /* walk what was loaded */
        for (size_t i = 0; i < ptrcheck_layout_table_ntargets(t); i++) {
            const ptrcheck_layout_target_t *tg = ptrcheck_layout_table_target_at(t, i);
            for (size_t j = 0; j < ptrcheck_layout_target_nrecords(tg); j++)
                (void)ptrcheck_layout_target_record_at(tg, j);
        }
        ptrcheck_layout_table_destroy(t);
    } else {
        if (t || !err.message[0])
            abort();
        ptrcheck_error_format(&err, buf, sizeof(buf));
    }
#else
#error "define FUZZ_CONFIG or FUZZ_LAYOUT"
#endif
    return 0;
}

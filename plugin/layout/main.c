/* ptrcheck-layout: standalone `ptrcheck layout` until the CLI dispatches to ptrcheck_layout_main. */
#include <ptrcheck/layout.h>

int main(int argc, char **argv)
{
    char name[] = "layout";

    if (argc > 0)
        argv[0] = name;
    return ptrcheck_layout_main(argc, argv);
}

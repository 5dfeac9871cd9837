/* The public header compiles on its own, as C11 with -pedantic (built with -Werror). */
#include "kgexport.h"

int main(void) { return kg_strerror(KG_OK) == NULL; }

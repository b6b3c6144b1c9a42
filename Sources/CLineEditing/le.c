#include "lineediting.h"
int le_placeholder(void) { return 0; }

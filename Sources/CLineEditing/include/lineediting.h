#ifndef LINEEDITING_H
#define LINEEDITING_H
int le_placeholder(void);
#endif

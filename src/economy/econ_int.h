/*
 * econ_int.h - helpers shared inside src/economy/ only.
 */
#ifndef ECON_INT_H
#define ECON_INT_H

#include <stdint.h>

/*
 * a * b / c rounded half away from zero, c != 0. The product of two øre
 * amounts may pass 2^63, so it is taken in 128 bits (a GCC and Clang
 * extension on 64-bit targets).
 */
static inline int64_t econ_muldiv(int64_t a, int64_t b, int64_t c)
{
	__int128 p = (__int128)a * b;
	__int128 q = p / c, r = p % c;
	if (r != 0 && 2 * (r < 0 ? -r : r) >= (c < 0 ? -c : c))
		q += ((p < 0) != (c < 0)) ? -1 : 1;
	return (int64_t)q;
}

#endif

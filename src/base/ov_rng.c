/*
 * ov_rng.c - xoshiro256** seeded through splitmix64 (Blackman & Vigna).
 * Written here because it is 30 lines and libc's rand() differs between
 * platforms, which would break "same seed, same data".
 */
#include "ov_rng.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

void ov_rng_seed(ov_rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t ov_rng_next(ov_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

int64_t ov_rng_range(ov_rng *r, int64_t lo, int64_t hi)
{
	/* Unsigned arithmetic: hi - lo may exceed INT64_MAX. */
	uint64_t span = (uint64_t)hi - (uint64_t)lo + 1;
	if (span == 0) /* the full 64-bit range */
		return (int64_t)ov_rng_next(r);
	/* Rejection sampling removes the modulo bias. */
	uint64_t limit = UINT64_MAX - UINT64_MAX % span;
	uint64_t x;
	do
		x = ov_rng_next(r);
	while (x >= limit);
	return (int64_t)((uint64_t)lo + x % span);
}

double ov_rng_unit(ov_rng *r)
{
	return (double)(ov_rng_next(r) >> 11) * 0x1.0p-53;
}

int ov_rng_chance(ov_rng *r, int permille)
{
	return ov_rng_range(r, 0, 999) < permille;
}

int ov_rng_weighted(ov_rng *r, const int *weights, int n)
{
	long long total = 0;
	for (int i = 0; i < n; i++)
		total += weights[i];
	if (total <= 0)
		return 0;
	long long x = ov_rng_range(r, 0, total - 1);
	for (int i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

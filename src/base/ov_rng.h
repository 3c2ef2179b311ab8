/*
 * ov_rng.h - deterministic pseudo-random numbers (xoshiro256**), so the
 * demo and the solvers give the same output for the same seed on every
 * machine. Not for anything secret.
 */
#ifndef OV_RNG_H
#define OV_RNG_H

#include <stdint.h>

typedef struct {
	uint64_t s[4];
} ov_rng;

/* Seeds the generator; any seed (0 included) gives a valid state. */
void ov_rng_seed(ov_rng *r, uint64_t seed);

uint64_t ov_rng_next(ov_rng *r);

/* Uniform integer in [lo, hi] (inclusive); lo <= hi. */
int64_t ov_rng_range(ov_rng *r, int64_t lo, int64_t hi);

/* Uniform in [0, 1). */
double ov_rng_unit(ov_rng *r);

/* 1 with probability permille/1000, else 0. */
int ov_rng_chance(ov_rng *r, int permille);

/* Picks an index in [0, n) with the given non-negative integer weights. */
int ov_rng_weighted(ov_rng *r, const int *weights, int n);

#endif

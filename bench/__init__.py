"""Benchmarks (`make bench`): timings are noisy, so they are kept out of `make test`."""

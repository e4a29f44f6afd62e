"""Benchmarks: each measures our code against the raw library doing the same work in the
same run, and records medians and ratios in docs/PERFORMANCE.md (`make bench`)."""

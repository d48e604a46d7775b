"""Benchmarks (`make bench`) and evaluations (`make eval`): they print figures, they assert nothing."""

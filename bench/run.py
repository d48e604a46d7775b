"""`make bench` (`python -m bench.run [name ...]`): every `bench/bench_*.py` module's `run()`."""
from bench.runner import main

if __name__ == "__main__":
    main("bench_")

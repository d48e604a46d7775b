"""`make eval` (`python -m bench.eval [name ...]`): every `bench/eval_*.py` module's `run()`."""
from bench.runner import main

if __name__ == "__main__":
    main("eval_")

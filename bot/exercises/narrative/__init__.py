"""Narrative retelling: a paced, interview-shaped look at early attachment memories, ending with two
retellings of one memory (docs/constructs.md#narrative-coherence)."""

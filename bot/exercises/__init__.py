"""Practice exercises, each in one package, all on one contract (`contract.py`), listed in
`registry.py`.

    bot/exercises/<exercise>/
        *.yml         content (scenarios, questions, feedback wording), validated on load
        schema.py     the pydantic models of those files
        library.py    loads and caches the content
        exercise.py   the exercise on the contract: start, ask, answer, skip, swap, resume, close,
                      its annotation's declared scores, the therapist summary
        messages.yml  what the generic actions say for it ("skipped", ...)

Shared helpers: `content` (loading and validating YAML), `wording` (template variants without
repeats), `quotes` (quoting a person's own words from analysis evidence). CONTRIBUTING.md has the
checklist for adding an exercise.
"""

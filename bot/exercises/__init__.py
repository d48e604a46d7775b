"""Practice exercises, each in one package: its content files, their schema, its engine.

The shape every exercise follows (the mentalizing exercise is the first):

    bot/exercises/<exercise>/
        *.yml        content (scenarios, questions, feedback wording), validated on load
        schema.py    the pydantic models of those files
        library.py   loads and caches the content
        engine.py    the flow: steps, questions, feedback; pure functions, no Rasa
        summary.py   the closing words for the person and the view for therapists
        selection.py which content to offer next

Shared helpers: `content` (loading and validating YAML), `wording` (template variants without
repeats), `quotes` (quoting a person's own words from analysis evidence).
"""

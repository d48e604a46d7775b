# Attune: `make run` to chat, `make test` for the whole suite. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV       := .venv
PY         := $(VENV)/bin/python
LOCK_HASH  := $(shell sha256sum requirements.lock | cut -c1-16)
STAMP      := $(VENV)/.installed-$(LOCK_HASH)
EDITABLE   := $(VENV)/.editable-install

# Defaults for every command run from here; a variable set in the environment wins.
export ATTUNE_RASA_PORT    ?= 5005
export ATTUNE_ACTIONS_PORT ?= 5055
export ATTUNE_BIND         ?= 127.0.0.1
export ATTUNE_ACTIONS_URL  ?= http://127.0.0.1:$(ATTUNE_ACTIONS_PORT)/webhook
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONWARNINGS ?= ignore::DeprecationWarning

.PHONY: help install train validate run shell serve stop web test test-unit test-stories test-e2e eval bench bench-load clean

help:
	@echo "make run    install, train when needed, start the action server and chat in the terminal"
	@echo "make test   the whole suite (unit, data validation, Rasa test stories, end-to-end)"
	@echo "make web    the web chat and the therapists' web review in a browser (prints the address)"
	@echo "make train | validate | shell | serve | stop | eval | bench | bench-load | clean"
	@echo "make bench-load USERS=20 TURNS=10 ROUNDS=2 [RASA_WORKERS=n] [PROFILE=dir]   Attune and a vanilla Rasa bot under simulated users"

install: $(EDITABLE)

# The venv is rebuilt only when the lock changes; pyproject changes just re-install the project itself.
$(STAMP): requirements.lock
	@scripts/make_venv.sh $(VENV) $(STAMP)

$(EDITABLE): $(STAMP) pyproject.toml
	@$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(EDITABLE)

# Trains only when domain, config or data changed (see scripts/train.sh).
train: install
	@scripts/train.sh

validate: install
	@$(PY) -m rasa data validate --domain domain.yml --data data --config config.yml --fail-on-warnings

run: train
	@echo "(In a browser instead: make web, then open http://127.0.0.1:$${ATTUNE_WEB_PORT:-8080}/chat)"
	@scripts/chat.sh

shell: train
	@scripts/chat.sh

serve: train
	@scripts/serve.sh start

# The web chat and review (scripts/web.sh): npm packages, first admin, both servers, the web server.
web: train
	@scripts/web.sh start

stop:
	@scripts/web.sh stop
	@scripts/serve.sh stop

test: install
	@scripts/test.sh

eval: install
	@$(PY) -m bench.eval

bench: install
	@$(PY) -m bench.run

# Not a test: simulated users against Attune's servers and a vanilla `rasa init` bot, alternating.
USERS ?= 20
TURNS ?= 10
ROUNDS ?= 2
RASA_WORKERS ?=
bench-load: train
	@$(PY) -m bench.load --users $(USERS) --turns $(TURNS) --rounds $(ROUNDS) $(if $(RASA_WORKERS),--rasa-workers $(RASA_WORKERS)) $(if $(PROFILE),--profile $(PROFILE))

clean:
	rm -rf models .rasa results .pytest_cache

# partyd — build, run and test on a Debian machine that has the Swift toolchain.
#   make run    build release and start partyd in the foreground on ./var
#   make test   build (warnings are errors) and run the whole test suite
#   make bench  build release and run the benchmarks (results: docs/benchmarks.md)

SWIFT      ?= swift
VAR        := $(CURDIR)/var
SOCKET     := $(VAR)/partyd.sock
APT_PKGS   := pkg-config libsqlite3-dev libcurl4-openssl-dev sqlite3 chromium chromium-driver
BROWSER_VENV := $(CURDIR)/.build/browser-venv
TEST_FLAGS ?=

.PHONY: all deps build release run test lint format bench clean completions

all: build

# Checks the C libraries the package links (through pkg-config) and what the browser test drives (Debian's
# chromium and chromium-driver); installs them when root, else says how. Then Selenium from PyPI into
# .build/browser-venv (no root needed) for Tests/Browser/member_page.py.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev"; \
	pkg-config --exists libcurl 2>/dev/null || missing="$$missing libcurl4-openssl-dev"; \
	command -v sqlite3 >/dev/null 2>&1 || missing="$$missing sqlite3"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -x /usr/bin/chromedriver ] || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "正在安装缺少的系统包:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "缺少系统包:$$missing"; \
	    echo "请执行: sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi
	@if ! $(BROWSER_VENV)/bin/python -c "import selenium" >/dev/null 2>&1; then \
	  echo "正在安装 Selenium 到 $(BROWSER_VENV)"; \
	  mkdir -p $(CURDIR)/.build; \
	  python3 -m venv $(BROWSER_VENV) && $(BROWSER_VENV)/bin/pip install -q --disable-pip-version-check selenium \
	    || { echo "无法安装 Selenium；请执行: python3 -m venv $(BROWSER_VENV) && $(BROWSER_VENV)/bin/pip install selenium"; exit 1; }; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product partyd
	$(SWIFT) build -c release --product partyadmin

run: release
	@mkdir -p $(VAR)
	@echo "partyd 数据目录: $(VAR)/data"
	@echo "套接字: $(SOCKET)"
	@echo "另开一个终端试试:"
	@echo "  export PARTYD_SOCKET=$(SOCKET)"
	@echo "  $$($(SWIFT) build -c release --show-bin-path)/partyadmin status"
	@echo "按 Ctrl-C 停止。"
	@exec $$($(SWIFT) build -c release --show-bin-path)/partyd --data-dir $(VAR)/data --socket $(SOCKET)

test: deps lint
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	PARTY_BIN_DIR=$$($(SWIFT) build --show-bin-path) $(SWIFT) test --skip-build $(TEST_FLAGS)

# Fails on any formatting difference or lint finding (.swift-format, as Hummingbird's with 120 columns).
lint:
	$(SWIFT) format lint --strict --parallel -r Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --parallel -r Sources Tests Package.swift

bench: release
	$(SWIFT) build -c release --product partybench
	$$($(SWIFT) build -c release --show-bin-path)/partybench $(BENCH_ARGS)

completions: release
	@mkdir -p completions
	$$($(SWIFT) build -c release --show-bin-path)/partyadmin --generate-completion-script bash > completions/partyadmin.bash
	$$($(SWIFT) build -c release --show-bin-path)/partyadmin --generate-completion-script zsh > completions/_partyadmin

clean:
	rm -rf .build

# partyd — build, run and test on a Debian machine that has the Swift toolchain.
#   make run    build release and start partyd in the foreground on ./var
#   make test   build (warnings are errors) and run the whole test suite
#   make bench  build release and run the benchmarks (results: docs/benchmarks.md)
#   make release && sudo make install   install as a service (README, "作为系统服务安装"); make uninstall
#   make man    regenerate docs/man/ from the executables' help; make test-systemd  the units under real systemd

SWIFT      ?= swift
VAR        := $(CURDIR)/var
SOCKET     := $(VAR)/partyd.sock
BROWSER_VENV := $(CURDIR)/.build/browser-venv
TEST_FLAGS ?=
# Release binaries carry the Swift runtime and Foundation inside them: they depend on system libraries only, not
# on where the toolchain lives. Every release build uses the same flags, so they never relink one another.
RELEASE    := -c release --static-swift-stdlib
RELEASE_BIN ?= $(CURDIR)/.build/release
# The debug executables, for the checks of `make test` (check-man, check-units).
BIN_DIR    ?= $(CURDIR)/.build/debug
# apt-get without prompts, progress bars or debconf chatter (apt_install shows its output only on failure).
APT_GET    := DEBIAN_FRONTEND=noninteractive apt-get -qq -o=Dpkg::Use-Pty=0 -o=Dpkg::Progress-Fancy=0

# Where `make install` puts things. PREFIX=/usr is a package's layout (units and sysusers under /usr/lib); any other
# prefix is a local install, whose units and sysusers file go under /etc. Configuration is always /etc/partyd.
PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DOCDIR     ?= $(PREFIX)/share/doc/partyd
CONFDIR    ?= /etc/partyd
ifeq ($(PREFIX),/usr)
UNITDIR    ?= /usr/lib/systemd/system
SYSUSERSDIR ?= /usr/lib/sysusers.d
else
UNITDIR    ?= /etc/systemd/system
SYSUSERSDIR ?= /etc/sysusers.d
endif

.PHONY: all deps build-deps build release run test lint format bench clean completions install uninstall man \
	check-man check-units test-systemd

all: build

# The C libraries the package links (through pkg-config) and sqlite3: enough to build and install. Installs what is
# missing when root (quietly), else says how.
build-deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev"; \
	pkg-config --exists libcurl 2>/dev/null || missing="$$missing libcurl4-openssl-dev"; \
	command -v sqlite3 >/dev/null 2>&1 || missing="$$missing sqlite3"; \
	$(call apt_install)

# build-deps, plus what the tests drive: Debian's chromium and chromium-driver for the browser test, systemd-analyze
# for the unit files; then Selenium from PyPI into .build/browser-venv (no root needed) for Tests/Browser/member_page.py.
deps: build-deps
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -x /usr/bin/chromedriver ] || missing="$$missing chromium-driver"; \
	command -v systemd-analyze >/dev/null 2>&1 || missing="$$missing systemd"; \
	$(call apt_install)
	@if ! $(BROWSER_VENV)/bin/python -c "import selenium" >/dev/null 2>&1; then \
	  echo "正在安装 Selenium 到 $(BROWSER_VENV)"; \
	  mkdir -p $(CURDIR)/.build; \
	  python3 -m venv $(BROWSER_VENV) && $(BROWSER_VENV)/bin/pip install -q --disable-pip-version-check selenium \
	    || { echo "无法安装 Selenium；请执行: python3 -m venv $(BROWSER_VENV) && $(BROWSER_VENV)/bin/pip install selenium"; exit 1; }; \
	fi

# The tail of a recipe line that has collected "$$missing": installs those packages when root, else says how.
# apt's own output goes to a log that is shown only when the installation fails.
define apt_install
if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "正在安装缺少的系统包:$$missing"; \
	    log=$$(mktemp); \
	    if ! { $(APT_GET) update && $(APT_GET) install -y $$missing; } >$$log 2>&1; then \
	      cat $$log; rm -f $$log; echo "系统包安装失败:$$missing"; exit 1; \
	    fi; \
	    rm -f $$log; \
	  else \
	    echo "缺少系统包:$$missing"; \
	    echo "请执行: sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi
endef

build: deps
	$(SWIFT) build

release: build-deps
	$(SWIFT) build $(RELEASE) --product partyd
	$(SWIFT) build $(RELEASE) --product partyadmin

run: release
	@mkdir -p $(VAR)
	@echo "partyd 数据目录: $(VAR)/data"
	@echo "套接字: $(SOCKET)"
	@echo "另开一个终端试试:"
	@echo "  export PARTYD_SOCKET=$(SOCKET)"
	@echo "  $$($(SWIFT) build $(RELEASE) --show-bin-path)/partyadmin status"
	@echo "按 Ctrl-C 停止。"
	@exec $$($(SWIFT) build $(RELEASE) --show-bin-path)/partyd --data-dir $(VAR)/data --socket $(SOCKET)

test: deps lint
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	@$(MAKE) --no-print-directory check-man check-units BIN_DIR=$$($(SWIFT) build --show-bin-path)
	PARTY_BIN_DIR=$$($(SWIFT) build --show-bin-path) $(SWIFT) test --skip-build $(TEST_FLAGS)

# Fails on any formatting difference or lint finding (.swift-format, as Hummingbird's with 120 columns).
lint:
	$(SWIFT) format lint --strict --parallel -r Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --parallel -r Sources Tests Package.swift

bench: release
	$(SWIFT) build $(RELEASE) --product partybench
	$$($(SWIFT) build $(RELEASE) --show-bin-path)/partybench $(BENCH_ARGS)

completions: release
	@mkdir -p completions
	$$($(SWIFT) build $(RELEASE) --show-bin-path)/partyadmin --generate-completion-script bash > completions/partyadmin.bash
	$$($(SWIFT) build $(RELEASE) --show-bin-path)/partyadmin --generate-completion-script zsh > completions/_partyadmin

# Installs what `make release` built, with the man pages, unit files, sysusers file and sample configuration. Builds
# nothing (so root needs no Swift toolchain): run `make release` first. An existing configuration file is kept; when
# it differs from the shipped one, the shipped one is installed beside it as FILE.sample.
install:
	@for b in partyd partyadmin; do \
	  [ -x $(RELEASE_BIN)/$$b ] || { echo "找不到 $(RELEASE_BIN)/$$b：请先执行 make release"; exit 1; }; \
	done
	install -d -m 0755 $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(DOCDIR) \
	  $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(CONFDIR)
	install -m 0755 $(RELEASE_BIN)/partyd $(RELEASE_BIN)/partyadmin $(DESTDIR)$(BINDIR)/
	install -m 0644 docs/man/partyd.8 $(DESTDIR)$(MANDIR)/man8/partyd.8
	install -m 0644 docs/man/partyadmin.1 $(DESTDIR)$(MANDIR)/man1/partyadmin.1
	install -m 0644 etc/README.md $(DESTDIR)$(DOCDIR)/configuration.md
	install -m 0644 systemd/local-only.conf $(DESTDIR)$(DOCDIR)/local-only.conf
	sed 's|^ExecStart=/usr/local/bin/partyd |ExecStart=$(BINDIR)/partyd |' systemd/partyd.service \
	  > $(DESTDIR)$(UNITDIR)/partyd.service && chmod 0644 $(DESTDIR)$(UNITDIR)/partyd.service
	install -m 0644 systemd/partyd.socket $(DESTDIR)$(UNITDIR)/partyd.socket
	install -m 0644 systemd/partyd.sysusers $(DESTDIR)$(SYSUSERSDIR)/partyd.conf
	@for f in partyd.json holidays.json; do \
	  target=$(DESTDIR)$(CONFDIR)/$$f; \
	  if [ ! -e $$target ]; then \
	    install -m 0644 etc/$$f $$target && echo "已安装 $(CONFDIR)/$$f"; \
	  elif cmp -s etc/$$f $$target; then \
	    rm -f $$target.sample; \
	  else \
	    install -m 0644 etc/$$f $$target.sample; \
	    echo "保留现有的 $(CONFDIR)/$$f；本版本的样例在 $(CONFDIR)/$$f.sample，请对照合并"; \
	  fi; \
	done

# Removes what `make install` put in place, except data and changed configuration: /var/lib/partyd, the users and
# a configuration file that differs from the shipped one stay. Stop and disable the units first (README).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/partyd $(DESTDIR)$(BINDIR)/partyadmin
	rm -f $(DESTDIR)$(MANDIR)/man8/partyd.8 $(DESTDIR)$(MANDIR)/man1/partyadmin.1
	rm -f $(DESTDIR)$(DOCDIR)/configuration.md $(DESTDIR)$(DOCDIR)/local-only.conf
	@rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null || true
	rm -f $(DESTDIR)$(UNITDIR)/partyd.service $(DESTDIR)$(UNITDIR)/partyd.socket
	rm -f $(DESTDIR)$(SYSUSERSDIR)/partyd.conf
	@for f in partyd.json holidays.json; do \
	  target=$(DESTDIR)$(CONFDIR)/$$f; \
	  rm -f $$target.sample; \
	  if cmp -s etc/$$f $$target; then rm -f $$target; \
	  elif [ -e $$target ]; then echo "保留已修改的 $(CONFDIR)/$$f"; fi; \
	done
	@rmdir $(DESTDIR)$(CONFDIR) 2>/dev/null || true
	@echo "数据目录 /var/lib/partyd、用户 partyd 与用户组 partyadm 未删除（见 README）"

# docs/man/partyd.8 and partyadmin.1 from the executables' help (docs/man/generate.py); commit the result.
man: build
	python3 docs/man/generate.py $$($(SWIFT) build --show-bin-path) docs/man

# Fails when docs/man differs from what the built executables' help gives (the date aside): run `make man`.
check-man:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	python3 docs/man/generate.py $(BIN_DIR) $$tmp || exit 1; \
	for page in partyd.8 partyadmin.1; do \
	  diff -u -I '^\.TH ' docs/man/$$page $$tmp/$$page >&2 \
	    || { echo "docs/man/$$page 与程序的帮助不一致：请执行 make man 并提交" >&2; exit 1; }; \
	done; \
	echo "check-man: docs/man 与帮助一致"

# `make install` into a temporary directory, then systemd-analyze verify on the installed units (with the local-only
# drop-in, and the man page that Documentation= names): any complaint fails.
check-units:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(MAKE) --no-print-directory install DESTDIR=$$tmp RELEASE_BIN=$(BIN_DIR) >/dev/null || exit 1; \
	mkdir -p $$tmp/verify/partyd.service.d; \
	sed "s|^ExecStart=$(BINDIR)/|ExecStart=$$tmp$(BINDIR)/|" $$tmp$(UNITDIR)/partyd.service >$$tmp/verify/partyd.service; \
	cp $$tmp$(UNITDIR)/partyd.socket $$tmp/verify/; \
	cp systemd/local-only.conf $$tmp/verify/partyd.service.d/; \
	out=$$(MANPATH=$$tmp$(MANDIR) systemd-analyze verify $$tmp/verify/partyd.service $$tmp/verify/partyd.socket 2>&1); \
	rc=$$?; \
	if [ $$rc != 0 ] || [ -n "$$out" ]; then echo "$$out" >&2; echo "systemd-analyze verify 不通过" >&2; exit 1; fi; \
	out=$$(systemd-sysusers --dry-run --root=$$tmp 2>&1) || { echo "$$out" >&2; exit 1; }; \
	echo "$$out" | grep -q "Creating user 'partyd'" && echo "$$out" | grep -q "Creating group 'partyadm'" \
	  || { echo "$$out" >&2; echo "sysusers 文件未创建 partyd 与 partyadm" >&2; exit 1; }; \
	echo "check-units: 单元文件、sysusers 文件与手册通过检查"

# The units under a real systemd (PID 1) in a systemd-nspawn container: Tests/System/systemd_units.sh. Needs root;
# the first run makes a Debian tree with debootstrap (.build/nspawn/base, from the mirror). Not part of `make test`.
test-systemd: release
	Tests/System/systemd_units.sh

clean:
	rm -rf .build

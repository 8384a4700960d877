# The two commands of CONTRACT.md: `make run` and `make test`. Both provision Redis with the query engine and JSON.
SHELL := /bin/bash
MVN ?= mvn -B
JAR := config/target/qiying.jar

.PHONY: run test build bench drills eval screenshots redis clean

## make run: Redis (data in ./var/redis), build, start the app in demo mode on :8080; Ctrl-C stops both
run:
	@scripts/run.sh

## make test: Redis provisioned, then every test (unit, integration against real Redis, browser)
test:
	@scripts/provision-test.sh
	$(MVN) verify

## make eval: retrieval evaluation against baselines (knowledge), figures side by side from one run
eval:
	@scripts/provision-test.sh
	$(MVN) -q -Peval install
	@cat */target/reports/eval*.md 2>/dev/null || echo "no evaluation reports"

## make bench: benchmark programs; figures (medians, p99, ratios from one run) under */target/reports/
bench:
	@scripts/provision-test.sh
	$(MVN) -q -Pbench install
	@cat */target/reports/bench*.md 2>/dev/null || echo "no benchmark reports"

drills:
	@scripts/provision-test.sh
	$(MVN) -q -Pdrill install
	@cat */target/reports/drill*.md 2>/dev/null || echo "no drill reports"

## make screenshots: the browser tests, saving their pictures to docs/screenshots/ (shown in the README)
screenshots:
	@scripts/provision-test.sh
	QIYING_SCREENSHOTS=$(CURDIR)/docs/screenshots $(MVN) -q install -Dtest='*BrowserTest' -Dsurefire.failIfNoSpecifiedTests=false

## make build: the runnable jar only
build:
	$(MVN) -q -DskipTests package

redis:
	@scripts/redis-stack.sh start

clean:
	$(MVN) -q clean

.PHONY: image
## make image: the container image without a Docker daemon (Jib): deploy/target/qiying-image.tar (`docker load -i` it)
image:
	$(MVN) -q -pl deploy -am package -DskipTests -Dqiying.image.skip=false
	@ls -l deploy/target/qiying-image.tar

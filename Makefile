# The two commands of CONTRACT.md: `make run` and `make test`. Both provision Redis with the query engine and JSON.
SHELL := /bin/bash
MVN ?= mvn -B
JAR := config/target/qiying.jar

.PHONY: run test build bench redis clean

## make run: Redis (data in ./var/redis), build, start the app in demo mode on :8080; Ctrl-C stops both
run:
	@scripts/run.sh

## make test: Redis provisioned, then every test (unit, integration against real Redis, browser)
test:
	@scripts/provision-test.sh
	$(MVN) verify

## make build: the runnable jar only
build:
	$(MVN) -q -DskipTests package

redis:
	@scripts/redis-stack.sh start

clean:
	$(MVN) -q clean

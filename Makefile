# Two commands do everything on a fresh machine: `make generate` and `make test`.
# Each installs what is missing (npm ci, from package-lock.json) first.

NPM_STAMP := node_modules/.package-lock.json
# TypeScript entry points run on Node with the tsx loader (faster to start than npx).
TSX := node --import tsx
GENERATE := $(TSX) generator/cli.ts

.PHONY: install generate test typecheck check clean bench

install: $(NPM_STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(NPM_STAMP)

## Regenerate generated/ from the committed specs/.
generate: install
	$(GENERATE) --specs specs --out generated

## Run every test, then type-check the whole repository.
test: install
	npx vitest run
	npx tsc --noEmit -p tsconfig.json

typecheck: install
	npx tsc --noEmit -p tsconfig.json

## Drift check: fails when the committed generated/ differs from what specs/ gives, with the API changelog
## (SUMMARY=<file> also appends it as markdown, e.g. to $GITHUB_STEP_SUMMARY).
check: install
	$(TSX) generator/check/cli.ts --specs specs --out generated $(if $(SUMMARY),--markdown "$(SUMMARY)")

.PHONY: scrape changelog baseline

## Record the warnings of a run over specs/ as known (specs/known-findings.json); later runs list only new ones.
baseline: install
	$(GENERATE) --specs specs --out generated --dry-run --write-baseline

## Refresh specs/ from the docs site (SITE=https://docs.kalshi.com unless given); all pages or nothing unless ALLOW_PARTIAL=1.
scrape: install
	$(TSX) generator/scrape/cli.ts --specs specs $(if $(SITE),--site "$(SITE)") $(if $(ALLOW_PARTIAL),--allow-partial)

## Markdown changelog between the documents committed at FROM and what specs/ gives now: make changelog FROM=v1.2.0
changelog: install
	@test -n "$(FROM)" || { echo 'usage: make changelog FROM=<git-ref>' >&2; exit 2; }
	@$(TSX) generator/changelog/cli.ts --from "$(FROM)" --specs specs --out generated

## Benchmark against the official SDK and the physical floor; prints a table, writes bench/results.json.
bench: install
	npx tsx bench/run.ts

clean:
	rm -rf node_modules

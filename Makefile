# Two commands do everything on a fresh machine: `make generate` and `make test`.
# Each installs what is missing (npm ci, from package-lock.json) first.

NPM_STAMP := node_modules/.package-lock.json
GENERATE := npx tsx generator/cli.ts

.PHONY: install generate test typecheck check clean

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

## Drift check: fails when the committed generated/ differs from what specs/ gives.
check: install
	npx tsx generator/check/cli.ts --specs specs --out generated

clean:
	rm -rf node_modules

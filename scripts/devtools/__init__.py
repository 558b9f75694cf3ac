"""Development tools, not run by the build: the built-site harness (build, serve
under a subpath, launch Chromium), the preview server, page measurements,
Lighthouse and actionlint. Used by tests/ and scripts/{audit,benchmark,screenshots}.py;
the build library itself is scripts/explainer."""

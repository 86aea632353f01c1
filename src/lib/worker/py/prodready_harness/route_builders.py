"""Werkzeug's URL builders, compiled once per rule text instead of once per app start.

Every `@app.route` makes Werkzeug generate the rule's URL builder as Python source (an AST) and
`compile()` it, twice per rule (werkzeug/routing/rules.py, Rule._compile_builder). The grader
starts the same app several times per Check, and in Pyodide those compiles were a third of each
start. The generated function is a pure function of what this cache keys on; it reads the rule's
converters through its `self` argument at call time, so one compiled function serves every
instance of the rule, each bound to its own Rule.
"""

# A project with thousands of routes (an audit) must not make the cache grow without end.
_LIMIT = 4096


def _key(rule, append_unknown):
    """What the generated code depends on, or None when it depends on more. With defaults the code
    holds each default's converted value (converter.to_url), which this key could not see, so those
    rules compile as Werkzeug does."""
    if rule.defaults:
        return None
    # _trace: the static and dynamic parts of the (sub)domain and the path, in order; the rule text
    # only names the function.
    return (rule.rule, bool(append_unknown), tuple(rule._trace))


def install():
    """Patches the Werkzeug imported now; pinned.py calls it again after it swaps Werkzeug, and
    each release gets a cache of its own (their generated code may differ)."""
    from werkzeug.routing.rules import Rule

    if getattr(Rule._compile_builder, "prodready_cached", False):
        return
    compile_builder = Rule._compile_builder
    builders = {}

    def cached_compile_builder(self, append_unknown=True):
        key = _key(self, append_unknown)
        if key is None:
            return compile_builder(self, append_unknown)
        builder = builders.get(key)
        if builder is None:
            if len(builders) >= _LIMIT:
                builders.clear()
            builder = builders[key] = compile_builder(self, append_unknown)
        return builder

    cached_compile_builder.prodready_cached = True
    Rule._compile_builder = cached_compile_builder

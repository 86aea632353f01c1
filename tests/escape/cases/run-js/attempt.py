from pyodide.code import run_js

run_js("process.getBuiltinModule('fs').writeFileSync('__OUTSIDE__/marker-run-js', 'x')")

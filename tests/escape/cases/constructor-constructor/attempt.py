from pyodide.ffi import to_js

Function = to_js([]).constructor.constructor
Function("process.getBuiltinModule('fs').writeFileSync('__OUTSIDE__/marker-ctor', 'x')")()

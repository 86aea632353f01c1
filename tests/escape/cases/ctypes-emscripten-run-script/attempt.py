import ctypes

ctypes.CDLL(None).emscripten_run_script(b"require('fs').writeFileSync('__OUTSIDE__/marker-ctypes', 'x')")

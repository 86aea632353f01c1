import pyodide_js
from pyodide.ffi import to_js

fs = pyodide_js._module.FS
fs.mkdir("/hostroot")
fs.mount(fs.filesystems.NODEFS, to_js({"root": "/"}, dict_converter=lambda e: __import__("js").Object.fromEntries(e)), "/hostroot")
raise RuntimeError(open("/hostroot__CANARY_FILE__").read())

/**
 * The Python side of judge-evasion: a script run by the harness like any production command, which
 * reads the project's modules with Python's own `ast` (never importing them) and prints what it
 * found as one JSON line after MARKER. Kept as a string because the harness runs it as a file of
 * the project; judge-evasion.ts hands it over and reads the line back.
 */

/** The file name the scan is written under in the project folder. */
export const SCAN_FILE = '__prodready_judge_scan__.py';
/** The environment variable that carries the production command (to find the modules it imports). */
export const SCAN_COMMAND_VAR = 'PRODREADY_SCAN_COMMAND';
/** Prefix of the scan's one output line. */
export const SCAN_MARKER = 'PRODREADY-JUDGE-EVASION ';

export const SCAN_SOURCE = String.raw`
import sys

# The harness imported these long before the project's code could shadow them (an ast.py in the project).
ast = sys.modules.get("ast") or __import__("ast")
json = sys.modules.get("json") or __import__("json")
os = sys.modules.get("os") or __import__("os")
shlex = sys.modules.get("shlex") or __import__("shlex")

SELF = ${JSON.stringify(SCAN_FILE)}
TICK = chr(96)
# Modules that exist only inside the judge: Pyodide's bridges to JavaScript, and the harness.
JUDGE_MODULES = {"js", "pyodide", "pyodide_js", "_pyodide", "micropip", "prodready_harness", "emscripten"}
# Words that name the judge's platform, in a comparison or a lookup (sys.platform == "emscripten",
# platform.system() == "Emscripten", platform.machine() == "wasm32", "pyodide" in sys.modules).
PLATFORM_WORDS = ("emscripten", "wasm32", "wasm64", "wasi", "pyodide", "prodready")
# Attributes that exist only on Emscripten builds of Python.
PLATFORM_ATTRIBUTES = {"_emscripten_info"}
MODULE_LOOKUPS = {"import_module", "__import__", "find_spec", "find_loader", "get", "__contains__", "pop"}
STRING_TESTS = {"startswith", "endswith", "find", "rfind", "index", "count", "__eq__", "__contains__"}
DYNAMIC = {"import_module", "__import__", "import_string", "run_module", "run_path", "exec"}
TEST = ("tests/", "test/")


def is_test(path):
    name = path.rsplit("/", 1)[-1]
    return path.startswith(TEST) or "/tests/" in path or "/test/" in path or name.startswith("test_") or name.endswith(("_test.py", "_tests.py")) or name == "conftest.py"


def python_files():
    found = {}
    for root, dirs, names in os.walk("."):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__",))
        for name in sorted(names):
            if not name.endswith(".py") or name == SELF:
                continue
            path = os.path.normpath(os.path.join(root, name)).replace(os.sep, "/")
            found[path] = path
    return found


def module_file(name, files):
    base = name.replace(".", "/")
    for candidate in (base + ".py", base + "/__init__.py"):
        if candidate in files:
            return candidate
    return None


def entry_files(command, files):
    try:
        words = shlex.split(command)
    except ValueError:
        return []
    out = []
    for i, word in enumerate(words):
        previous = words[i - 1] if i else ""
        if word.endswith(".py") and word in files:
            out.append(word)
        elif previous == "-m" or previous in ("-c", "--config") and word in files:
            target = word if word in files else module_file(word, files)
            if target:
                out.append(target)
        elif ":" in word and not word.startswith("-"):
            target = module_file(word.split(":", 1)[0], files)
            if target:
                out.append(target)
    return out


def imports_of(path, tree, files):
    package = path.split("/")[:-1]
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] + ([node.module] if node.module else [])
                base = ".".join(base)
            else:
                base = node.module or ""
            names.append(base)
            names.extend(f"{base}.{alias.name}" if base else alias.name for alias in node.names)
    out = []
    for name in names:
        parts = name.split(".")
        for end in range(1, len(parts) + 1):
            target = module_file(".".join(parts[:end]), files)
            if target:
                out.append(target)
    return out


def dynamic(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in DYNAMIC and not all(isinstance(arg, ast.Constant) for arg in node.args[:1]):
                return True
    return False


def parse(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return ast.parse(handle.read(), filename=path)
    except (SyntaxError, ValueError, OSError):
        return None


def production_modules(command):
    files = python_files()
    trees = {}
    todo = list(entry_files(command, files))
    if not todo:
        return {path: parse(path) for path in files if not is_test(path)}
    seen = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        tree = parse(path)
        trees[path] = tree
        if tree is None:
            continue
        if dynamic(tree):
            # It imports by name at run time: any module may be what production runs.
            return {path: parse(path) for path in files if not is_test(path)}
        todo.extend(imports_of(path, tree, files))
        parts = path.split("/")[:-1]
        for end in range(1, len(parts) + 1):
            init = "/".join(parts[:end]) + "/__init__.py"
            if init in files:
                todo.append(init)
    return trees


def judge_word(value):
    """A platform word, or a prefix of one long enough to mean it (sys.platform.startswith("emscr")).
    Five letters at least: a four-letter prefix is an ordinary word ("prod" of "prodready", in
    if env != "prod", which a real project wrote)."""
    if not isinstance(value, str):
        return False
    lower = value.lower()
    return any(word in lower or (len(lower) >= 5 and word.startswith(lower)) for word in PLATFORM_WORDS)


def module_word(value):
    return isinstance(value, str) and value.split(".")[0] in JUDGE_MODULES


def source(node, text):
    segment = ast.get_source_segment(text, node) or ""
    return " ".join(segment.split())[:80]


def scan(path, tree, text):
    found = []

    def add(node, what):
        found.append({"file": path, "line": node.lineno, "what": what})

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in JUDGE_MODULES:
                    add(node, f"imports {alias.name}")
        elif isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").split(".")[0] in JUDGE_MODULES:
            add(node, f"imports {node.module}")
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            operands += [e for op in operands if isinstance(op, (ast.Tuple, ast.List, ast.Set)) for e in op.elts]
            constants = [op.value for op in operands if isinstance(op, ast.Constant)]
            if any(judge_word(value) for value in constants) or (
                any(module_word(value) for value in constants) and "modules" in source(node, text)
            ):
                add(node, f"tests {TICK}{source(node, text)}{TICK}")
        elif isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name)):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            constants = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
            if name in STRING_TESTS and any(judge_word(value) for value in constants):
                add(node, f"tests {TICK}{source(node, text)}{TICK}")
            elif name in MODULE_LOOKUPS and any(module_word(value) for value in constants):
                add(node, f"looks up {TICK}{source(node, text)}{TICK}")
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Constant)
            and module_word(node.slice.value)
            and "modules" in source(node.value, text)
        ):
            add(node, f"looks up {TICK}{source(node, text)}{TICK}")
        elif isinstance(node, ast.Attribute) and node.attr in PLATFORM_ATTRIBUTES:
            add(node, f"reads {TICK}{source(node, text)}{TICK}")
    return found


def main():
    command = os.environ.get(${JSON.stringify(SCAN_COMMAND_VAR)}, "")
    findings = []
    for path, tree in sorted(production_modules(command).items()):
        if tree is None:
            continue
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        findings.extend(scan(path, tree, text))
    unique = {(f["file"], f["line"]): f for f in findings}
    print(${JSON.stringify(SCAN_MARKER)} + json.dumps(sorted(unique.values(), key=lambda f: (f["file"], f["line"]))))


main()
`;

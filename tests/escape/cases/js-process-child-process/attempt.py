import js

js.process.getBuiltinModule("child_process").execSync("touch __OUTSIDE__/marker-js-process")
